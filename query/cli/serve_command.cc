#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "query/api/api_service.h"
#include "query/cli/command.h"
#include "query/server/http_server.h"

namespace presskg::query {
namespace {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string web_dir;
  std::size_t threads = 512;
  std::string cors_origin;
};

HttpServer* g_server = nullptr;

void OnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

// web/dist beside the binary's source tree, or next to the binary when installed.
std::string DefaultWebDir() {
  for (const char* candidate : {"web/dist", "../web/dist"}) {
    if (std::filesystem::is_directory(candidate)) return candidate;
  }
  return "";
}

int RunServe(ServeOptions options) {
  if (options.token.empty()) {
    if (const char* env = std::getenv("PRESSKG_TOKEN")) options.token = env;
  }
  auto store = OpenStoreOrReport(options.db, /*read_only=*/false);
  if (!store.ok()) return kExitError;
  Result<std::unique_ptr<ApiService>> api = ApiService::Create(store->get(), options.token);
  if (!api.ok()) {
    ReportError(api.status().message());
    return kExitError;
  }
  HttpServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.web_dir = options.web_dir.empty() ? DefaultWebDir() : options.web_dir;
  server_options.worker_threads = options.threads;
  server_options.cors_origin = options.cors_origin;
  HttpServer server(api->get(), server_options);
  Result<int> port = server.Bind();
  if (!port.ok()) {
    ReportError(port.status().message());
    return kExitError;
  }
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::cout << "presskg: serving " << options.db << " on http://" << options.host << ":" << *port
            << "/" << (options.token.empty() ? " (read-only: no --token)" : "") << std::endl;
  Status status = server.Serve();
  g_server = nullptr;
  if (!status.ok()) {
    ReportError(status.message());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = root.add_subcommand("serve", "Serve the JSON API under /api/v1 and the web UI");
  AddDbOption(cmd, &options->db);
  cmd->add_option("--host", options->host, "Address to bind (default 127.0.0.1)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "Port (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--token", options->token,
                  "Token required by write endpoints (default: $PRESSKG_TOKEN; none disables them)");
  cmd->add_option("--web", options->web_dir, "Folder served at / (default: web/dist)");
  cmd->add_option("--threads", options->threads,
                  "Most connections served at once (a thread each, started as needed)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--cors-origin", options->cors_origin, "Allowed CORS origin (default: none)");
  cmd->callback([options, ctx] { ctx->exit_code = RunServe(*options); });
}

}  // namespace presskg::query
