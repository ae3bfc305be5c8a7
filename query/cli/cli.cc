#include "query/cli/cli.h"

#include <exception>
#include <iostream>

#include "query/cli/command.h"

namespace presskg::query {

int RunCli(int argc, char** argv) {
  CLI::App app{
      "presskg: a knowledge graph of who is tied to whom, read from French and English press "
      "releases"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "presskg 0.1.0");
  CommandContext ctx;
  AddImportStatementsCommand(app, &ctx);
  AddBulkLoadCommand(app, &ctx);
  AddStatsCommand(app, &ctx);
  AddCheckCommand(app, &ctx);
  AddExtractCommand(app, &ctx);
  AddIngestCommand(app, &ctx);
  AddEvalCommand(app, &ctx);
  AddQueryCommands(app, &ctx);
  AddExportCommand(app, &ctx);
  AddCorrectionCommands(app, &ctx);
  AddServeCommand(app, &ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    ReportError(e.what());
    return kExitError;
  }
  return ctx.exit_code;
}

}  // namespace presskg::query
