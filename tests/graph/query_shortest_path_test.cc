#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "graph/query/k_shortest_paths.h"
#include "graph/query/shortest_path.h"
#include "tests/graph/query_test_graph.h"

namespace presskg::graph {
namespace {

using testing::CheckPath;
using testing::Hops;
using testing::HopSequence;
using testing::MakeEdge;
using testing::MakeNode;
using testing::RandomGraph;
using testing::RefDistance;
using testing::RefSimplePaths;
using testing::Rel;
using testing::TestGraph;

PathOptions RandomPathOptions(std::mt19937& rng) {
  PathOptions options;
  options.directed = rng() % 2 == 0;
  options.max_hops = 1 + rng() % 6;
  options.include_documents = rng() % 3 == 0;
  options.include_mentions = rng() % 3 == 0;
  if (rng() % 4 == 0) options.max_degree = 3 + rng() % 6;
  const char* as_of[] = {"2020", "2020-11", "2021-06-15", "2022"};
  if (rng() % 3 == 0) options.as_of = as_of[rng() % 4];
  options.filter.include_undated = rng() % 2 == 0;
  if (rng() % 4 == 0) {
    options.filter.relations = {Rel("subsidiary_of"), Rel("partner_of")};
    if (rng() % 2 == 0) options.filter.relations.push_back(Rel("mentions"));
  }
  if (rng() % 5 == 0) options.filter.min_sources = 2;
  if (rng() % 5 == 0) options.filter.statuses = {FactStatus::kStated};
  return options;
}

// Two nodes of the graph, biased toward distinct ones.
std::pair<NodeId, NodeId> RandomPair(const TestGraph& graph, std::mt19937& rng) {
  const auto n = static_cast<std::uint32_t>(graph.nodes.size());
  NodeId s = graph.nodes[rng() % n].id;
  NodeId t = graph.nodes[rng() % n].id;
  if (rng() % 20 == 0) t = s;
  return {s, t};
}

TEST(QueryShortestPathTest, MatchesBruteForceBfsOnRandomGraphs) {
  int found = 0;
  int absent = 0;
  for (std::uint32_t seed = 1; seed <= 150; ++seed) {
    const TestGraph graph = RandomGraph(seed, 20 + seed % 50, 30 + seed % 120, seed % 3 == 0);
    Result<AdjacencyIndex> index = graph.BuildIndex();
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    std::mt19937 rng(seed * 7919);
    for (int query = 0; query < 20; ++query) {
      const PathOptions options = RandomPathOptions(rng);
      const auto [s, t] = RandomPair(graph, rng);
      const int expected = RefDistance(graph, s, t, options);
      Result<std::optional<Path>> path = ShortestPath(*index, s, t, options);
      ASSERT_TRUE(path.ok()) << path.status().ToString();
      SCOPED_TRACE("seed " + std::to_string(seed) + " query " + std::to_string(query));
      if (expected < 0) {
        EXPECT_FALSE(path->has_value());
        ++absent;
        continue;
      }
      ASSERT_TRUE(path->has_value());
      EXPECT_EQ(static_cast<int>((*path)->hops.size()), expected);
      EXPECT_EQ(CheckPath(graph, s, t, options, **path), "");
      ++found;
    }
  }
  // The random cases must exercise both outcomes, and paths of several hops.
  EXPECT_GT(found, 500);
  EXPECT_GT(absent, 300);
}

TEST(QueryShortestPathTest, AllShortestPathsMatchBruteForceEnumeration) {
  for (std::uint32_t seed = 1; seed <= 80; ++seed) {
    const TestGraph graph = RandomGraph(seed, 12 + seed % 10, 25 + seed % 30);
    Result<AdjacencyIndex> index = graph.BuildIndex();
    ASSERT_TRUE(index.ok());
    std::mt19937 rng(seed);
    for (int query = 0; query < 10; ++query) {
      PathOptions options = RandomPathOptions(rng);
      const auto [s, t] = RandomPair(graph, rng);
      std::vector<HopSequence> all = RefSimplePaths(graph, s, t, options);
      std::size_t shortest = 1000;
      for (const HopSequence& p : all) shortest = std::min(shortest, p.size());
      std::set<HopSequence> expected;
      for (const HopSequence& p : all) {
        if (p.size() == shortest) expected.insert(p);
      }
      const std::uint32_t max_paths = 1 + rng() % 6;
      Result<PathSet> result = AllShortestPaths(*index, s, t, options, max_paths);
      ASSERT_TRUE(result.ok()) << result.status().ToString();
      SCOPED_TRACE("seed " + std::to_string(seed) + " query " + std::to_string(query));
      EXPECT_EQ(result->truncated, expected.size() > max_paths);
      EXPECT_EQ(result->paths.size(), std::min<std::size_t>(expected.size(), max_paths));
      std::set<HopSequence> got;
      for (const Path& path : result->paths) {
        EXPECT_EQ(CheckPath(graph, s, t, options, path), "");
        EXPECT_TRUE(expected.count(Hops(path))) << "not a shortest path";
        got.insert(Hops(path));
      }
      EXPECT_EQ(got.size(), result->paths.size()) << "duplicate paths";
    }
  }
}

TEST(QueryShortestPathTest, YenMatchesBruteForceSimplePaths) {
  int multi = 0;
  for (std::uint32_t seed = 1; seed <= 120; ++seed) {
    const TestGraph graph = RandomGraph(seed, 8 + seed % 6, 14 + seed % 16);
    Result<AdjacencyIndex> index = graph.BuildIndex();
    ASSERT_TRUE(index.ok());
    std::mt19937 rng(seed * 31);
    for (int query = 0; query < 8; ++query) {
      PathOptions options = RandomPathOptions(rng);
      const auto [s, t] = RandomPair(graph, rng);
      const std::uint32_t k = 1 + rng() % kMaxShortestPaths;
      std::vector<HopSequence> all = RefSimplePaths(graph, s, t, options);
      std::vector<std::size_t> lengths;
      for (const HopSequence& p : all) lengths.push_back(p.size());
      std::sort(lengths.begin(), lengths.end());
      lengths.resize(std::min<std::size_t>(lengths.size(), k));
      Result<std::vector<Path>> paths = KShortestPaths(*index, s, t, k, options);
      ASSERT_TRUE(paths.ok()) << paths.status().ToString();
      SCOPED_TRACE("seed " + std::to_string(seed) + " query " + std::to_string(query));
      std::vector<std::size_t> got_lengths;
      std::set<HopSequence> distinct;
      const std::set<HopSequence> valid(all.begin(), all.end());
      for (const Path& path : *paths) {
        got_lengths.push_back(path.hops.size());
        EXPECT_EQ(CheckPath(graph, s, t, options, path), "");
        EXPECT_TRUE(valid.count(Hops(path)));
        distinct.insert(Hops(path));
      }
      EXPECT_EQ(got_lengths, lengths);
      EXPECT_EQ(distinct.size(), paths->size());
      if (paths->size() > 2) ++multi;
    }
  }
  EXPECT_GT(multi, 100);
}

// 1 -> 2 <- 3, a detour 1 - 4 - 5 - 3, a hub 9 (degree 6) linked to 1, 3, 4, 5 and the leaves
// 6 and 7, and a document 20 mentioning 1 and 3.
TestGraph SmallGraph() {
  TestGraph graph;
  for (NodeId id : {1, 2, 3, 4, 5, 6, 7, 9}) graph.nodes.push_back(MakeNode(id));
  graph.nodes.push_back(MakeNode(20, NodeKind::kDocument));
  graph.edges = {
      MakeEdge(1, "subsidiary_of", 2, "2021-03-01"),
      MakeEdge(3, "has_client", 2, "2022-05-10"),
      MakeEdge(1, "partner_of", 4, "2019-01-01"),
      MakeEdge(4, "acquired", 5, "2019-06"),
      MakeEdge(5, "subsidiary_of", 3, "2020"),
      MakeEdge(9, "has_client", 1, "2018"),
      MakeEdge(9, "has_client", 3, "2018"),
      MakeEdge(9, "has_client", 4, "2018"),
      MakeEdge(9, "has_client", 5, "2018"),
      MakeEdge(9, "has_client", 6, "2018"),
      MakeEdge(9, "has_client", 7, "2018"),
      MakeEdge(20, "mentions", 1),
      MakeEdge(20, "mentions", 3),
  };
  return graph;
}

TEST(QueryShortestPathTest, HubIsAvoidedOnlyWhenAsked) {
  const TestGraph graph = SmallGraph();
  AdjacencyIndex index = *graph.BuildIndex();
  Result<std::optional<Path>> path = ShortestPath(index, 1, 3);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->hops.size(), 2U);
  path = ShortestPath(index, 6, 2);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes[1], 9U);
  PathOptions no_hubs;
  no_hubs.max_degree = 4;  // 9 has degree 6, 1 and 3 have 4
  path = ShortestPath(index, 6, 2, no_hubs);
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->has_value());
  path = ShortestPath(index, 4, 3, no_hubs);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes, (std::vector<NodeId>{4, 5, 3}));
  // An endpoint above the limit is still allowed.
  path = ShortestPath(index, 9, 2, no_hubs);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->hops.size(), 2U);
}

