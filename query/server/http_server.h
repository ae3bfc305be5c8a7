#pragma once

#include <memory>
#include <string>

#include "graph/status.h"
#include "query/api/api_service.h"

namespace presskg::query {

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 picks a free port
  std::string web_dir;             // served at "/" when it exists
  // Most connections served at once: each open connection (idle keep-alive, slow or half-open
  // ones included, until their timeouts) holds a worker thread; threads start as needed.
  std::size_t worker_threads = 512;
  std::size_t max_body_bytes = 16 << 20;
  int keep_alive_timeout_s = 5;
  std::size_t keep_alive_max_requests = 10000;
  int read_timeout_s = 10;  // cuts off slow and half-open clients
  std::string cors_origin;  // empty: no CORS headers
};

// The HTTP front of ApiService (cpp-httplib lives only in this file's implementation).
class HttpServer {
 public:
  // `api` must outlive the server.
  HttpServer(const ApiService* api, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port (useful with port 0). IoError when it cannot bind.
  Result<int> Bind();
  // Serves until Stop(); call after Bind(). Returns when stopped.
  Status Serve();
  // Stops a running Serve() from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace presskg::query
