#include "tests/query/api_fixture.h"

#include "ingest/pipeline.h"
#include "ingest/reader/text_reader.h"
#include "ingest/statements/statement_importer.h"

namespace presskg::query::testing {

namespace {

constexpr const char* kStatements =
    "Alpha Holding\tsubsidiary_of\tBeta Group\n"
    "Beta Group\tpartner_of\tGamma Systems\n"
    "Gamma Systems\thas_client\tDelta Motors\n"
    "Alpha Holding\tlocated_in\tCasablanca\t\tplace\n"
    "Société Générale Énergie\thas_client\tAlpha Holding\n";

}  // namespace

void ApiFixture::SetUp() {
  auto store = graph::GraphStore::Open(dir_.Sub("db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();

  auto statements = ingest::ParseStatements("curated.tsv", kStatements);
  ASSERT_TRUE(statements.ok()) << statements.status().ToString();
  ASSERT_TRUE(store_->CommitDocument(*statements).ok());

  std::string seed = presskg::testing::ReadFileOrEmpty(presskg::testing::SourceDir() /
                                                       "samples/corpus/avl-maroc.fr.txt");
  ASSERT_FALSE(seed.empty());
  auto raw = ingest::ParseTextDocument("avl-maroc.fr.txt", seed);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  auto graph = ingest::BuildDocumentGraph(*raw);
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  ASSERT_TRUE(store_->CommitDocument(*graph).ok());

  auto api = ApiService::Create(store_.get(), kToken);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  api_ = std::move(api).value();
}

ApiResponse ApiFixture::Call(const std::string& method, const std::string& path,
                             std::multimap<std::string, std::string> params, std::string body,
                             std::string token) {
  ApiRequest request;
  request.method = method;
  request.path = path;
  request.params = std::move(params);
  request.body = std::move(body);
  request.bearer_token = std::move(token);
  return api_->Handle(request);
}

nlohmann::json ApiFixture::CallJson(const std::string& path,
                                    std::multimap<std::string, std::string> params,
                                    int expected_status) {
  ApiResponse response = Call("GET", path, std::move(params));
  EXPECT_EQ(response.status, expected_status) << path << " -> " << response.body;
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  EXPECT_FALSE(body.is_discarded()) << response.body;
  return body;
}

std::uint64_t ApiFixture::IdOf(const std::string& name) {
  nlohmann::json found = CallJson("/api/v1/search", {{"q", name}});
  EXPECT_FALSE(found["results"].empty()) << "no entity " << name;
  if (found["results"].empty()) return 0;
  return found["results"][0]["id"].get<std::uint64_t>();
}

}  // namespace presskg::query::testing
