#include <iostream>

#include "graph/export/export.h"
#include "graph/query/ego_graph.h"
#include "graph/query/live_index.h"
#include "query/api/entity_lookup.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct ExportOptions {
  std::string db;
  std::string format = "graphml";
  std::string out;
  std::string entity;
  int depth = 1;
  int limit = 500;
  bool documents = false;
};

int RunExport(const ExportOptions& options) {
  auto format = graph::ParseExportFormat(options.format);
  if (!format) {
    ReportError("unknown format '" + options.format + "' (graphml, gexf or csv)");
    return kExitUsage;
  }
  if (*format == graph::ExportFormat::kCsv && options.out.empty()) {
    ReportError("CSV export writes two files: give a directory with --out");
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(options.db, /*read_only=*/true);
  if (!store.ok()) return kExitError;
  auto snapshot = (*store)->Snapshot();
  graph::ExportFilter filter;
  filter.include_documents = options.documents;
  if (!options.entity.empty()) {
    // An ego network: the entity and what lies within --depth hops of it.
    Result<graph::NodeId> center = ResolveEntityRef(*snapshot, options.entity);
    if (!center.ok()) {
      ReportError(center.status().message());
      return kExitError;
    }
    Result<std::unique_ptr<graph::LiveIndex>> index = graph::LiveIndex::Open(**store);
    if (!index.ok()) {
      ReportError(index.status().message());
      return kExitError;
    }
    graph::EgoOptions ego_options;
    ego_options.depth = static_cast<std::uint32_t>(options.depth);
    ego_options.max_nodes = static_cast<std::uint32_t>(options.limit);
    ego_options.max_edges = ego_options.max_nodes * 20;
    Result<graph::EgoGraph> ego = graph::EgoSubgraph(*(*index)->Current(), *center, ego_options);
    if (!ego.ok()) {
      ReportError(ego.status().message());
      return kExitError;
    }
    std::vector<graph::NodeId> nodes;
    for (const graph::EgoNode& node : ego->nodes) nodes.push_back(node.id);
    filter.nodes = std::move(nodes);
    filter.edges = ego->edges;
  }
  Status status = options.out.empty()
                      ? graph::ExportGraph(*snapshot, *format, filter, std::cout)
                      : graph::ExportGraphToPath(*snapshot, *format, filter, options.out);
  if (!status.ok()) {
    ReportError(status.message());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = root.add_subcommand(
      "export", "Export the graph (or an entity's neighbourhood) as GraphML, GEXF or Neo4j CSV");
  AddDbOption(cmd, &options->db);
  cmd->add_option("--format", options->format, "graphml, gexf or csv")
      ->check(CLI::IsMember({"graphml", "gexf", "csv"}))
      ->capture_default_str();
  cmd->add_option("--out", options->out,
                  "Output file (GraphML, GEXF) or directory (CSV); default: standard output");
  cmd->add_option("--entity", options->entity, "Export only this entity's neighbourhood");
  cmd->add_option("--depth", options->depth, "Hops around --entity")
      ->check(CLI::Range(1, 3))
      ->capture_default_str();
  cmd->add_option("--limit", options->limit, "Most nodes around --entity")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_flag("--documents", options->documents,
                "Include document nodes and their mentions / quoted_in edges");
  cmd->callback([options, ctx] { ctx->exit_code = RunExport(*options); });
}

}  // namespace presskg::query
