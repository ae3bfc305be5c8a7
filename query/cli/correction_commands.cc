#include <iostream>

#include "ingest/resolve/corrections.h"
#include "query/api/decimal_id.h"
#include "query/api/entity_lookup.h"
#include "query/api/json_views.h"
#include "query/cli/command.h"

// merge, split, revert and corrections: a journalist's corrections of entity resolution, kept in
// the store's audit log (when, what, why). Later ingests follow them: the names of a merged
// entity resolve to the entity that absorbed it, split-off names to the new entity.
namespace presskg::query {
namespace {

using nlohmann::json;

struct CorrectionOptions {
  std::string db;
  bool json = false;
  std::vector<std::string> args;     // positional entity refs / correction id
  std::vector<std::string> aliases;  // split: names to split off
  std::string why;
  std::string entity;  // corrections: only those touching this entity
};

void PrintCorrection(const graph::Correction& c) {
  std::cout << "correction " << c.id << " (" << graph::CorrectionKindName(c.kind) << ", " << c.when
            << "): ";
  switch (c.kind) {
    case graph::CorrectionKind::kMerge:
      std::cout << c.from_label << " [" << c.from << "] merged into " << c.to_label << " [" << c.to
                << "]";
      break;
    case graph::CorrectionKind::kSplit:
      std::cout << c.to_label << " [" << c.to << "] split off " << c.from_label << " [" << c.from
                << "]";
      break;
    case graph::CorrectionKind::kRevert:
      std::cout << "undid correction " << c.reverts << " (" << c.from_label << " [" << c.from
                << "] -> " << c.to_label << " [" << c.to << "])";
      break;
  }
  std::cout << "\n  why: " << c.why << "\n  " << c.facts.size() << " facts moved, "
            << c.edges_changed << " edges changed";
  if (c.loops_parked > 0) std::cout << ", " << c.loops_parked << " evidence records set aside";
  if (c.reverted_by != 0) std::cout << "; reverted by correction " << c.reverted_by;
  std::cout << "\n";
}

Result<graph::NodeId> Resolve(const graph::GraphStore& store, const std::string& ref) {
  return ResolveEntityRef(*store.Snapshot(), ref);
}

Result<graph::Correction> Apply(const std::string& what, const CorrectionOptions& options,
                                graph::GraphStore* store) {
  auto snapshot = store->Snapshot();
  if (what == "merge") {
    PRESSKG_ASSIGN_OR_RETURN(graph::NodeId keep, Resolve(*store, options.args.at(0)));
    PRESSKG_ASSIGN_OR_RETURN(graph::NodeId absorb, Resolve(*store, options.args.at(1)));
    PRESSKG_ASSIGN_OR_RETURN(graph::MergeRequest request,
                             ingest::PrepareMerge(*snapshot, keep, absorb, options.why));
    return store->MergeNodes(request);
  }
  if (what == "split") {
    PRESSKG_ASSIGN_OR_RETURN(graph::NodeId node, Resolve(*store, options.args.at(0)));
    PRESSKG_ASSIGN_OR_RETURN(graph::SplitRequest request,
                             ingest::PrepareSplit(*snapshot, node, options.aliases, options.why));
    return store->SplitNode(request);
  }
  const std::string& text = options.args.at(0);
  std::optional<std::uint64_t> id = ParseDecimalId(text);
  if (!id) {
    return Status::InvalidArgument("'" + text + "' is not a correction id (see presskg corrections)");
  }
  return store->RevertCorrection(*id, options.why);
}

int RunCorrection(const std::string& what, const CorrectionOptions& options) {
  auto store = OpenStoreOrReport(options.db, /*read_only=*/false);
  if (!store.ok()) return kExitError;
  Result<graph::Correction> done = Apply(what, options, store->get());
  if (!done.ok()) {
    ReportError(done.status().message());
    return kExitError;
  }
  if (options.json) {
    std::cout << CorrectionJson(*done).dump(2) << "\n";
  } else {
    PrintCorrection(*done);
  }
  return kExitOk;
}

int RunList(const CorrectionOptions& options) {
  auto store = OpenStoreOrReport(options.db, /*read_only=*/true);
  if (!store.ok()) return kExitError;
  graph::NodeId node = 0;
  if (!options.entity.empty()) {
    Result<graph::NodeId> id = Resolve(**store, options.entity);
    if (!id.ok()) {
      ReportError(id.status().message());
      return kExitError;
    }
    node = *id;
  }
  Result<std::vector<graph::Correction>> log = (*store)->Snapshot()->ListCorrections(node);
  if (!log.ok()) {
    ReportError(log.status().message());
    return kExitError;
  }
  if (options.json) {
    json items = json::array();
    for (const graph::Correction& c : *log) items.push_back(CorrectionJson(c));
    std::cout << items.dump(2) << "\n";
    return kExitOk;
  }
  for (const graph::Correction& c : *log) PrintCorrection(c);
  if (log->empty()) std::cout << "no corrections\n";
  return kExitOk;
}

CLI::App* AddCommand(CLI::App& root, CommandContext* ctx, const std::string& name,
                     const std::string& help, const std::shared_ptr<CorrectionOptions>& options) {
  CLI::App* cmd = root.add_subcommand(name, help);
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--json", options->json, "Print the audit-log entry as JSON");
  if (name != "corrections") {
    cmd->add_option("--why", options->why, "The reason, kept in the audit log")->required();
    cmd->callback([options, ctx, name] { ctx->exit_code = RunCorrection(name, *options); });
  } else {
    cmd->callback([options, ctx] { ctx->exit_code = RunList(*options); });
  }
  return cmd;
}

}  // namespace

void AddCorrectionCommands(CLI::App& root, CommandContext* ctx) {
  auto merge = std::make_shared<CorrectionOptions>();
  CLI::App* cmd = AddCommand(root, ctx, "merge",
                             "Record that two entities are one: B is folded into A", merge);
  cmd->add_option("A B", merge->args, "The entity kept, then the one absorbed (ids or names)")
      ->required()
      ->expected(2);

  auto split = std::make_shared<CorrectionOptions>();
  cmd = AddCommand(root, ctx, "split",
                   "Record that some names of an entity are another entity", split);
  cmd->add_option("ENTITY", split->args, "Entity id or name")->required()->expected(1);
  cmd->add_option("--alias", split->aliases, "A name to split off (repeat for several)")
      ->required();

  auto revert = std::make_shared<CorrectionOptions>();
  cmd = AddCommand(root, ctx, "revert",
                   "Undo a merge (unmerge) or a split, by its correction id", revert);
  cmd->add_option("ID", revert->args, "Correction id (see presskg corrections)")
      ->required()
      ->expected(1);
  cmd->alias("unmerge");

  auto list = std::make_shared<CorrectionOptions>();
  cmd = AddCommand(root, ctx, "corrections", "The audit log of merges, splits and reverts", list);
  cmd->add_option("--entity", list->entity, "Only corrections of this entity (id or name)");
}

}  // namespace presskg::query
