#include "tests/query/loopback_server.h"

#include <httplib.h>

#include <chrono>

namespace presskg::query::testing {

LoopbackServer::LoopbackServer(const ApiService* api, HttpServerOptions options) {
  options.host = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<HttpServer>(api, std::move(options));
  Result<int> port = server_->Bind();
  if (!port.ok()) {
    error_ = port.status().ToString();
    return;
  }
  port_ = *port;
  thread_ = std::thread([this] { (void)server_->Serve(); });
  httplib::Client client("127.0.0.1", port_);
  for (int i = 0; i < 500 && !client.Get("/api/v1/stats"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

LoopbackServer::~LoopbackServer() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace presskg::query::testing
