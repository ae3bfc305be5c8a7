#include <iostream>

#include <nlohmann/json.hpp>

#include "graph/store_check.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct CheckOptions {
  std::string db;
  bool json = false;
};

nlohmann::json ReportJson(const graph::StoreCheckReport& report) {
  nlohmann::json problems = nlohmann::json::array();
  for (const graph::StoreProblem& problem : report.problems) {
    problems.push_back({{"kind", problem.kind}, {"key", problem.key}, {"message", problem.message}});
  }
  return {{"sound", report.sound()},
          {"problem_count", report.problem_count},
          {"problems", problems},
          {"scanned",
           {{"documents", report.documents},
            {"nodes", report.nodes},
            {"edges", report.edges},
            {"adjacency_keys", report.adjacency_keys},
            {"evidence", report.evidence},
            {"literals", report.literals},
            {"name_keys", report.name_keys}}}};
}

int RunCheck(const CheckOptions& options) {
  Result<graph::StoreCheckReport> report = graph::CheckStore(options.db);
  if (!report.ok()) {
    ReportError(report.status().message());
    return kExitError;
  }
  if (options.json) {
    std::cout << ReportJson(*report).dump(2) << "\n";
    return report->sound() ? kExitOk : kExitError;
  }
  for (const graph::StoreProblem& problem : report->problems) {
    std::cout << problem.kind << " " << problem.key << ": " << problem.message << "\n";
  }
  if (report->problem_count > report->problems.size()) {
    std::cout << "... " << report->problem_count - report->problems.size() << " more\n";
  }
  std::cout << options.db << ": " << (report->sound() ? "sound" : "NOT sound") << ", "
            << report->problem_count << " problems; scanned " << report->documents
            << " documents, " << report->nodes << " nodes, " << report->edges << " edges, "
            << report->evidence << " evidence, " << report->literals << " literal facts\n";
  return report->sound() ? kExitOk : kExitError;
}

}  // namespace

void AddCheckCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = root.add_subcommand(
      "check", "Verify the store's invariants; exit 0 only when it is sound");
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--json", options->json, "Print the report as JSON");
  cmd->callback([options, ctx] { ctx->exit_code = RunCheck(*options); });
}

}  // namespace presskg::query
