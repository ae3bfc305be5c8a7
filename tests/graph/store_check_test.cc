#include "graph/store_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/key_codec.h"
#include "graph/testing/raw_store.h"
#include "graph/testing/store_testing.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;
using testing::DeleteRawKeyForTesting;
using testing::PutRawKeyForTesting;
using testing::ReadRawKeysForTesting;

constexpr int kDocuments = 30;
constexpr NodeId kNoSuchNode = 999999;

// A closed store of synthetic documents (shared nodes and edges, literals, every status).
void MakeStore(const std::string& path) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (int i = 0; i < kDocuments; ++i) {
    ASSERT_TRUE((*store)->CommitDocument(testing::SyntheticDocument(7, i)).ok());
  }
}

std::vector<std::pair<std::string, std::string>> Keys(const std::string& path,
                                                      const std::string& cf) {
  auto keys = ReadRawKeysForTesting(path, cf, 1 << 20);
  EXPECT_TRUE(keys.ok()) << keys.status().ToString();
  return keys.ok() ? *keys : std::vector<std::pair<std::string, std::string>>{};
}

void Delete(const std::string& path, const std::string& cf, const std::string& key) {
  ASSERT_TRUE(DeleteRawKeyForTesting(path, cf, key).ok());
}

void Put(const std::string& path, const std::string& cf, const std::string& key,
         const std::string& value = "") {
  ASSERT_TRUE(PutRawKeyForTesting(path, cf, key, value).ok());
}

// The evidence keys of each edge (first 18 bytes of the key).
std::map<std::string, std::vector<std::string>> EvidenceByEdge(const std::string& path) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [key, value] : Keys(path, "evidence")) {
    out[key.substr(0, keys::kEdgeKeySize)].push_back(key);
  }
  return out;
}

// An edge with at least `min` evidence records.
std::string EdgeWithEvidence(const std::string& path, std::size_t min) {
  for (const auto& [edge, evidence] : EvidenceByEdge(path)) {
    if (evidence.size() >= min) return edge;
  }
  ADD_FAILURE() << "no edge with " << min << " evidence records";
  return std::string(keys::kEdgeKeySize, '\0');
}

std::vector<std::string> Kinds(const StoreCheckReport& report) {
  std::vector<std::string> kinds;
  for (const StoreProblem& problem : report.problems) kinds.push_back(problem.kind);
  return kinds;
}

TEST(StoreCheckTest, SoundStorePassesWithTheStoreCounts) {
  TempDir dir;
  MakeStore(dir.Sub("db"));
  Result<StoreCheckReport> report = CheckStore(dir.Sub("db"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->sound()) << ::testing::PrintToString(Kinds(*report));
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kDocuments));
  EXPECT_EQ(report->adjacency_keys, 2 * report->edges);
  EXPECT_GT(report->literals, 0u);
  EXPECT_GT(report->name_keys, 0u);
  StoreOptions read_only;
  read_only.read_only = true;
  auto store = GraphStore::Open(dir.Sub("db"), read_only);
  ASSERT_TRUE(store.ok());
  auto stats = (*store)->Snapshot()->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(report->evidence, stats->evidence);
  EXPECT_EQ(report->literals, stats->literals);
}

TEST(StoreCheckTest, MissingStoreIsAnError) {
  TempDir dir;
  Result<StoreCheckReport> report = CheckStore(dir.Sub("nothing"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kNotFound);
}

TEST(StoreCheckTest, CheckRunsBesideAWriter) {
  TempDir dir;
  MakeStore(dir.Sub("db"));
  auto writer = GraphStore::Open(dir.Sub("db"));
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->CommitDocument(testing::SyntheticDocument(8, 0)).ok());
  Result<StoreCheckReport> report = CheckStore(dir.Sub("db"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->sound());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kDocuments + 1));
}

// One deliberate damage and the problem kind it must produce.
struct Damage {
  const char* name;
  const char* kind;
  std::function<void(const std::string& path)> apply;
};

class StoreDamageTest : public ::testing::TestWithParam<Damage> {};

TEST_P(StoreDamageTest, IsReported) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  GetParam().apply(path);
  if (HasFatalFailure()) return;
  Result<StoreCheckReport> report = CheckStore(path);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->sound());
  std::vector<std::string> kinds = Kinds(*report);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), GetParam().kind), kinds.end())
      << ::testing::PrintToString(kinds);
  for (const StoreProblem& problem : report->problems) {
    EXPECT_FALSE(problem.key.empty());
    EXPECT_FALSE(problem.message.empty());
  }
}

EdgeKey FirstEdge(const std::string& path) {
  return *keys::DecodeEdgeKey(Keys(path, "edges").front().first);
}