TEST(QueryShortestPathTest, EndpointsAreExemptFromNodeRules) {
  TestGraph graph;
  graph.nodes = {MakeNode(1), MakeNode(2), MakeNode(3, NodeKind::kPerson)};
  graph.edges = {MakeEdge(1, "partner_of", 2), MakeEdge(3, "has_role_at", 1)};
  AdjacencyIndex index = *graph.BuildIndex();
  PathOptions options;
  options.filter.node_kinds = {NodeKind::kPerson};  // neither endpoint is a person
  Result<std::optional<Path>> path = ShortestPath(index, 1, 2, options);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->hops.size(), 1U);
  options.max_degree = 1;  // 1 has degree 2: still fine as an endpoint
  path = ShortestPath(index, 2, 1, options);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->hops.size(), 1U);
  options = {};
  options.filter.node_kinds = {NodeKind::kPerson};
  path = ShortestPath(index, 2, 3, options);  // 1 is an intermediate organisation
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->has_value());
}

TEST(QueryShortestPathTest, AsOfDateDropsLaterEdges) {
  TestGraph graph = SmallGraph();
  graph.edges.resize(5);  // no hub, no document
  AdjacencyIndex index = *graph.BuildIndex();
  PathOptions options;
  options.as_of = "2021";  // 3 -> 2 was first seen in 2022
  Result<std::optional<Path>> path = ShortestPath(index, 1, 3, options);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes, (std::vector<NodeId>{1, 4, 5, 3}));
  options.as_of = "2019-05";  // 4 -> 5 (2019-06) is not known yet
  path = ShortestPath(index, 1, 3, options);
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->has_value());
  options.as_of = "2022-05";  // a month bound includes the whole month
  path = ShortestPath(index, 1, 3, options);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes, (std::vector<NodeId>{1, 2, 3}));
  options.as_of = "2022-5";
  EXPECT_EQ(ShortestPath(index, 1, 3, options).status().code(), Status::Code::kInvalidArgument);
}

