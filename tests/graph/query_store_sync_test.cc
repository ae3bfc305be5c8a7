// The index against the real RocksDB store: an index kept up to date with WithCommit after every
// commit must equal an index rebuilt from the store.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "graph/graph_store.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/live_index.h"
#include "graph/query/shortest_path.h"
#include "tests/graph/query_test_graph.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using testing::Dump;
using testing::Rel;

struct PoolEntity {
  NodeKind kind;
  std::string name;
};

const std::vector<PoolEntity>& Pool() {
  static const std::vector<PoolEntity> pool = [] {
    std::vector<PoolEntity> entities;
    for (int i = 0; i < 25; ++i) {
      entities.push_back({NodeKind::kOrganization, "Org " + std::to_string(i)});
    }
    for (int i = 0; i < 5; ++i)
      entities.push_back({NodeKind::kPlace, "Place " + std::to_string(i)});
    return entities;
  }();
  return pool;
}

// A document naming 2..5 pool entities with a few facts among them.
DocumentGraph RandomDocument(std::mt19937& rng, int number) {
  DocumentGraph doc;
  doc.document.name = "doc" + std::to_string(number) + ".txt";
  doc.document.text = "Body of document " + std::to_string(number);
  doc.document.lang = "fr";
  const char* dates[] = {"2020-03-01", "2021-07", "2022-01-15", ""};
  doc.document.date = dates[rng() % 4];
  std::vector<std::size_t> chosen;
  const std::size_t count = 2 + rng() % 4;
  while (chosen.size() < count) {
    const std::size_t pick = rng() % Pool().size();
    if (std::find(chosen.begin(), chosen.end(), pick) == chosen.end()) chosen.push_back(pick);
  }
  for (std::size_t pick : chosen) {
    EntityInput entity;
    entity.kind = Pool()[pick].kind;
    entity.name = Pool()[pick].name;
    entity.lang = "fr";
    entity.match_keys = {"key " + Pool()[pick].name};
    doc.entities.push_back(entity);
  }
  const int facts = 1 + static_cast<int>(rng() % 4);
  for (int f = 0; f < facts; ++f) {
    const auto a = static_cast<EntityIndex>(rng() % count);
    const auto b = static_cast<EntityIndex>(rng() % count);
    if (a == b) continue;
    FactInput fact;
    fact.subject = a;
    fact.object = b;
    const bool place = doc.entities[b].kind == NodeKind::kPlace;
    if (doc.entities[a].kind == NodeKind::kPlace) continue;
    const char* org_relations[] = {"partner_of", "has_client", "subsidiary_of", "owns"};
    fact.relation = place ? Rel("located_in") : Rel(org_relations[rng() % 4]);
    fact.evidence.sentence = "A sentence.";
    fact.evidence.end = 11;
    fact.evidence.lang = "fr";
    fact.evidence.rule = "test.rule";
    fact.evidence.status = rng() % 4 == 0 ? FactStatus::kPlanned : FactStatus::kStated;
    fact.evidence.date = doc.document.date;
    doc.facts.push_back(fact);
  }
  return doc;
}

TEST(QueryStoreSyncTest, IndexKeptUpToDateEqualsRebuild) {
  presskg::testing::TempDir dir;
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir.Sub("store"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<AdjacencyIndex> index = AdjacencyIndex::Build(*(*store)->Snapshot());
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->num_vertices(), 0U);

  std::mt19937 rng(7);
  for (int number = 0; number < 40; ++number) {
    DocumentGraph doc = RandomDocument(rng, number % 35);  // the last 5 repeat earlier documents
    Result<CommitResult> commit = (*store)->CommitDocument(doc);
    ASSERT_TRUE(commit.ok()) << commit.status().ToString();
    Result<AdjacencyIndex> next = index->WithCommit(*(*store)->Snapshot(), *commit);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    index = std::move(next);
  }
  Result<AdjacencyIndex> rebuilt = AdjacencyIndex::Build(*(*store)->Snapshot());
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_GT(rebuilt->num_edges(), 20U);
  EXPECT_EQ(Dump(*index), Dump(*rebuilt));
  EXPECT_EQ(index->num_edges(), rebuilt->num_edges());
  Result<AdjacencyIndex> compacted = index->Compacted();
  ASSERT_TRUE(compacted.ok());
  EXPECT_EQ(Dump(*compacted), Dump(*rebuilt));

  // Paths agree too, and every hop's key is an edge of the store.
  std::unique_ptr<GraphSnapshot> snapshot = (*store)->Snapshot();
  int found = 0;
  for (VertexIndex a = 0; a < rebuilt->num_vertices(); ++a) {
    for (VertexIndex b = 0; b < rebuilt->num_vertices(); b += 3) {
      const NodeId from = rebuilt->node_id(a);
      const NodeId to = rebuilt->node_id(b);
      Result<std::optional<Path>> kept = ShortestPath(*index, from, to);
      Result<std::optional<Path>> fresh = ShortestPath(*rebuilt, from, to);
      ASSERT_TRUE(kept.ok() && fresh.ok());
      ASSERT_EQ(kept->has_value(), fresh->has_value());
      if (!kept->has_value()) continue;
      EXPECT_EQ((*kept)->hops.size(), (*fresh)->hops.size());
      for (const PathHop& hop : (*kept)->hops) EXPECT_TRUE(snapshot->GetEdge(hop.edge).ok());
      ++found;
    }
  }
  EXPECT_GT(found, 50);
}

