#include <iostream>

#include "ingest/pipeline.h"
#include "ingest/reader/document_reader.h"
#include "ingest/statements/statement_json.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  bool mentions = false;
};

int RunExtract(const ExtractOptions& options) {
  ingest::ReadBatch batch = ingest::ReadPaths(options.paths);
  int failures = 0;
  for (const ingest::ReadError& error : batch.errors) {
    ReportError(error.ToString());
    ++failures;
  }
  for (const ingest::ReadError& skipped : batch.skipped) {
    std::cerr << "presskg: skipped " << skipped.ToString() << "\n";
  }
  for (const ingest::RawDocument& doc : batch.documents) {
    Result<graph::DocumentGraph> graph = ingest::BuildDocumentGraph(doc);
    if (!graph.ok()) {
      ReportError(doc.name + ": " + graph.status().message());
      ++failures;
      continue;
    }
    for (const nlohmann::json& line : ingest::StatementsOf(*graph, options.mentions)) {
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  std::cout.flush();
  return failures == 0 ? kExitOk : kExitError;
}

}  // namespace

void AddExtractCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = root.add_subcommand(
      "extract", "Print the facts of documents as JSON Lines (statements.md); writes nothing");
  cmd->add_option("PATH", options->paths, "Files or folders (.txt, .html, .jsonl)")->required();
  cmd->add_flag("--mentions", options->mentions, "Also print the mentions facts");
  cmd->callback([options, ctx] { ctx->exit_code = RunExtract(*options); });
}

}  // namespace presskg::query
