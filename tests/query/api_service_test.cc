#include <gtest/gtest.h>

#include <map>

#include "tests/query/api_fixture.h"

namespace presskg::query::testing {
namespace {

using nlohmann::json;

TEST_F(ApiFixture, StatsCountsWhatWasCommitted) {
  json stats = CallJson("/api/v1/stats");
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_GE(stats["nodes_by_kind"]["organization"].get<int>(), 8);
  EXPECT_EQ(stats["edges_by_relation"]["subsidiary_of"], 2);  // Alpha->Beta, AVL Maroc->AVL France
}

TEST_F(ApiFixture, RelationsListTheSchemaWithBothLanguages) {
  json relations = CallJson("/api/v1/relations")["relations"];
  ASSERT_EQ(relations.size(), 16u);
  EXPECT_EQ(relations[0]["name"], "subsidiary_of");
  EXPECT_EQ(relations[0]["label_fr"], "filiale de");
  EXPECT_EQ(relations[0]["label_en"], "subsidiary of");
}

TEST_F(ApiFixture, SearchIsAccentAndCaseInsensitiveAndRanksExactFirst) {
  json hits = CallJson("/api/v1/search", {{"q", "SOCIETE generale energie"}})["results"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["label"], "Société Générale Énergie");
  EXPECT_EQ(hits[0]["match"], "exact");

  hits = CallJson("/api/v1/search", {{"q", "avl ma"}})["results"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["label"], "AVL Maroc");
  EXPECT_EQ(hits[0]["match"], "prefix");
}

TEST_F(ApiFixture, SearchRejectsBadParameters) {
  EXPECT_EQ(Call("GET", "/api/v1/search").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/search", {{"q", "a"}, {"limit", "1000000000"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/search", {{"q", "a"}, {"limit", "ten"}}).status, 400);
}

TEST_F(ApiFixture, EntityByIdAndByNameWithLiteralFacts) {
  std::uint64_t id = IdOf("AVL Maroc");
  json by_id = CallJson("/api/v1/entities/" + std::to_string(id));
  json by_name = CallJson("/api/v1/entities/AVL Maroc");
  EXPECT_EQ(by_id["id"], by_name["id"]);
  EXPECT_EQ(by_id["kind"], "organization");
  bool has_employees = false;
  for (const json& fact : by_id["facts"]) {
    if (fact["type"] == "employees") {
      has_employees = true;
      EXPECT_EQ(fact["value"], 120);
      EXPECT_NE(fact["evidence"]["sentence"].get<std::string>().find("120"), std::string::npos);
    }
  }
  EXPECT_TRUE(has_employees);
}

TEST_F(ApiFixture, UnknownEntityIs404) {
  json error = CallJson("/api/v1/entities/987654", {}, 404);
  EXPECT_EQ(error["error"]["code"], 404);
  CallJson("/api/v1/entities/No Such Company Anywhere", {}, 404);
}

TEST_F(ApiFixture, NeighborsFilterByRelationAndDirection) {
  std::uint64_t id = IdOf("AVL Maroc");
  json page = CallJson("/api/v1/entities/" + std::to_string(id) + "/neighbors",
                       {{"relation", "has_client"}, {"direction", "out"}});
  std::set<std::string> clients;
  for (const json& edge : page["edges"]) {
    EXPECT_EQ(edge["relation"], "has_client");
    EXPECT_EQ(edge["direction"], "out");
    EXPECT_EQ(edge["label_fr"], "a pour client");
    EXPECT_GE(edge["sources"].get<int>(), 1);
    clients.insert(edge["neighbor"]["label"].get<std::string>());
  }
  EXPECT_TRUE(clients.count("STELLANTIS") + clients.count("Stellantis") == 1);
  EXPECT_TRUE(clients.count("Groupe Renault") == 1);

  json incoming = CallJson("/api/v1/entities/" + std::to_string(id) + "/neighbors",
                           {{"relation", "has_client"}, {"direction", "in"}});
  EXPECT_TRUE(incoming["edges"].empty());
}

// The brief answer (from the in-memory index) agrees field by field with detail=full (from the
// store) and with the entity endpoint.
TEST_F(ApiFixture, NeighborsBriefAnswerAgreesWithTheStore) {
  const std::string path = "/api/v1/entities/" + std::to_string(IdOf("AVL Maroc")) + "/neighbors";
  for (const char* depth : {"1", "2"}) {
    SCOPED_TRACE(std::string("depth ") + depth);
    json brief = CallJson(path, {{"depth", depth}});
    json full = CallJson(path, {{"depth", depth}, {"detail", "full"}});
    ASSERT_EQ(brief["nodes"], full["nodes"]);
    ASSERT_EQ(brief["edges"].size(), full["edges"].size());
    ASSERT_FALSE(brief["edges"].empty());
    for (std::size_t i = 0; i < brief["edges"].size(); ++i) {
      const json& b = brief["edges"][i];
      const json& f = full["edges"][i];
      for (const auto& [key, value] : b.items()) EXPECT_EQ(value, f[key]) << key;
      for (const char* stored_only : {"evidence_count", "confidence", "properties"}) {
        EXPECT_FALSE(b.contains(stored_only));
        EXPECT_TRUE(f.contains(stored_only));
      }
      EXPECT_EQ(b.size() + 3, f.size());
    }
    for (const json& node : brief["nodes"]) {
      json entity = CallJson("/api/v1/entities/" + std::to_string(node["id"].get<std::uint64_t>()));
      for (const char* key : {"label", "label_fr", "label_en", "kind"}) {
        EXPECT_EQ(node[key], entity[key]) << key;
      }
    }
  }
  EXPECT_EQ(Call("GET", path, {{"detail", "everything"}}).status, 400);
}

// A name learned from a later document shows in neighbour lists at once.
TEST_F(ApiFixture, NeighborsShowNamesLearnedFromLaterDocuments) {
  const std::string path = "/api/v1/entities/" + std::to_string(IdOf("AVL Maroc")) + "/neighbors";
  auto english_names = [&] {
    std::map<std::uint64_t, std::string> names;
    const json page = CallJson(path);
    for (const json& node : page["nodes"]) {
      names[node["id"].get<std::uint64_t>()] = node["label_en"].get<std::string>();
    }
    return names;
  };
  const auto before = english_names();
  json body = {{"text", presskg::testing::ReadFileOrEmpty(presskg::testing::SourceDir() / "tests" /
                                                           "data" / "corpus" / "seed" /
                                                           "avl-maroc.en.txt")},
               {"lang", "en"}};
  ApiResponse created = Call("POST", "/api/v1/documents", {}, body.dump(), kToken);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto after = english_names();
  int learned = 0;
  for (const auto& [id, name] : after) {
    json entity = CallJson("/api/v1/entities/" + std::to_string(id));
    EXPECT_EQ(name, entity["label_en"]) << id;
    auto was = before.find(id);
    learned += was != before.end() && was->second.empty() && !name.empty();
  }
  EXPECT_GT(learned, 0) << "the English release named none of AVL Maroc's neighbours";
}

TEST_F(ApiFixture, NeighborsDepthTwoReachesFurther) {
  std::uint64_t alpha = IdOf("Alpha Holding");
  json one = CallJson("/api/v1/entities/" + std::to_string(alpha) + "/neighbors",
                      {{"depth", "1"}, {"kind", "organization"}});
  json two = CallJson("/api/v1/entities/" + std::to_string(alpha) + "/neighbors",
                      {{"depth", "2"}, {"kind", "organization"}});
  EXPECT_GT(two["total"].get<int>(), one["total"].get<int>());
  bool gamma = false;
  for (const json& node : two["nodes"]) gamma |= node["label"] == "Gamma Systems" && node["depth"] == 2;
  EXPECT_TRUE(gamma);
}

TEST_F(ApiFixture, NeighborsRejectAbusiveParameters) {
  std::string path = "/api/v1/entities/" + std::to_string(IdOf("Alpha Holding")) + "/neighbors";
  EXPECT_EQ(Call("GET", path, {{"depth", "1000"}}).status, 400);
  EXPECT_EQ(Call("GET", path, {{"limit", "1000000000"}}).status, 400);
  EXPECT_EQ(Call("GET", path, {{"direction", "sideways"}}).status, 400);
  EXPECT_EQ(Call("GET", path, {{"relation", "friend_of"}}).status, 400);
  EXPECT_EQ(Call("GET", path, {{"since", "last tuesday"}}).status, 400);
  EXPECT_EQ(Call("GET", path, {{"offset", "-1"}}).status, 400);
}

TEST_F(ApiFixture, SeedPathAvlMarocToGroupeRenaultGoesThroughHasClient) {
  json result = CallJson("/api/v1/path", {{"from", "AVL Maroc"}, {"to", "Groupe Renault"}});
  ASSERT_EQ(result["paths"].size(), 1u);
  const json& path = result["paths"][0];
  ASSERT_EQ(path["hops"].size(), 1u);
  EXPECT_EQ(path["hops"][0]["edge"]["relation"], "has_client");
  EXPECT_TRUE(path["hops"][0]["forward"].get<bool>());
  ASSERT_FALSE(path["hops"][0]["evidence"].empty());
  EXPECT_NE(path["hops"][0]["evidence"][0]["sentence"].get<std::string>().find("Renault"),
            std::string::npos);
}

TEST_F(ApiFixture, PathAcrossCuratedFactsAndKShortest) {
  json result = CallJson("/api/v1/path", {{"from", "Alpha Holding"}, {"to", "Delta Motors"}});
  ASSERT_EQ(result["paths"].size(), 1u);
  EXPECT_EQ(result["paths"][0]["hops"].size(), 3u);  // subsidiary_of, partner_of, has_client
  json directed = CallJson("/api/v1/path", {{"from", "Alpha Holding"},
                                             {"to", "Delta Motors"},
                                             {"directed", "true"},
                                             {"max_hops", "2"}});
  EXPECT_TRUE(directed["paths"].empty());
  json k = CallJson("/api/v1/path", {{"from", "Alpha Holding"}, {"to", "Delta Motors"}, {"k", "3"}});
  EXPECT_GE(k["paths"].size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/path", {{"from", "Alpha Holding"}, {"to", "Delta Motors"}, {"k", "11"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/path", {{"from", "Alpha Holding"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/path", {{"from", "Nobody Here"}, {"to", "Delta Motors"}}).status, 404);
}

TEST_F(ApiFixture, EgoGraphLeavesDocumentsOutByDefault) {
  json graph = CallJson("/api/v1/entities/" + std::to_string(IdOf("AVL Maroc")) + "/graph",
                        {{"depth", "2"}});
  ASSERT_FALSE(graph["nodes"].empty());
  for (const json& node : graph["nodes"]) EXPECT_NE(node["kind"], "document");
  for (const json& edge : graph["edges"]) EXPECT_NE(edge["relation"], "mentions");
}

TEST_F(ApiFixture, EvidenceAndDocumentDetail) {
  std::uint64_t alpha = IdOf("Alpha Holding");
  std::uint64_t beta = IdOf("Beta Group");
  json edge = CallJson("/api/v1/evidence", {{"source", std::to_string(alpha)},
                                             {"relation", "subsidiary_of"},
                                             {"target", std::to_string(beta)}});
  ASSERT_EQ(edge["evidence"].size(), 1u);
  EXPECT_EQ(edge["evidence"][0]["rule"], "import.statement");
  std::uint64_t doc = edge["evidence"][0]["document"].get<std::uint64_t>();
  json detail = CallJson("/api/v1/documents/" + std::to_string(doc));
  EXPECT_EQ(detail["name"], "curated.tsv");
  EXPECT_EQ(detail["facts"].size(), 5u);
  CallJson("/api/v1/documents/abc", {}, 400);
  CallJson("/api/v1/documents/999999", {}, 404);
}

TEST_F(ApiFixture, WritingNeedsTheToken) {
  const std::string body = R"({"text": "Zeta Labs, filiale d'Omega Industries, ouvre un site.", "lang": "fr"})";
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, body).status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, body, "wrong-token").status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, body, std::string(kToken) + "x").status, 401);
  ApiResponse created = Call("POST", "/api/v1/documents", {}, body, kToken);
  ASSERT_EQ(created.status, 201) << created.body;
  ApiResponse again = Call("POST", "/api/v1/documents", {}, body, kToken);
  EXPECT_EQ(again.status, 200);
  EXPECT_TRUE(json::parse(again.body)["already_present"].get<bool>());
  // The in-memory index follows the commit: the new edge is walkable at once.
  json path = CallJson("/api/v1/path", {{"from", "Zeta Labs"}, {"to", "Omega Industries"}});
  ASSERT_EQ(path["paths"].size(), 1u);
  EXPECT_EQ(path["paths"][0]["hops"][0]["edge"]["relation"], "subsidiary_of");
}

