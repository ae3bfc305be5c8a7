#pragma once

// Internal to query/: how subcommands plug into the presskg command line (CLI11).

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "graph/graph_store.h"

namespace presskg::query {

// Exit codes of the presskg command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // the command ran and failed (bad input, store error)
inline constexpr int kExitUsage = 2;  // bad command line

// Shared state of one run of the command line.
struct CommandContext {
  int exit_code = kExitOk;
};

// The --db default: $PRESSKG_DB, else "presskg-data" in the working directory.
std::string DefaultDbPath();
// Adds the --db option bound to `dir` (preset to DefaultDbPath()).
void AddDbOption(CLI::App* command, std::string* dir);
// Opens the store, printing a clear error on failure.
Result<std::unique_ptr<graph::GraphStore>> OpenStoreOrReport(const std::string& dir,
                                                            bool read_only);
// Prints "presskg: error: MESSAGE" to stderr.
void ReportError(const std::string& message);

// Each subcommand registers itself on the root app; its callback sets ctx->exit_code.
void AddImportStatementsCommand(CLI::App& root, CommandContext* ctx);
void AddStatsCommand(CLI::App& root, CommandContext* ctx);
void AddServeCommand(CLI::App& root, CommandContext* ctx);
void AddExtractCommand(CLI::App& root, CommandContext* ctx);
void AddIngestCommand(CLI::App& root, CommandContext* ctx);
void AddQueryCommands(CLI::App& root, CommandContext* ctx);
void AddExportCommand(CLI::App& root, CommandContext* ctx);
void AddEvalCommand(CLI::App& root, CommandContext* ctx);
void AddCorrectionCommands(CLI::App& root, CommandContext* ctx);
void AddCheckCommand(CLI::App& root, CommandContext* ctx);
void AddBulkLoadCommand(CLI::App& root, CommandContext* ctx);

}  // namespace presskg::query
