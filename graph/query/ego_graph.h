#pragma once

#include <cstdint>
#include <vector>

#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/edge_filter.h"
#include "graph/status.h"

namespace presskg::graph {

struct EgoOptions {
  std::uint32_t depth = 2;  // 1..4
  TraversalDirection direction = TraversalDirection::kBoth;
  EdgeFilter filter;              // the centre is exempt from its node rules
  std::uint32_t max_nodes = 200;  // including the centre; at least 1
  std::uint32_t max_edges = 2000;
};

struct EgoNode {
  NodeId id = 0;
  NodeKind kind = NodeKind::kOrganization;
  std::uint32_t depth = 0;
  std::uint32_t degree = 0;  // adjacency entries in the whole graph, not only in the subgraph
};

struct EgoGraph {
  // The centre first, then depth by depth; within a depth, highest degree first, ties by id.
  std::vector<EgoNode> nodes;
  // Every edge between two kept nodes that passes the filter (in any direction), ordered by the
  // position in `nodes` of its earlier endpoint, then by key.
  std::vector<EdgeKey> edges;
  bool truncated = false;  // nodes or edges were left out because of max_nodes / max_edges
};

// The neighbourhood of `center` for display. Breadth-first, depth by depth: the nodes first
// reached at a depth are ranked by degree (highest first) and kept while max_nodes allows; only
// kept nodes are expanded, and the walk stops at the first depth that does not fit whole.
// NotFound when `center` is not indexed; InvalidArgument for bad options. Thread-safe.
Result<EgoGraph> EgoSubgraph(const AdjacencyIndex& index, NodeId center,
                             const EgoOptions& options = {});

}  // namespace presskg::graph