// Merges, splits and reverts between commits: the index kept up to date with WithCommit and
// WithCorrection (which re-reads two neighbourhoods, not the graph) must equal an index rebuilt
// from the store after every step, and the live index must agree after a compaction too.
TEST(QueryStoreSyncTest, CorrectionsKeepTheIndexEqualToARebuild) {
  presskg::testing::TempDir dir;
  Result<std::unique_ptr<GraphStore>> opened = GraphStore::Open(dir.Sub("store"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  GraphStore& store = **opened;
  Result<AdjacencyIndex> index = AdjacencyIndex::Build(*store.Snapshot());
  ASSERT_TRUE(index.ok());

  std::mt19937 rng(11);
  int number = 0;
  std::vector<std::uint64_t> in_force;  // corrections made and not reverted, newest last
  int merges = 0;
  int splits = 0;
  int reverts = 0;
  auto commit_one = [&] {
    DocumentGraph doc = RandomDocument(rng, number++);
    // Some organisations named by a longer form: a second alias to split off later.
    for (EntityInput& entity : doc.entities) {
      if (entity.kind == NodeKind::kOrganization && rng() % 3 == 0) entity.name += " Holdings";
    }
    Result<CommitResult> commit = store.CommitDocument(doc);
    ASSERT_TRUE(commit.ok()) << commit.status().ToString();
    Result<AdjacencyIndex> next = index->WithCommit(*store.Snapshot(), *commit);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    index = std::move(next);
  };
  auto apply = [&](const Result<Correction>& done) {
    ASSERT_TRUE(done.ok()) << done.status().ToString();
    Result<AdjacencyIndex> next = index->WithCorrection(*store.Snapshot(), *done);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    index = std::move(next);
  };
  auto organisations = [&] {
    std::vector<Node> nodes;
    EXPECT_TRUE(store.Snapshot()
                    ->ForEachNode([&](const Node& node) {
                      if (node.kind == NodeKind::kOrganization) nodes.push_back(node);
                      return true;
                    })
                    .ok());
    return nodes;
  };

  // The name-index keys of a node: re-pointed by a merge, as ingest's PrepareMerge does.
  auto keys_of = [&](NodeId id) {
    std::vector<std::string> keys;
    EXPECT_TRUE(store.Snapshot()
                    ->ForEachNameKey("",
                                     [&](std::string_view key, NodeId node) {
                                       if (node == id) keys.emplace_back(key);
                                       return true;
                                     })
                    .ok());
    return keys;
  };

  for (int i = 0; i < 10; ++i) commit_one();
  for (int step = 0; step < 60; ++step) {
    const unsigned action = rng() % 5;
    if (action <= 1) {
      commit_one();
    } else if (action == 2) {
      std::vector<Node> orgs = organisations();
      if (orgs.size() < 2) continue;
      const Node& keep = orgs[rng() % orgs.size()];
      const Node& absorb = orgs[rng() % orgs.size()];
      if (keep.id == absorb.id) continue;
      Result<Correction> merged =
          store.MergeNodes({keep.id, absorb.id, "one company", keys_of(absorb.id)});
      apply(merged);
      in_force.push_back(merged->id);
      ++merges;
    } else if (action == 3) {
      std::vector<Node> orgs = organisations();
      const Node* node = nullptr;
      for (const Node& candidate : orgs) {
        if (candidate.aliases.size() >= 2) node = &candidate;
      }
      if (node == nullptr) continue;
      Result<Correction> split =
          store.SplitNode({node->id, {node->aliases.back().name}, "two companies", {}});
      if (!split.ok()) continue;  // e.g. the alias was the node's only name in use
      apply(split);
      in_force.push_back(split->id);
      ++splits;
    } else if (!in_force.empty()) {
      Result<Correction> reverted = store.RevertCorrection(in_force.back(), "undo");
      in_force.pop_back();
      if (!reverted.ok()) continue;  // refused (e.g. a node merged since): nothing changed
      apply(reverted);
      ++reverts;
    }
    Result<AdjacencyIndex> rebuilt = AdjacencyIndex::Build(*store.Snapshot());
    ASSERT_TRUE(rebuilt.ok());
    ASSERT_EQ(Dump(*index), Dump(*rebuilt)) << "after step " << step;
    ASSERT_EQ(index->num_edges(), rebuilt->num_edges()) << "after step " << step;
  }
  EXPECT_GT(merges, 3);
  EXPECT_GT(splits, 0);
  EXPECT_GT(reverts, 3);
  Result<AdjacencyIndex> rebuilt = AdjacencyIndex::Build(*store.Snapshot());
  ASSERT_TRUE(rebuilt.ok());
  Result<AdjacencyIndex> compacted = index->Compacted();
  ASSERT_TRUE(compacted.ok());
  EXPECT_EQ(Dump(*compacted), Dump(*rebuilt));
  EXPECT_EQ(compacted->num_vertices(), rebuilt->num_vertices());

  // Through LiveIndex, as the server applies them.
  Result<std::unique_ptr<LiveIndex>> live = LiveIndex::Open(store);
  ASSERT_TRUE(live.ok());
  std::vector<Node> orgs = organisations();
  ASSERT_GE(orgs.size(), 2U);
  Result<Correction> merged =
      store.MergeNodes({orgs[0].id, orgs[1].id, "one company", keys_of(orgs[1].id)});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  ASSERT_TRUE((*live)->ApplyCorrection(store, *merged).ok());
  EXPECT_EQ((*live)->Current()->Find(orgs[1].id), std::nullopt);
  rebuilt = AdjacencyIndex::Build(*store.Snapshot());
  EXPECT_EQ(Dump(*(*live)->Current()), Dump(*rebuilt));
}

// Two writers commit and Apply concurrently while two readers keep querying Current().
TEST(QueryStoreSyncTest, LiveIndexUnderConcurrentCommitsAndReaders) {
  presskg::testing::TempDir dir;
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir.Sub("store"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<std::unique_ptr<LiveIndex>> live = LiveIndex::Open(**store);
  ASSERT_TRUE(live.ok()) << live.status().ToString();

  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<long> queries{0};
  auto reader = [&] {
    while (!done.load()) {
      std::shared_ptr<const AdjacencyIndex> index = (*live)->Current();
      const std::uint32_t n = index->num_vertices();
      for (VertexIndex v = 1; v < n; ++v) {
        if (!ShortestPath(*index, index->node_id(0), index->node_id(v)).ok()) ++failures;
        ++queries;
      }
    }
  };
  auto writer = [&](int first) {
    std::mt19937 rng(static_cast<unsigned>(first));
    for (int number = first; number < first + 30; ++number) {
      Result<CommitResult> commit = (*store)->CommitDocument(RandomDocument(rng, number));
      if (!commit.ok() || !(*live)->Apply(**store, *commit).ok()) ++failures;
    }
  };
  std::thread r1(reader);
  std::thread r2(reader);
  std::thread w1(writer, 0);
  std::thread w2(writer, 100);
  w1.join();
  w2.join();
  // On a loaded machine the readers may not have run yet: let them query the final index too.
  for (int i = 0; i < 3000 && queries.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  done = true;
  r1.join();
  r2.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(queries.load(), 0);
  Result<AdjacencyIndex> rebuilt = AdjacencyIndex::Build(*(*store)->Snapshot());
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(Dump(*(*live)->Current()), Dump(*rebuilt));
  EXPECT_EQ((*live)->Current()->version(), 60U);
}

}  // namespace
}  // namespace presskg::graph
