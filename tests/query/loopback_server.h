#pragma once

// Test support: a real presskg HTTP server on a free loopback port, served from a thread.

#include <memory>
#include <string>
#include <thread>

#include "query/server/http_server.h"

namespace presskg::query::testing {

class LoopbackServer {
 public:
  // Binds a free port (options.port is ignored), serves `api` and waits until it answers.
  LoopbackServer(const ApiService* api, HttpServerOptions options);
  // Stops the server and joins its thread.
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // False when binding failed (`error()` says why).
  bool ok() const { return port_ > 0; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::string error_;
};

}  // namespace presskg::query::testing
