#include <iostream>

#include "ingest/eval/evaluate.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct EvalOptions {
  std::string dir;
  bool verbose = false;
};

int RunEval(const EvalOptions& options) {
  Result<ingest::EvalReport> report = ingest::EvaluateCorpus(options.dir);
  if (!report.ok()) {
    ReportError(report.status().message());
    return kExitError;
  }
  std::cout << ingest::FormatEvalReport(*report, options.verbose);
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd = root.add_subcommand(
      "eval", "Score extraction against the gold files (*.gold.tsv) of a folder");
  cmd->add_option("DIR", options->dir, "Folder of NAME.fr.txt / NAME.en.txt and NAME.gold.tsv")
      ->required();
  cmd->add_flag("--verbose", options->verbose, "List every miss and false positive");
  cmd->callback([options, ctx] { ctx->exit_code = RunEval(*options); });
}

}  // namespace presskg::query
