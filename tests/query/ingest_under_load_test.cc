// Ingest under load: client threads query the HTTP API (stats, search, neighbors, path) while
// documents are POSTed in a loop. No request fails, and no reader sees part of a document: each
// document brings entities of its own, so the stats counters must move in whole documents and
// an entity of a document shows either all of its edges or none.

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/query/api_fixture.h"
#include "tests/query/loopback_server.h"

namespace presskg::query::testing {
namespace {

using nlohmann::json;

constexpr int kDocuments = 60;
constexpr int kReaders = 4;

// A word of its own for each document number: 12 -> "lomi".
std::string Syllables(int n) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "ru", "se",
                                           "ta", "vi", "no", "pe", "zu"};
  std::string digits = std::to_string(n);
  std::string out;
  for (char d : digits) out += kSyllables[d - '0'];
  return out;
}

struct Names {
  std::string subsidiary;
  std::string parent;
  std::string client;
};

Names NamesOf(int n) {
  const std::string word = Syllables(n);
  return {"Vel" + word + "tronix Technologies", "Dar" + word + "gon Holding",
          "Bri" + word + "vane Motors"};
}

std::string DocumentBody(int n) {
  const Names names = NamesOf(n);
  const std::string text = names.subsidiary + ", a subsidiary of " + names.parent +
                           ", has signed a supply contract with its client " + names.client + ".";
  return json{{"text", text}, {"lang", "en"}, {"name", "load-" + std::to_string(n)}}.dump();
}

// What stats counts: documents, then every node kind and relation, then evidence and literals.
std::map<std::string, std::int64_t> Counters(const json& stats) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, value] : stats.items()) {
    if (value.is_number_integer()) out[key] = value.get<std::int64_t>();
    if (!value.is_object()) continue;
    for (const auto& [name, n] : value.items()) {
      if (n.is_number_integer()) out[key + "/" + name] = n.get<std::int64_t>();
    }
  }
  return out;
}

// A name not committed yet: unknown (404), or close to several committed names (400, ambiguous).
bool NotThereYet(const httplib::Response& response) {
  return response.status == 404 ||
         (response.status == 400 && response.body.find("ambiguous") != std::string::npos);
}

class IngestUnderLoadTest : public ApiFixture {
 protected:
  httplib::Client Client(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30, 0);
    client.set_keep_alive(true);
    return client;
  }
  httplib::Result Post(httplib::Client& client, int n) {
    const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
    return client.Post("/api/v1/documents", auth, DocumentBody(n), "application/json");
  }
  std::string Neighbors(const std::string& name) {
    return "/api/v1/entities/" + httplib::detail::encode_query_param(name) + "/neighbors";
  }
};

TEST_F(IngestUnderLoadTest, ReadersNeverSeePartOfADocument) {
  LoopbackServer server(api_.get(), {});
  ASSERT_TRUE(server.ok()) << server.error();
  httplib::Client writer = Client(server.port());

  // One document first: what a document adds to each counter, and how many edges its
  // subsidiary has.
  auto before = writer.Get("/api/v1/stats");
  ASSERT_TRUE(before && before->status == 200);
  auto first = Post(writer, 0);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto after = writer.Get("/api/v1/stats");
  ASSERT_TRUE(after && after->status == 200);
  const std::map<std::string, std::int64_t> base = Counters(json::parse(before->body));
  std::map<std::string, std::int64_t> per_document = Counters(json::parse(after->body));
  for (auto& [key, n] : per_document) n -= base.contains(key) ? base.at(key) : 0;
  ASSERT_EQ(per_document["documents"], 1);
  auto neighbors = writer.Get(Neighbors(NamesOf(0).subsidiary));
  ASSERT_TRUE(neighbors);
  ASSERT_EQ(neighbors->status, 200) << neighbors->body;
  const std::size_t edges_per_subsidiary = json::parse(neighbors->body)["edges"].size();
  ASSERT_GE(edges_per_subsidiary, 2u) << neighbors->body;

  std::atomic<int> committed{1};  // documents 0 .. committed-1 are in
  std::atomic<bool> done{false};
  std::atomic<int> requests{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      httplib::Client client = Client(server.port());
      std::mt19937 rng(static_cast<unsigned>(r));
      while (!done.load()) {
        const int known = committed.load();
        const int n = static_cast<int>(rng() % static_cast<unsigned>(known + 1));  // may be in flight
        const Names names = NamesOf(n);
        const bool must_exist = n < known;
        ++requests;
        switch (rng() % 4) {
          case 0: {
            auto stats = client.Get("/api/v1/stats");
            ASSERT_TRUE(stats && stats->status == 200);
            std::map<std::string, std::int64_t> counters = Counters(json::parse(stats->body));
            const std::int64_t docs = counters["documents"] - base.at("documents");
            for (const auto& [key, delta] : per_document) {
              const std::int64_t old = base.contains(key) ? base.at(key) : 0;
              EXPECT_EQ(counters[key] - old, delta * docs) << key << " with " << docs << " documents";
            }
            break;
          }
          case 1: {
            auto search = client.Get("/api/v1/search?q=" + httplib::detail::encode_query_param(names.subsidiary));
            ASSERT_TRUE(search && search->status == 200);
            if (must_exist) {
              EXPECT_NE(search->body.find(names.subsidiary), std::string::npos);
            }
            break;
          }
          case 2: {
            auto response = client.Get(Neighbors(names.subsidiary));
            ASSERT_TRUE(response);
            if (NotThereYet(*response) && !must_exist) break;
            ASSERT_EQ(response->status, 200) << response->body;
            EXPECT_EQ(json::parse(response->body)["edges"].size(), edges_per_subsidiary)
                << names.subsidiary << ": part of a document is visible";
            break;
          }
          default: {
            auto path = client.Get("/api/v1/path?from=" + httplib::detail::encode_query_param(names.subsidiary) +
                                   "&to=" + httplib::detail::encode_query_param(names.parent));
            ASSERT_TRUE(path);
            if (NotThereYet(*path) && !must_exist) break;
            ASSERT_EQ(path->status, 200) << path->body;
            EXPECT_FALSE(json::parse(path->body)["paths"].empty()) << names.subsidiary;
          }
        }
      }
    });
  }
  for (int n = 1; n < kDocuments && !HasFailure(); ++n) {
    auto response = Post(writer, n);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 201) << response->body;
    committed = n + 1;
  }
  done = true;
  for (std::thread& t : readers) t.join();
  std::printf("[ figures  ] %d documents posted while %d readers made %d requests\n", kDocuments,
              kReaders, requests.load());
}

}  // namespace
}  // namespace presskg::query::testing
