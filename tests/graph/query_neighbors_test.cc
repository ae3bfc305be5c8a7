#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "graph/query/neighbors.h"
#include "tests/graph/query_test_graph.h"

namespace presskg::graph {
namespace {

using testing::MakeEdge;
using testing::MakeNode;
using testing::RandomGraph;
using testing::Rel;
using testing::TestGraph;

bool Contains(const auto& list, const auto& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Reference of EdgeFilter's edge rules, from its header comments.
bool RefEdgeOk(const Edge& edge, const EdgeFilter& f) {
  if (!f.relations.empty() && !Contains(f.relations, edge.key.relation)) return false;
  if (Contains(f.excluded_relations, edge.key.relation)) return false;
  if (!f.statuses.empty() && !Contains(f.statuses, edge.status)) return false;
  if (edge.source_count < f.min_sources) return false;
  auto in_range = [&](const std::string& date, const std::string& from, const std::string& to) {
    if (from.empty() && to.empty()) return true;
    if (date.empty()) return f.include_undated;
    return (from.empty() || date >= from) && (to.empty() || testing::DatePrefixLessEq(date, to));
  };
  return in_range(edge.first_seen, f.first_seen_from, f.first_seen_to) &&
         in_range(edge.last_seen, f.last_seen_from, f.last_seen_to);
}

bool RefNodeOk(NodeKind kind, const EdgeFilter& f) {
  return (f.node_kinds.empty() || Contains(f.node_kinds, kind)) &&
         !Contains(f.excluded_node_kinds, kind);
}

struct RefEdge {
  EdgeKey key;
  std::uint32_t depth;
  bool forward;
  friend auto operator<=>(const RefEdge&, const RefEdge&) = default;
};

// Breadth-first reference: node -> depth, and the edges reaching each node from the previous depth.
struct RefResult {
  std::map<NodeId, std::uint32_t> depth;
  std::map<NodeId, std::set<RefEdge>> reaching;
};

RefResult RefNeighbors(const TestGraph& graph, NodeId start, const NeighborOptions& options) {
  auto steps = [&](NodeId u) {
    std::vector<std::pair<NodeId, RefEdge>> out;
    for (const Edge& edge : graph.edges) {
      if (edge.key.source == edge.key.target || !RefEdgeOk(edge, options.filter)) continue;
      const bool symmetric = testing::IsSymmetric(edge.key.relation);
      const bool out_ok = options.direction != TraversalDirection::kIn || symmetric;
      const bool in_ok = options.direction != TraversalDirection::kOut || symmetric;
      if (edge.key.source == u && out_ok) out.push_back({edge.key.target, {edge.key, 0, true}});
      if (edge.key.target == u && in_ok) out.push_back({edge.key.source, {edge.key, 0, false}});
    }
    return out;
  };
  RefResult result;
  result.depth[start] = 0;
  std::vector<NodeId> frontier = {start};
  for (std::uint32_t depth = 1; depth <= options.depth; ++depth) {
    std::vector<NodeId> next;
    for (NodeId u : frontier) {
      for (auto [w, edge] : steps(u)) {
        if (!RefNodeOk(*graph.KindOf(w), options.filter)) continue;
        if (result.depth.emplace(w, depth).second) next.push_back(w);
        if (result.depth[w] != depth) continue;
        edge.depth = depth;
        result.reaching[w].insert(edge);
      }
    }
    frontier = std::move(next);
  }
  result.depth.erase(start);
  return result;
}

NeighborOptions RandomNeighborOptions(std::mt19937& rng) {
  NeighborOptions options;
  options.depth = 1 + rng() % 3;
  options.direction = static_cast<TraversalDirection>(rng() % 3);
  EdgeFilter& f = options.filter;
  if (rng() % 4 == 0) f.relations = {Rel("subsidiary_of"), Rel("partner_of"), Rel("mentions")};
  if (rng() % 4 == 0) f.excluded_relations = {Rel("has_client")};
  if (rng() % 4 == 0) f.node_kinds = {NodeKind::kOrganization, NodeKind::kDocument};
  if (rng() % 4 == 0) f.excluded_node_kinds = {NodeKind::kDocument};
  if (rng() % 4 == 0) f.statuses = {FactStatus::kStated, FactStatus::kPlanned};
  if (rng() % 4 == 0) f.min_sources = 2;
  if (rng() % 4 == 0) f.first_seen_from = "2020-02";
  if (rng() % 4 == 0) f.first_seen_to = "2021";
  if (rng() % 4 == 0) f.last_seen_from = "2021-06-01";
  if (rng() % 4 == 0) f.last_seen_to = "2022-01";
  f.include_undated = rng() % 2 == 0;
  return options;
}

TEST(QueryNeighborsTest, PagesMatchBruteForceOnRandomGraphs) {
  int nonempty = 0;
  for (std::uint32_t seed = 1; seed <= 100; ++seed) {
    const TestGraph graph = RandomGraph(seed, 30 + seed % 40, 60 + seed % 100, seed % 2 == 0);
    AdjacencyIndex index = *graph.BuildIndex();
    std::mt19937 rng(seed);
    for (int query = 0; query < 10; ++query) {
      NeighborOptions options = RandomNeighborOptions(rng);
      const NodeId start = graph.nodes[rng() % graph.nodes.size()].id;
      const RefResult expected = RefNeighbors(graph, start, options);
      std::vector<std::tuple<std::uint32_t, NodeId>> expected_order;
      for (const auto& [id, depth] : expected.depth) expected_order.emplace_back(depth, id);
      std::sort(expected_order.begin(), expected_order.end());
      SCOPED_TRACE("seed " + std::to_string(seed) + " query " + std::to_string(query));

      options.limit = 1 + rng() % 7;
      std::vector<std::tuple<std::uint32_t, NodeId>> got_order;
      for (options.offset = 0;; options.offset += options.limit) {
        Result<NeighborPage> page = Neighbors(index, start, options);
        ASSERT_TRUE(page.ok()) << page.status().ToString();
        EXPECT_EQ(page->total, expected.depth.size());
        EXPECT_FALSE(page->truncated);
        if (page->nodes.empty()) break;
        EXPECT_LE(page->nodes.size(), options.limit);
        std::set<RefEdge> expected_edges;
        for (const NeighborNode& node : page->nodes) {
          got_order.emplace_back(node.depth, node.id);
          EXPECT_EQ(node.kind, *graph.KindOf(node.id));
          auto reaching = expected.reaching.find(node.id);
          ASSERT_NE(reaching, expected.reaching.end());
          expected_edges.insert(reaching->second.begin(), reaching->second.end());
        }
        std::set<RefEdge> got_edges;
        for (const NeighborEdge& edge : page->edges) {
          got_edges.insert({edge.edge, edge.depth, edge.forward});
          const Edge* stored = graph.FindEdge(edge.edge);
          ASSERT_NE(stored, nullptr);
          EXPECT_EQ(edge.status, stored->status);
          EXPECT_EQ(edge.attributes.source_count, stored->source_count);
          EXPECT_EQ(edge.attributes.first_seen, PackDate(stored->first_seen));
          EXPECT_EQ(edge.attributes.last_seen, PackDate(stored->last_seen));
        }
        EXPECT_EQ(got_edges.size(), page->edges.size()) << "edge listed twice";
        EXPECT_TRUE(got_edges == expected_edges);
      }
      EXPECT_EQ(got_order, expected_order);
      if (!expected_order.empty()) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 500);
}

std::vector<NodeId> Ids(const NeighborPage& page) {
  std::vector<NodeId> ids;
  for (const NeighborNode& node : page.nodes) ids.push_back(node.id);
  return ids;
}

// Nodes added after the build with smaller ids than indexed ones: vertex order is no longer id
// order, and pages must still come in id order.
TEST(QueryNeighborsTest, PagesStayInIdOrderWhenLaterNodesHaveSmallerIds) {
  TestGraph graph;
  graph.nodes = {MakeNode(10), MakeNode(20), MakeNode(30)};
  graph.edges = {MakeEdge(20, "has_client", 30), MakeEdge(10, "owns", 20)};
  AdjacencyIndex index = *graph.BuildIndex();
  EXPECT_TRUE(index.ids_follow_vertices());
  Result<AdjacencyIndex> next = index.WithChanges(
      {{25, NodeKind::kPerson}, {5, NodeKind::kPlace}},
      {ToIndexEdge(MakeEdge(25, "has_role_at", 20)), ToIndexEdge(MakeEdge(20, "located_in", 5))});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_FALSE(next->ids_follow_vertices());
  NeighborOptions options;
  options.limit = 3;
  Result<NeighborPage> first = Neighbors(*next, 20, options);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Ids(*first), (std::vector<NodeId>{5, 10, 25}));
  EXPECT_EQ(first->nodes[0].kind, NodeKind::kPlace);
  ASSERT_EQ(first->edges.size(), 3U);
  EXPECT_EQ(first->edges[0].edge.target, 5U);
  options.offset = 3;
  EXPECT_EQ(Ids(*Neighbors(*next, 20, options)), (std::vector<NodeId>{30}));
  EXPECT_TRUE(next->Compacted()->ids_follow_vertices());
}

// 1 -> 2 -> 3 -> 4, 1 -> 5 (planned), 6 -> 1 (2019), 1 - 7 partner (symmetric, 7 < 1 impossible:
// stored 1 < 7).
TestGraph ChainGraph() {
  TestGraph graph;
  for (NodeId id : {1, 2, 3, 4, 5, 6, 7}) graph.nodes.push_back(MakeNode(id));
  graph.nodes[4].kind = NodeKind::kPerson;
  graph.edges = {
      MakeEdge(1, "subsidiary_of", 2, "2021-01-01", "2022-06-30", 3),
      MakeEdge(2, "subsidiary_of", 3, "2021"),
      MakeEdge(3, "owns", 4, "2022"),
      MakeEdge(5, "has_role_at", 1, "2023", "2023", 1, FactStatus::kPlanned),
      MakeEdge(6, "has_client", 1, "2019"),
      MakeEdge(1, "partner_of", 7, "2020"),
  };
  return graph;
}


TEST(QueryNeighborsTest, DirectionsAndFilters) {
  AdjacencyIndex index = *ChainGraph().BuildIndex();
  NeighborOptions options;
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 5, 6, 7}));
  options.direction = TraversalDirection::kOut;
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 7}));  // 7: symmetric
  options.direction = TraversalDirection::kIn;
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{5, 6, 7}));
  options = {};
  options.depth = 3;
  options.direction = TraversalDirection::kOut;
  Result<NeighborPage> page = Neighbors(index, 1, options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<NodeId>{2, 7, 3, 4}));
  EXPECT_EQ(page->nodes[3].depth, 3U);
  ASSERT_EQ(page->edges.size(), 4U);
  EXPECT_EQ(page->edges[3].edge, (EdgeKey{3, Rel("owns"), 4}));
  EXPECT_EQ(page->edges[3].depth, 3U);
  EXPECT_TRUE(page->edges[3].forward);

  options = {};
  options.filter.statuses = {FactStatus::kStated};
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 6, 7}));
  options = {};
  options.filter.min_sources = 2;
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2}));
  options = {};
  options.filter.node_kinds = {NodeKind::kPerson};
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{5}));
  options = {};
  options.filter.relations = {Rel("partner_of"), Rel("has_client")};
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{6, 7}));
}