const Damage kDamages[] = {
    {"OutAdjacencyDeleted", "missing_adjacency",
     [](const std::string& path) {
       EdgeKey e = FirstEdge(path);
       Delete(path, "adjacency", keys::AdjacencyKey({e.source, Direction::kOut, e.relation, e.target}));
     }},
    {"InAdjacencyDeleted", "missing_adjacency",
     [](const std::string& path) {
       EdgeKey e = FirstEdge(path);
       Delete(path, "adjacency", keys::AdjacencyKey({e.target, Direction::kIn, e.relation, e.source}));
     }},
    {"AdjacencyWithoutEdge", "orphan_adjacency",
     [](const std::string& path) {
       EdgeKey e = FirstEdge(path);
       Put(path, "adjacency", keys::AdjacencyKey({e.source, Direction::kOut, e.relation, kNoSuchNode}));
     }},
    {"EdgeDeleted", "orphan_evidence",
     [](const std::string& path) { Delete(path, "edges", keys::EdgeKeyBytes(FirstEdge(path))); }},
    {"AllEvidenceDeleted", "edge_without_evidence",
     [](const std::string& path) {
       const std::vector<std::string> evidence = EvidenceByEdge(path)[EdgeWithEvidence(path, 1)];
       for (const std::string& key : evidence) Delete(path, "evidence", key);
     }},
    {"OneEvidenceDeleted", "edge_summary_mismatch",
     [](const std::string& path) {
       Delete(path, "evidence", EvidenceByEdge(path)[EdgeWithEvidence(path, 2)].front());
     }},
    {"EvidenceFromUnknownDocument", "evidence_unknown_document",
     [](const std::string& path) {
       auto [key, value] = Keys(path, "evidence").front();
       std::string forged = key.substr(0, keys::kEdgeKeySize);
       keys::PutFixed64(&forged, kNoSuchNode);
       keys::PutFixed32(&forged, 0);
       Put(path, "evidence", forged, value);
     }},
    {"MalformedEdgeValue", "malformed_value",
     [](const std::string& path) {
       Put(path, "edges", keys::EdgeKeyBytes(FirstEdge(path)), "\x07garbage");
     }},
    {"DocumentCounterWrong", "counter_mismatch",
     [](const std::string& path) {
       std::string value;
       keys::PutFixed64(&value, kDocuments + 1);
       Put(path, "meta", "count/documents", value);
     }},
    {"EdgeCounterMissing", "counter_mismatch",
     [](const std::string& path) {
       for (const auto& [key, value] : Keys(path, "meta")) {
         if (key.starts_with("count/edges/")) return Delete(path, "meta", key);
       }
     }},
    {"NameOfMissingNode", "dangling_name",
     [](const std::string& path) { Put(path, "names", keys::NameKey("ghost", kNoSuchNode)); }},
    {"NodeLosesItsNames", "unindexed_node",
     [](const std::string& path) {
       auto names = Keys(path, "names");
       NodeId node = keys::DecodeNameKey(names.front().first)->second;
       for (const auto& [key, value] : names) {
         if (keys::DecodeNameKey(key)->second == node) Delete(path, "names", key);
       }
     }},
    {"EndpointNodeDeleted", "edge_unknown_node",
     [](const std::string& path) { Delete(path, "nodes", keys::NodeKey(FirstEdge(path).source)); }},
    {"DocumentTextDeleted", "incomplete_document",
     [](const std::string& path) {
       NodeId doc = keys::GetFixed64(Keys(path, "documents").front().first.data());
       Delete(path, "documents", keys::DocumentTextKey(doc));
     }},
    {"DocumentHashUnindexed", "document_not_indexed",
     [](const std::string& path) { Delete(path, "doc_index", Keys(path, "doc_index").front().first); }},
    {"DocumentIndexOfMissingDocument", "dangling_doc_index",
     [](const std::string& path) {
       Put(path, "doc_index", keys::DocHashKey("00ff"), keys::NodeKey(kNoSuchNode));
     }},
    {"DocFactOfMissingEdge", "doc_fact_missing_edge",
     [](const std::string& path) {
       NodeId doc = keys::GetFixed64(Keys(path, "documents").front().first.data());
       Put(path, "doc_facts", keys::DocEdgeKey(doc, {kNoSuchNode, 1, kNoSuchNode}));
     }},
    {"DocFactDeleted", "doc_facts_mismatch",
     [](const std::string& path) {
       for (const auto& [key, value] : Keys(path, "doc_facts")) {
         if (key[keys::kNodeIdSize] == 'e') return Delete(path, "doc_facts", key);
       }
     }},
    {"LiteralDeleted", "doc_fact_missing_literal",
     [](const std::string& path) { Delete(path, "literals", Keys(path, "literals").front().first); }},
    {"LiteralFactUnlisted", "literal_not_in_doc_facts",
     [](const std::string& path) {
       for (const auto& [key, value] : Keys(path, "doc_facts")) {
         if (key[keys::kNodeIdSize] == 'l') return Delete(path, "doc_facts", key);
       }
     }},
    {"DuplicateDocument", "duplicate_document",
     [](const std::string& path) {
       // The metadata and text of the last document, again under another id.
       auto documents = Keys(path, "documents");
       for (std::size_t i = documents.size() - 2; i < documents.size(); ++i) {
         const auto& [key, value] = documents[i];
         Put(path, "documents", keys::NodeKey(kNoSuchNode) + key.back(), value);
       }
     }},
};

INSTANTIATE_TEST_SUITE_P(Damages, StoreDamageTest, ::testing::ValuesIn(kDamages),
                         [](const ::testing::TestParamInfo<Damage>& param) {
                           return std::string(param.param.name);
                         });

}  // namespace
}  // namespace presskg::graph
