#include "query/server/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "tests/query/api_fixture.h"

namespace presskg::query::testing {
namespace {

using nlohmann::json;

// A real presskg HTTP server on a free loopback port, with a small body limit and a web folder.
class HttpServerTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (HasFatalFailure()) return;
    std::filesystem::create_directories(dir_.path() / "web");
    presskg::testing::WriteFile(dir_.path() / "web/index.html", "<h1>presskg</h1>");
    HttpServerOptions options;
    options.port = 0;
    options.web_dir = dir_.Sub("web");
    options.max_body_bytes = 1 << 20;
    options.worker_threads = 8;
    server_ = std::make_unique<HttpServer>(api_.get(), options);
    Result<int> port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Serve(); });
    httplib::Client client("127.0.0.1", port_);
    for (int i = 0; i < 200 && !client.Get("/api/v1/stats"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client Client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }

  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpServerTest, ServesJsonOnLoopback) {
  auto client = Client();
  auto response = client.Get("/api/v1/stats");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(response->body)["documents"], 2);
  EXPECT_FALSE(response->has_header("Access-Control-Allow-Origin"));  // CORS off by default
}

TEST_F(HttpServerTest, AnswersAreNotBrotliCompressed) {
  // Debian's httplib compresses at its slowest brotli level; the API and bundle must not be.
  auto client = Client();
  client.set_decompress(false);
  auto response = client.Get("/api/v1/search?q=avl", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_FALSE(response->has_header("Content-Encoding"));
  presskg::testing::WriteFile(dir_.path() / "web/app.js", std::string(100000, 'x'));
  auto script = client.Get("/app.js", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_FALSE(script->has_header("Content-Encoding"));
  EXPECT_EQ(script->body.size(), 100000u);
}

TEST_F(HttpServerTest, OpenApiDocumentIsServed) {
  auto client = Client();
  auto response = client.Get("/api/v1/openapi.json");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  json doc = json::parse(response->body);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_TRUE(doc["paths"].contains("/entities/{id}/neighbors"));
  EXPECT_TRUE(doc["paths"].contains("/path"));
}

TEST_F(HttpServerTest, QueryParametersAreDecoded) {
  auto client = Client();
  auto response = client.Get("/api/v1/search?q=soci%C3%A9t%C3%A9%20g%C3%A9n%C3%A9rale");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(json::parse(response->body)["results"][0]["label"], "Société Générale Énergie");
  response = client.Get("/api/v1/path?from=AVL%20Maroc&to=Groupe%20Renault");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(json::parse(response->body)["paths"][0]["hops"][0]["edge"]["relation"], "has_client");
}

TEST_F(HttpServerTest, ErrorsAreJsonWithTheRightCode) {
  auto client = Client();
  auto missing = client.Get("/api/v1/entities/424242");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"]["code"], 404);
  auto bad = client.Get("/api/v1/entities/1/neighbors?depth=1000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto nothing = client.Get("/no/such/page.html");
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->status, 404);
}

TEST_F(HttpServerTest, StaticFilesButNoPathTraversal) {
  auto client = Client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("presskg"), std::string::npos);
  for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                           "/web/../../../etc/passwd"}) {
    auto response = client.Get(path);
    if (!response) continue;  // cut off is fine too
    EXPECT_GE(response->status, 400) << path;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(HttpServerTest, WritesNeedTheTokenAndBodiesAreLimited) {
  auto client = Client();
  const std::string body = R"({"text": "Kappa Soft, a subsidiary of Lambda Corp, hires.", "lang": "en"})";
  auto anonymous = client.Post("/api/v1/documents", body, "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Headers headers = {{"Authorization", std::string("Bearer ") + kToken}};
  auto created = client.Post("/api/v1/documents", headers, body, "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  auto huge = client.Post("/api/v1/documents", headers, std::string(2 << 20, 'x'), "application/json");
  if (huge) {
    EXPECT_EQ(huge->status, 413);
  }
  auto still_up = client.Get("/api/v1/stats");
  ASSERT_TRUE(still_up);
  EXPECT_EQ(still_up->status, 200);
}

TEST_F(HttpServerTest, ConcurrentKeepAliveClientsAreAllServed) {
  constexpr int kClients = 6;
  constexpr int kRequests = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < kClients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port_);
      client.set_keep_alive(true);
      for (int i = 0; i < kRequests; ++i) {
        auto response = client.Get("/api/v1/search?q=avl");
        if (response && response->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kClients * kRequests);
}

}  // namespace
}  // namespace presskg::query::testing
