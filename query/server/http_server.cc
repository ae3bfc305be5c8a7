#include "query/server/http_server.h"

#include <httplib.h>

#include <filesystem>

namespace presskg::query {

struct HttpServer::Impl {
  const ApiService* api;
  HttpServerOptions options;
  httplib::Server server;
  int port = 0;
};

namespace {

std::string BearerToken(const httplib::Request& request) {
  std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() > kBearer.size() && std::string_view(header).starts_with(kBearer)) {
    return header.substr(kBearer.size());
  }
  return {};
}

}  // namespace

HttpServer::HttpServer(const ApiService* api, HttpServerOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->api = api;
  impl_->options = std::move(options);
  httplib::Server& server = impl_->server;
  const HttpServerOptions& opts = impl_->options;

  // Debian's compiled httplib leaves Nagle's algorithm on (~40 ms per keep-alive request).
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(opts.keep_alive_max_requests);
  server.set_keep_alive_timeout(opts.keep_alive_timeout_s);
  server.set_read_timeout(opts.read_timeout_s, 0);
  server.set_write_timeout(opts.read_timeout_s, 0);
  server.set_payload_max_length(opts.max_body_bytes);
  const std::size_t threads = opts.worker_threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  auto handle = [this](const httplib::Request& request, httplib::Response& response) {
    ApiRequest api_request;
    api_request.method = request.method;
    api_request.path = request.path;
    for (const auto& [key, value] : request.params) api_request.params.emplace(key, value);
    api_request.body = request.body;
    api_request.bearer_token = BearerToken(request);
    ApiResponse api_response = impl_->api->Handle(api_request);
    response.status = api_response.status;
    response.set_content(api_response.body, api_response.content_type.c_str());
    if (!impl_->options.cors_origin.empty()) {
      response.set_header("Access-Control-Allow-Origin", impl_->options.cors_origin);
    }
  };
  const std::string api_pattern = R"(/api/v1/.*)";
  server.Get(api_pattern, handle);
  server.Post(api_pattern, handle);
  server.Delete(api_pattern, handle);
  server.Put(api_pattern, handle);

  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = response.status == 413 ? "request body too large" : "no such resource";
    if (response.status == 404) message = "no such resource: " + request.path;
    response.set_content(
        ApiResponse::Error(response.status, message).body, "application/json");
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        response.status = 500;
        response.set_content(ApiResponse::Error(500, "internal error").body, "application/json");
      });
  if (!opts.web_dir.empty() && std::filesystem::is_directory(opts.web_dir)) {
    server.set_mount_point("/", opts.web_dir);
  }
  // Debian's compiled httplib brotli-compresses "application/javascript" and "application/json"
  // at its slowest level (seconds for the 600 KB bundle). A charset parameter keeps these types
  // out of its compression list; on loopback, uncompressed is fastest anyway.
  server.set_file_extension_and_mimetype_mapping("js", "application/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("mjs", "application/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("json", "application/json; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("map", "application/json; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml; charset=utf-8");
}

HttpServer::~HttpServer() { Stop(); }

Result<int> HttpServer::Bind() {
  Impl& impl = *impl_;
  if (impl.options.port == 0) {
    impl.port = impl.server.bind_to_any_port(impl.options.host);
    if (impl.port < 0) return Status::IoError("cannot bind " + impl.options.host);
  } else {
    if (!impl.server.bind_to_port(impl.options.host, impl.options.port)) {
      return Status::IoError("cannot bind " + impl.options.host + ":" +
                             std::to_string(impl.options.port) + " (port in use?)");
    }
    impl.port = impl.options.port;
  }
  return impl.port;
}

Status HttpServer::Serve() {
  if (!impl_->server.listen_after_bind()) {
    return Status::IoError("server on port " + std::to_string(impl_->port) + " stopped with an error");
  }
  return Status::Ok();
}

void HttpServer::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace presskg::query
