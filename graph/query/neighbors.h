#pragma once

#include <cstdint>
#include <vector>

#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/edge_filter.h"
#include "graph/status.h"

namespace presskg::graph {

struct NeighborOptions {
  std::uint32_t depth = 1;  // 1..3
  TraversalDirection direction = TraversalDirection::kBoth;
  EdgeFilter filter;  // the start node is exempt from its node rules
  // The page: nodes ordered by (depth, node id), this many skipped, at most `limit` returned.
  std::uint64_t offset = 0;
  std::uint32_t limit = 100;
  // The walk stops adding nodes after this many (then `truncated` is set).
  std::uint32_t max_visited = 1'000'000;
};

struct NeighborNode {
  NodeId id = 0;
  NodeKind kind = NodeKind::kOrganization;
  std::uint32_t depth = 0;  // fewest hops from the start
  VertexIndex vertex = 0;   // in the index the page was read from (for its labels)
};

// An edge that reaches a node of the page (at `depth`) from a node at depth - 1.
struct NeighborEdge {
  EdgeKey edge;
  std::uint32_t depth = 0;
  bool forward = true;  // walked from edge.source to edge.target
  // The edge's attributes as the index holds them (status, sources, first and last dates).
  FactStatus status = FactStatus::kStated;
  AdjacencyCold attributes;
};

struct NeighborPage {
  std::vector<NeighborNode> nodes;
  // Every edge passing the filter that reaches a page node from the previous depth, ordered by
  // (depth, reached node id, edge key). Edges between nodes of the same depth are not listed.
  std::vector<NeighborEdge> edges;
  std::uint64_t total = 0;  // nodes found, over all pages
  bool truncated = false;   // max_visited was reached: `total` and later pages are incomplete
};

// The nodes within options.depth hops of `node` (not `node` itself), one page of them with the
// edges that reach them. The order is stable for a given index version. NotFound when `node` is
// not indexed; InvalidArgument for a depth outside 1..3 or a bad filter. Thread-safe.
Result<NeighborPage> Neighbors(const AdjacencyIndex& index, NodeId node,
                               const NeighborOptions& options = {});

}  // namespace presskg::graph