TEST(QueryShortestPathTest, HopsExposeKeysAndOrientation) {
  TestGraph graph = SmallGraph();
  graph.edges.resize(2);  // 1 -> 2 <- 3
  AdjacencyIndex index = *graph.BuildIndex();
  Result<std::optional<Path>> path = ShortestPath(index, 1, 3);
  ASSERT_TRUE(path.ok() && path->has_value());
  ASSERT_EQ((*path)->hops.size(), 2U);
  EXPECT_EQ((*path)->hops[0].edge, (EdgeKey{1, Rel("subsidiary_of"), 2}));
  EXPECT_TRUE((*path)->hops[0].forward);
  EXPECT_EQ((*path)->hops[1].edge, (EdgeKey{3, Rel("has_client"), 2}));
  EXPECT_FALSE((*path)->hops[1].forward);
  PathOptions directed;
  directed.directed = true;
  path = ShortestPath(index, 1, 3, directed);
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->has_value());
}

TEST(QueryShortestPathTest, DocumentsAndMentionsAreExcludedByDefault) {
  TestGraph graph = SmallGraph();
  graph.edges.erase(graph.edges.begin(), graph.edges.begin() + 11);  // only the mentions remain
  AdjacencyIndex index = *graph.BuildIndex();
  Result<std::optional<Path>> path = ShortestPath(index, 1, 3);
  ASSERT_TRUE(path.ok());
  EXPECT_FALSE(path->has_value());
  PathOptions options;
  options.include_mentions = true;
  EXPECT_FALSE(ShortestPath(index, 1, 3, options)->has_value());  // the document is still out
  options.include_documents = true;
  path = ShortestPath(index, 1, 3, options);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes, (std::vector<NodeId>{1, 20, 3}));
}

TEST(QueryShortestPathTest, ErrorsAreValues) {
  AdjacencyIndex index = *SmallGraph().BuildIndex();
  EXPECT_EQ(ShortestPath(index, 1, 77).status().code(), Status::Code::kNotFound);
  PathOptions options;
  options.max_hops = 0;
  EXPECT_EQ(ShortestPath(index, 1, 3, options).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(KShortestPaths(index, 1, 3, 11).status().code(), Status::Code::kInvalidArgument);
  options = {};
  options.filter.relations = {999};
  EXPECT_EQ(ShortestPath(index, 1, 3, options).status().code(), Status::Code::kInvalidArgument);
}

TEST(QueryShortestPathTest, KShortestPathsListsDetoursInOrder) {
  TestGraph graph = SmallGraph();
  graph.edges.resize(5);
  AdjacencyIndex index = *graph.BuildIndex();
  Result<std::vector<Path>> paths = KShortestPaths(index, 1, 3, 5);
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 2U);
  EXPECT_EQ((*paths)[0].nodes, (std::vector<NodeId>{1, 2, 3}));
  EXPECT_EQ((*paths)[1].nodes, (std::vector<NodeId>{1, 4, 5, 3}));
}

}  // namespace
}  // namespace presskg::graph
