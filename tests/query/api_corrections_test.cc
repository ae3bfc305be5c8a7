// Merge, split and revert through the JSON API: token required, bad input refused with the right
// code, the adjacency index and the entity views follow every correction, and the audit log keeps
// when, what and why.
#include <gtest/gtest.h>

#include "query/api/api_service.h"
#include "tests/query/api_fixture.h"

namespace presskg::query::testing {
namespace {

using nlohmann::json;

class ApiCorrectionsTest : public ApiFixture {
 protected:
  json Post(const std::string& path, const json& body, int expected_status) {
    ApiResponse response = Call("POST", path, {}, body.dump(), kToken);
    EXPECT_EQ(response.status, expected_status) << path << " -> " << response.body;
    return json::parse(response.body, nullptr, false);
  }
  std::size_t Hops(const std::string& from, const std::string& to) {
    json paths = CallJson("/api/v1/path", {{"from", from}, {"to", to}});
    if (paths["paths"].empty()) return 0;
    return paths["paths"][0]["hops"].size();
  }
};

TEST_F(ApiCorrectionsTest, MergeFollowsThroughPathsEntitiesAndRevert) {
  const std::uint64_t beta = IdOf("Beta Group");
  const std::uint64_t gamma = IdOf("Gamma Systems");
  const std::string alpha = std::to_string(IdOf("Alpha Holding"));
  const std::string delta = std::to_string(IdOf("Delta Motors"));
  ASSERT_EQ(Hops(alpha, delta), 3U);  // Alpha -> Beta -> Gamma -> Delta

  json body = {{"a", beta}, {"b", gamma}, {"why", "Gamma is Beta's trading name"}};
  EXPECT_EQ(Call("POST", "/api/v1/entities/merge", {}, body.dump()).status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/entities/merge", {}, body.dump(), "wrong").status, 401);
  json merged = Post("/api/v1/entities/merge", body, 201);
  EXPECT_EQ(merged["correction"]["kind"], "merge");
  EXPECT_EQ(merged["correction"]["loops_parked"], 1);  // Beta partner_of Gamma
  EXPECT_TRUE(merged["from"].is_null());
  EXPECT_EQ(merged["to"]["id"], beta);

  // The index caught up: Delta is now two hops away, through the merged entity.
  EXPECT_EQ(Hops(alpha, delta), 2U);
  json old = CallJson("/api/v1/entities/" + std::to_string(gamma));
  EXPECT_EQ(old["id"], beta);
  EXPECT_EQ(old["redirected_from"], gamma);
  ASSERT_EQ(old["corrections"].size(), 1U);
  EXPECT_EQ(old["corrections"][0]["why"], "Gamma is Beta's trading name");
  EXPECT_EQ(IdOf("Gamma Systems"), beta);  // the name resolves to the kept entity
  EXPECT_EQ(CallJson("/api/v1/stats")["corrections"], 1);

  const std::string revert = "/api/v1/corrections/" +
                             std::to_string(merged["correction"]["id"].get<int>()) + "/revert";
  EXPECT_EQ(Call("POST", revert, {}, R"({"why":"no"})").status, 401);
  json reverted = Post(revert, {{"why", "two companies after all"}}, 201);
  EXPECT_EQ(reverted["correction"]["kind"], "revert");
  EXPECT_EQ(reverted["to"]["id"], gamma);
  EXPECT_EQ(Hops(alpha, delta), 3U);
  EXPECT_EQ(IdOf("Gamma Systems"), gamma);
  Post(revert, {{"why", "again"}}, 400);

  json log = CallJson("/api/v1/corrections", {{"entity", std::to_string(gamma)}});
  ASSERT_EQ(log["corrections"].size(), 2U);
  EXPECT_EQ(log["corrections"][0]["kind"], "revert");  // newest first
  EXPECT_EQ(log["corrections"][1]["reverted_by"], reverted["correction"]["id"]);
}

TEST_F(ApiCorrectionsTest, SplitMakesANewEntityOfTheChosenNames) {
  json doc = {{"title", "ONCF"},
              {"lang", "fr"},
              {"text", "L'Office national des chemins de fer (ONCF) a signé un contrat avec Alstom."}};
  ASSERT_EQ(Call("POST", "/api/v1/documents", {}, doc.dump(), kToken).status, 201);
  const std::uint64_t oncf = IdOf("Office national des chemins de fer");
  json entity = CallJson("/api/v1/entities/" + std::to_string(oncf));
  ASSERT_GE(entity["aliases"].size(), 2U) << entity.dump();

  json split = Post("/api/v1/entities/" + std::to_string(oncf) + "/split",
                    {{"aliases", {"ONCF"}}, {"why", "ONCF here is another body"}}, 201);
  EXPECT_EQ(split["correction"]["kind"], "split");
  EXPECT_EQ(split["to"]["label"], "ONCF");
  EXPECT_EQ(IdOf("ONCF"), split["to"]["id"].get<std::uint64_t>());
  EXPECT_EQ(IdOf("Office national des chemins de fer"), oncf);
}

TEST_F(ApiCorrectionsTest, BadRequestsAreRefusedWithTheRightCode) {
  const std::string beta = std::to_string(IdOf("Beta Group"));
  Post("/api/v1/entities/merge", {{"a", beta}, {"b", beta}, {"why", "x"}}, 400);
  Post("/api/v1/entities/merge", {{"a", beta}, {"b", "Casablanca"}, {"why", "x"}}, 400);
  Post("/api/v1/entities/merge", {{"a", beta}, {"b", "999999"}, {"why", "x"}}, 404);
  Post("/api/v1/entities/merge", {{"a", beta}, {"b", "Gamma Systems"}}, 400);  // no why
  Post("/api/v1/entities/merge", {{"a", 1.5}, {"b", "Gamma Systems"}, {"why", "x"}}, 400);
  EXPECT_EQ(Call("POST", "/api/v1/entities/merge", {}, "{not json", kToken).status, 400);
  Post("/api/v1/entities/" + beta + "/split", {{"aliases", "Beta"}, {"why", "x"}}, 400);
  Post("/api/v1/entities/" + beta + "/split", {{"aliases", json::array()}, {"why", "x"}}, 400);
  Post("/api/v1/entities/" + beta + "/split", {{"aliases", {"Beta Group"}}, {"why", "x"}}, 400);
  Post("/api/v1/corrections/abc/revert", {{"why", "x"}}, 400);
  Post("/api/v1/corrections/77/revert", {{"why", "x"}}, 404);
  CallJson("/api/v1/corrections", {{"limit", "0"}}, 400);
  EXPECT_EQ(CallJson("/api/v1/stats")["corrections"], 0);
}

}  // namespace
}  // namespace presskg::query::testing