TEST_F(ApiFixture, BadBodiesAreRejectedWithoutWriting) {
  json before = CallJson("/api/v1/stats");
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, "{not json", kToken).status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, R"({"text": 42})", kToken).status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, R"({"text": ""})", kToken).status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/documents", {}, std::string(17 << 20, 'a'), kToken).status, 413);
  EXPECT_EQ(CallJson("/api/v1/stats"), before);
}

TEST_F(ApiFixture, ExtractPreviewWritesNothing) {
  json before = CallJson("/api/v1/stats");
  ApiResponse preview = Call("POST", "/api/v1/extract", {},
                             R"({"text": "AVL Maroc, filiale d'AVL France, recrute.", "lang": "fr"})");
  ASSERT_EQ(preview.status, 200) << preview.body;
  json statements = json::parse(preview.body)["statements"];
  bool subsidiary = false;
  for (const json& s : statements) subsidiary |= s["relation"] == "subsidiary_of";
  EXPECT_TRUE(subsidiary);
  EXPECT_EQ(CallJson("/api/v1/stats"), before);
}

TEST_F(ApiFixture, ExportsAnEgoNetworkAsGraphml) {
  ApiResponse graphml = Call("GET", "/api/v1/export", {{"format", "graphml"}, {"entity", "AVL Maroc"}});
  ASSERT_EQ(graphml.status, 200) << graphml.body;
  EXPECT_EQ(graphml.content_type, "application/graphml+xml");
  EXPECT_NE(graphml.body.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.body.find("AVL France"), std::string::npos);
  EXPECT_EQ(graphml.body.find("Delta Motors"), std::string::npos);  // not in AVL Maroc's neighbourhood
  ApiResponse gexf = Call("GET", "/api/v1/export", {{"format", "gexf"}});
  ASSERT_EQ(gexf.status, 200);
  EXPECT_NE(gexf.body.find("Delta Motors"), std::string::npos);  // whole graph
  EXPECT_EQ(Call("GET", "/api/v1/export", {{"format", "csv"}}).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/export", {{"format", "graphml"}, {"entity", "Nobody At All"}}).status, 404);
}

TEST_F(ApiFixture, UnknownEndpointsAre404) {
  EXPECT_EQ(Call("GET", "/api/v1/nothing").status, 404);
  EXPECT_EQ(Call("DELETE", "/api/v1/stats").status, 404);
  EXPECT_EQ(Call("GET", "/api/v2/stats").status, 404);
}

}  // namespace
}  // namespace presskg::query::testing
