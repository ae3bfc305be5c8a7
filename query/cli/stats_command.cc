#include <iostream>

#include "graph/model.h"
#include "query/api/json_views.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct StatsOptions {
  std::string db;
  bool json = false;
};

int RunStats(const StatsOptions& options) {
  auto store = OpenStoreOrReport(options.db, /*read_only=*/true);
  if (!store.ok()) return kExitError;
  Result<graph::StoreStats> stats = (*store)->Snapshot()->GetStats();
  if (!stats.ok()) {
    ReportError(stats.status().message());
    return kExitError;
  }
  if (options.json) {
    std::cout << StatsJson(*stats).dump(2) << "\n";
    return kExitOk;
  }
  std::uint64_t nodes = 0;
  std::uint64_t edges = 0;
  for (const auto& [kind, n] : stats->nodes_by_kind) nodes += n;
  for (const auto& [relation, n] : stats->edges_by_relation) edges += n;
  std::cout << "documents      " << stats->documents << "\n"
            << "nodes          " << nodes << "\n";
  for (const auto& [kind, n] : stats->nodes_by_kind) {
    std::cout << "  " << graph::NodeKindName(kind) << std::string(13 - graph::NodeKindName(kind).size(), ' ')
              << n << "\n";
  }
  std::cout << "edges          " << edges << "\n";
  for (const auto& [relation, n] : stats->edges_by_relation) {
    std::cout << "  " << relation << std::string(relation.size() < 23 ? 23 - relation.size() : 1, ' ')
              << n << "\n";
  }
  std::cout << "evidence       " << stats->evidence << "\n"
            << "literal facts  " << stats->literals << "\n";
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* cmd = root.add_subcommand("stats", "Count documents, nodes by kind, edges by relation");
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--json", options->json, "Print JSON");
  cmd->callback([options, ctx] { ctx->exit_code = RunStats(*options); });
}

}  // namespace presskg::query
