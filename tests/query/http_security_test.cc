// Security of the HTTP server: writes need the token, loopback by default, no CORS unless
// configured, and tokens never reach the log.

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <regex>
#include <thread>

#include "tests/query/api_fixture.h"
#include "tests/query/loopback_server.h"
#include "tests/query/presskg_process.h"
#include "tests/query/raw_http.h"

namespace presskg::query::testing {
namespace {

using nlohmann::json;

constexpr char kDocument[] =
    R"({"text": "Kappa Soft, a subsidiary of Lambda Corp, signed with Mu Motors.", "lang": "en"})";

httplib::Headers Bearer(const std::string& token) {
  return httplib::Headers{{"Authorization", "Bearer " + token}};
}

class HttpSecurityTest : public ApiFixture {
 protected:
  std::uint64_t Documents(httplib::Client& client) {
    auto stats = client.Get("/api/v1/stats");
    EXPECT_TRUE(stats && stats->status == 200);
    return stats ? json::parse(stats->body)["documents"].get<std::uint64_t>() : 0;
  }
};

TEST_F(HttpSecurityTest, WritesNeedTheExactToken) {
  LoopbackServer server(api_.get(), {});
  ASSERT_TRUE(server.ok()) << server.error();
  httplib::Client client("127.0.0.1", server.port());
  const std::uint64_t before = Documents(client);
  const std::string token = kToken;
  const std::vector<httplib::Headers> refused = {
      {},
      {{"Authorization", "Bearer "}},
      {{"Authorization", "Bearer wrong"}},
      {{"Authorization", "Bearer " + std::string(token.size(), 'x')}},  // same length
      {{"Authorization", "Bearer " + token.substr(0, token.size() - 1)}},  // a prefix
      {{"Authorization", "Bearer " + token + "x"}},                        // longer
      {{"Authorization", "Basic " + token}},
      {{"Authorization", token}},
      {{"X-Token", token}},
  };
  for (const httplib::Headers& headers : refused) {
    auto response = client.Post("/api/v1/documents", headers, kDocument, "application/json");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 401) << (headers.empty() ? "" : headers.begin()->second);
  }
  auto in_query =
      client.Post("/api/v1/documents?token=" + token, kDocument, "application/json");
  ASSERT_TRUE(in_query);
  EXPECT_EQ(in_query->status, 401);
  EXPECT_EQ(Documents(client), before);  // nothing was written

  auto accepted = client.Post("/api/v1/documents", Bearer(token),
                              kDocument, "application/json");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 201) << accepted->body;
  EXPECT_EQ(Documents(client), before + 1);
}

TEST_F(HttpSecurityTest, WritingIsDisabledWithoutAToken) {
  auto api = ApiService::Create(store_.get(), "");
  ASSERT_TRUE(api.ok());
  LoopbackServer server(api->get(), {});
  ASSERT_TRUE(server.ok()) << server.error();
  httplib::Client client("127.0.0.1", server.port());
  for (const char* token : {"", "Bearer ", "Bearer x"}) {
    httplib::Headers headers;
    if (*token != '\0') headers.emplace("Authorization", token);
    auto response = client.Post("/api/v1/documents", headers, kDocument, "application/json");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 401);
  }
}

TEST_F(HttpSecurityTest, NoCorsHeaderUnlessConfigured) {
  {
    LoopbackServer server(api_.get(), {});
    ASSERT_TRUE(server.ok()) << server.error();
    httplib::Client client("127.0.0.1", server.port());
    httplib::Headers origin = {{"Origin", "https://evil.example"}};
    auto get = client.Get("/api/v1/stats", origin);
    ASSERT_TRUE(get);
    EXPECT_FALSE(get->has_header("Access-Control-Allow-Origin"));
    auto preflight = client.Options("/api/v1/documents", origin);
    if (preflight) {
      EXPECT_FALSE(preflight->has_header("Access-Control-Allow-Origin"));
    }
  }
  HttpServerOptions options;
  options.cors_origin = "https://app.example";
  LoopbackServer server(api_.get(), options);
  ASSERT_TRUE(server.ok()) << server.error();
  httplib::Client client("127.0.0.1", server.port());
  auto get = client.Get("/api/v1/stats", {{"Origin", "https://app.example"}});
  ASSERT_TRUE(get);
  EXPECT_EQ(get->get_header_value("Access-Control-Allow-Origin"), "https://app.example");
}

TEST(HttpServerDefaultsTest, BindsLoopbackUnlessToldOtherwise) {
  EXPECT_EQ(HttpServerOptions{}.host, "127.0.0.1");
}

// A non-loopback IPv4 address of this machine, or "" when it has none.
std::string ExternalAddress() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* a = list; a != nullptr && found.empty(); a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (!std::string(text).starts_with("127.")) found = text;
  }
  freeifaddrs(list);
  return found;
}

TEST(ServeCommandSecurityTest, BindsLoopbackAndKeepsTokensOutOfItsLog) {
  presskg::testing::TempDir dir;
  const std::string token = "tok-Zq8vX3nR5wLp";
  const std::string wrong = "wrong-Hk2mB7cT9y";
  const std::string log = dir.Sub("serve.log");
  pid_t pid = SpawnPresskg({"serve", "--db", dir.Sub("db"), "--port", "0", "--token", token,
                            "--web", dir.Sub("no-web")},
                           log);
  ASSERT_GT(pid, 0);
  int port = 0;
  const std::regex serving(R"(serving .* on http://127\.0\.0\.1:(\d+)/)");
  for (int i = 0; i < 600 && port == 0; ++i) {
    std::smatch match;
    const std::string text = presskg::testing::ReadFileOrEmpty(log);
    if (std::regex_search(text, match, serving)) port = std::stoi(match[1]);
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (port == 0) {
    kill(pid, SIGKILL);
    WaitFor(pid);
    FAIL() << "the server did not start:\n" << presskg::testing::ReadFileOrEmpty(log);
  }

  httplib::Client client("127.0.0.1", port);
  auto good = client.Post("/api/v1/documents", Bearer(token), kDocument,
                          "application/json");
  ASSERT_TRUE(good);
  EXPECT_EQ(good->status, 201);
  auto bad = client.Post("/api/v1/documents", Bearer(wrong), kDocument,
                         "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  auto query = client.Get("/api/v1/stats?token=" + token + "&t=" + wrong);
  ASSERT_TRUE(query);
  client.Get("/api/v1/no-such?token=" + token);
  client.Post("/api/v1/documents", Bearer(token), "{not json",
              "application/json");

  const std::string external = ExternalAddress();
  if (!external.empty()) {
    RawConnection outside(port, external);
    EXPECT_FALSE(outside.connected()) << "reachable on " << external;
  }

  kill(pid, SIGTERM);
  const int status = WaitFor(pid);
  EXPECT_TRUE(WIFEXITED(status)) << "SIGTERM stops the server cleanly";
  const std::string text = presskg::testing::ReadFileOrEmpty(log);
  EXPECT_NE(text.find("serving"), std::string::npos);
  EXPECT_EQ(text.find(token), std::string::npos) << text;
  EXPECT_EQ(text.find(wrong), std::string::npos) << text;
}

}  // namespace
}  // namespace presskg::query::testing