TEST(QueryNeighborsTest, DateRanges) {
  AdjacencyIndex index = *ChainGraph().BuildIndex();
  NeighborOptions options;
  options.filter.first_seen_from = "2020";
  options.filter.first_seen_to = "2021-01";
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 7}));
  options = {};
  options.filter.last_seen_from = "2022-06-30";
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 5}));
  options.filter.last_seen_from = "2022-07";
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{5}));
  options.filter.last_seen_from = "2022-7";
  EXPECT_EQ(Neighbors(index, 1, options).status().code(), Status::Code::kInvalidArgument);
}

TEST(QueryNeighborsTest, UndatedEdgesPassDateBoundsOnlyWhenAsked) {
  TestGraph graph = ChainGraph();
  graph.edges.push_back(MakeEdge(1, "owns", 3));  // undated
  AdjacencyIndex index = *graph.BuildIndex();
  NeighborOptions options;
  options.filter.first_seen_to = "2030";
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 5, 6, 7}));
  options.filter.include_undated = true;
  EXPECT_EQ(Ids(*Neighbors(index, 1, options)), (std::vector<NodeId>{2, 3, 5, 6, 7}));
}

TEST(QueryNeighborsTest, TruncatesAtMaxVisitedAndRejectsBadOptions) {
  AdjacencyIndex index = *ChainGraph().BuildIndex();
  NeighborOptions options;
  options.max_visited = 2;
  Result<NeighborPage> page = Neighbors(index, 1, options);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->truncated);
  EXPECT_EQ(page->total, 2U);
  options = {};
  options.depth = 4;
  EXPECT_EQ(Neighbors(index, 1, options).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Neighbors(index, 99).status().code(), Status::Code::kNotFound);
  options = {};
  options.offset = 100;
  page = Neighbors(index, 1, options);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->nodes.empty());
  EXPECT_EQ(page->total, 4U);
}

}  // namespace
}  // namespace presskg::graph
