#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "graph/query/ego_graph.h"
#include "tests/graph/query_test_graph.h"

namespace presskg::graph {
namespace {

using testing::MakeEdge;
using testing::MakeNode;
using testing::RandomGraph;
using testing::TestGraph;

// Centre 1 with neighbours 2 (degree 4), 3 (degree 2), 4 (degree 1); 2's other neighbours 5, 6.
TestGraph StarGraph() {
  TestGraph graph;
  for (NodeId id : {1, 2, 3, 4, 5, 6, 7}) graph.nodes.push_back(MakeNode(id));
  graph.edges = {
      MakeEdge(1, "subsidiary_of", 2), MakeEdge(1, "has_client", 3), MakeEdge(4, "owns", 1),
      MakeEdge(2, "has_client", 5),    MakeEdge(2, "partner_of", 6), MakeEdge(2, "owns", 3),
      MakeEdge(5, "owns", 7),
  };
  return graph;
}

std::vector<NodeId> Ids(const EgoGraph& graph) {
  std::vector<NodeId> ids;
  for (const EgoNode& node : graph.nodes) ids.push_back(node.id);
  return ids;
}

TEST(QueryEgoGraphTest, KeepsHighestDegreeFirstWithinADepth) {
  AdjacencyIndex index = *StarGraph().BuildIndex();
  EgoOptions options;
  options.depth = 1;
  Result<EgoGraph> ego = EgoSubgraph(index, 1, options);
  ASSERT_TRUE(ego.ok());
  EXPECT_EQ(Ids(*ego), (std::vector<NodeId>{1, 2, 3, 4}));
  EXPECT_EQ(ego->nodes[1].degree, 4U);
  EXPECT_FALSE(ego->truncated);
  // All edges among kept nodes, including 2 - 3 between two depth-1 nodes.
  EXPECT_EQ(ego->edges.size(), 4U);

  options.max_nodes = 3;
  ego = EgoSubgraph(index, 1, options);
  ASSERT_TRUE(ego.ok());
  EXPECT_EQ(Ids(*ego), (std::vector<NodeId>{1, 2, 3}));
  EXPECT_TRUE(ego->truncated);
  EXPECT_EQ(ego->edges.size(), 3U);

  options.max_nodes = 200;
  options.depth = 2;
  ego = EgoSubgraph(index, 1, options);
  ASSERT_TRUE(ego.ok());
  EXPECT_EQ(Ids(*ego), (std::vector<NodeId>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(ego->nodes[4].depth, 2U);
  options.max_edges = 2;
  ego = EgoSubgraph(index, 1, options);
  ASSERT_TRUE(ego.ok());
  EXPECT_TRUE(ego->truncated);
  ASSERT_EQ(ego->edges.size(), 2U);
  for (const EdgeKey& key : ego->edges) {  // the centre's edges come first
    EXPECT_TRUE(key.source == 1 || key.target == 1);
  }
  EXPECT_EQ(EgoSubgraph(index, 42).status().code(), Status::Code::kNotFound);
  options.depth = 0;
  EXPECT_EQ(EgoSubgraph(index, 1, options).status().code(), Status::Code::kInvalidArgument);
}

TEST(QueryEgoGraphTest, RandomGraphsGiveInducedSubgraphsAtBfsDepths) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const TestGraph graph = RandomGraph(seed, 60, 150);
    AdjacencyIndex index = *graph.BuildIndex();
    std::mt19937 rng(seed);
    EgoOptions options;
    options.depth = 1 + rng() % 3;
    options.max_nodes = 1000;
    options.max_edges = 100000;
    const NodeId center = graph.nodes[rng() % graph.nodes.size()].id;
    Result<EgoGraph> ego = EgoSubgraph(index, center, options);
    ASSERT_TRUE(ego.ok());
    EXPECT_FALSE(ego->truncated);
    // Depths are undirected BFS distances.
    std::map<NodeId, std::uint32_t> dist = {{center, 0}};
    std::vector<NodeId> frontier = {center};
    for (std::uint32_t d = 1; d <= options.depth; ++d) {
      std::vector<NodeId> next;
      for (NodeId u : frontier) {
        for (const Edge& e : graph.edges) {
          NodeId w = e.key.source == u ? e.key.target : e.key.target == u ? e.key.source : 0;
          if (w != 0 && dist.emplace(w, d).second) next.push_back(w);
        }
      }
      frontier = next;
    }
    std::map<NodeId, std::uint32_t> got;
    for (const EgoNode& node : ego->nodes) got[node.id] = node.depth;
    EXPECT_EQ(got, dist) << "seed " << seed;
    std::set<EdgeKey> expected_edges;
    for (const Edge& e : graph.edges) {
      if (dist.count(e.key.source) && dist.count(e.key.target)) expected_edges.insert(e.key);
    }
    EXPECT_EQ(std::set<EdgeKey>(ego->edges.begin(), ego->edges.end()), expected_edges);
    EXPECT_EQ(ego->edges.size(), expected_edges.size());
  }
}

}  // namespace
}  // namespace presskg::graph
