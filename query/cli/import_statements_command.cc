#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ingest/statements/statement_importer.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct ImportOptions {
  std::string file;
  std::string db;
};

int RunImport(const ImportOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    ReportError("cannot read " + options.file);
    return kExitError;
  }
  std::ostringstream content;
  content << in.rdbuf();
  Result<graph::DocumentGraph> parsed = ingest::ParseStatements(
      std::filesystem::path(options.file).filename().string(), content.str());
  if (!parsed.ok()) {
    ReportError(parsed.status().message());
    return kExitError;
  }
  parsed->document.source = options.file;
  auto store = OpenStoreOrReport(options.db, /*read_only=*/false);
  if (!store.ok()) return kExitError;
  Result<graph::CommitResult> result = (*store)->CommitDocument(*parsed);
  if (!result.ok()) {
    ReportError(result.status().message());
    return kExitError;
  }
  if (result->already_present) {
    std::cout << options.file << ": already imported (document " << result->document
              << "); nothing changed\n";
  } else {
    std::cout << options.file << ": " << parsed->facts.size() << " statements, "
              << parsed->literals.size() << " literal facts; " << result->nodes_created
              << " new entities, " << result->edges_created << " new edges\n";
  }
  return kExitOk;
}

}  // namespace

void AddImportStatementsCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = root.add_subcommand(
      "import-statements",
      "Import curated statements: TSV lines 'subject<TAB>relation<TAB>object"
      "[<TAB>subject_kind[<TAB>object_kind]]'");
  cmd->add_option("FILE", options->file, "Statements file (TSV)")->required();
  AddDbOption(cmd, &options->db);
  cmd->callback([options, ctx] { ctx->exit_code = RunImport(*options); });
}

}  // namespace presskg::query
