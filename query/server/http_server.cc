#include "query/server/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include <httplib.h>

namespace presskg::query {

struct HttpServer::Impl {
  const ApiService* api;
  HttpServerOptions options;
  httplib::Server server;
  int port = 0;
  std::atomic<int> listen_fd{-1};  // the listening socket, once created
};

namespace {

// httplib hands each accepted connection to the task queue and a worker keeps it for as long as
// the client keeps it open (keep-alive, slow or half-open clients until their timeouts). A fixed
// pool lets a few hundred idle connections queue every new client behind them; this pool starts
// a worker whenever no idle one is left (up to `max_threads`), and workers above `min_threads`
// exit after a minute without work.
class ElasticThreadPool final : public httplib::TaskQueue {
 public:
  ElasticThreadPool(std::size_t min_threads, std::size_t max_threads)
      : min_threads_(std::min(min_threads, max_threads)), max_threads_(max_threads) {}

  void enqueue(std::function<void()> fn) override {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(fn));
    if (jobs_.size() > idle_ && threads_ < max_threads_) {
      ++threads_;
      std::thread([this] { Work(); }).detach();
    } else {
      work_cv_.notify_one();
    }
  }

  // Runs the queued jobs, then returns once every worker has exited.
  void shutdown() override {
    std::unique_lock<std::mutex> lock(mu_);
    shutdown_ = true;
    work_cv_.notify_all();
    done_cv_.wait(lock, [this] { return threads_ == 0; });
  }

 private:
  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      ++idle_;
      const bool woken = work_cv_.wait_for(lock, std::chrono::minutes(1),
                                           [this] { return !jobs_.empty() || shutdown_; });
      --idle_;
      if (jobs_.empty()) {
        if (shutdown_ || (!woken && threads_ > min_threads_)) break;
        continue;
      }
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
    --threads_;
    done_cv_.notify_all();
  }

  const std::size_t min_threads_;
  const std::size_t max_threads_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_, as are the counts below
  std::size_t threads_ = 0;
  std::size_t idle_ = 0;
  bool shutdown_ = false;
};

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
  // httplib 0.11.4 listens with a backlog of 5: a burst of new clients (a page's parallel
  // requests, a load test's connections) overflows it while the accept loop is busy and each
  // overflowing client waits for a SYN retransmission (1 s, then 3 s). The socket is noted here
  // and its backlog raised after binding (see Bind).
  server.set_socket_options([impl = impl_.get()](socket_t sock) {
    httplib::default_socket_options(sock);
    impl->listen_fd = static_cast<int>(sock);
  });
  server.set_keep_alive_max_count(opts.keep_alive_max_requests);
  server.set_keep_alive_timeout(opts.keep_alive_timeout_s);
  server.set_read_timeout(opts.read_timeout_s, 0);
  server.set_write_timeout(opts.read_timeout_s, 0);
  server.set_payload_max_length(opts.max_body_bytes);
  const std::size_t threads = opts.worker_threads;
  server.new_task_queue = [threads] { return new ElasticThreadPool(8, threads); };

  // Answers `request` whose body is `body` through the API service.
  auto respond = [this](const httplib::Request& request, std::string body,
                        httplib::Response& response) {
    ApiRequest api_request;
    api_request.method = request.method;
    api_request.path = request.path;
    for (const auto& [key, value] : request.params) api_request.params.emplace(key, value);
    api_request.body = std::move(body);
    api_request.bearer_token = BearerToken(request);
    ApiResponse api_response = impl_->api->Handle(api_request);
    response.status = api_response.status;
    // What set_content does, without copying the body.
    response.body = std::move(api_response.body);
    response.set_header("Content-Type", api_response.content_type);
    if (!impl_->options.cors_origin.empty()) {
      response.set_header("Access-Control-Allow-Origin", impl_->options.cors_origin);
    }
  };
  auto refuse = [](int status, const std::string& message, httplib::Response& response) {
    response.status = status;
    response.set_content(ApiResponse::Error(status, message).body, "application/json");
    response.set_header("Connection", "close");  // the rest of the body is left unread
  };
  // Bodies are read here rather than by httplib, which (0.11.4) limits neither chunked bodies nor
  // what a compressed body inflates to: the limit applies to the bytes as the API will see them.
  auto handle_body = [this, respond, refuse](const httplib::Request& request,
                                             httplib::Response& response,
                                             const httplib::ContentReader& reader) {
    if (request.is_multipart_form_data()) {
      return refuse(415, "multipart bodies are not accepted: send JSON", response);
    }
    const std::size_t max = impl_->options.max_body_bytes;
    std::string body;
    bool too_large = false;
    const bool read = reader([&](const char* data, std::size_t length) {
      too_large = too_large || body.size() + length > max;
      if (!too_large) body.append(data, length);
      return !too_large;
    });
    if (too_large || response.status == 413) {
      return refuse(413, "request body larger than " + std::to_string(max) + " bytes", response);
    }
    if (!read) return refuse(400, "malformed or incomplete request body", response);
    respond(request, std::move(body), response);
  };
  auto handle = [respond](const httplib::Request& request, httplib::Response& response) {
    respond(request, "", response);
  };
  // Bodiless API requests (almost all of them) are answered before httplib's routing, which for
  // a GET would first look for a file of that path under the web mount (a stat per request) and
  // then match the routes' regular expressions. A request announcing a body goes the usual way,
  // so that its body is read (or refused) before the connection is reused.
  server.set_pre_routing_handler([respond](const httplib::Request& request,
                                           httplib::Response& response) {
    const bool bodiless = (request.method == "GET" || request.method == "DELETE") &&
                          !request.has_header("Transfer-Encoding") &&
                          (!request.has_header("Content-Length") ||
                           request.get_header_value("Content-Length") == "0");
    if (!bodiless || !request.path.starts_with("/api/v1/")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    respond(request, "", response);
    return httplib::Server::HandlerResponse::Handled;
  });
  const std::string api_pattern = R"(/api/v1/.*)";
  server.Get(api_pattern, handle);
  server.Delete(api_pattern, handle);
  server.Post(api_pattern, handle_body);
  server.Put(api_pattern, handle_body);
  server.Patch(api_pattern, handle_body);
  server.Delete(api_pattern, handle_body);

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
  // listen() again on a listening socket only sets its backlog (capped by net.core.somaxconn).
  if (impl.listen_fd >= 0 && ::listen(impl.listen_fd, SOMAXCONN) != 0) {
    return Status::IoError("cannot set the listen backlog");
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
