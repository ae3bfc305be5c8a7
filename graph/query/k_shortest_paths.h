#pragma once

#include <cstdint>
#include <vector>

#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/path.h"
#include "graph/status.h"

namespace presskg::graph {

inline constexpr std::uint32_t kMaxShortestPaths = 10;

// The `k` shortest simple paths (no node twice) from `from` to `to`, fewest hops first, each
// within options.max_hops, by Yen's algorithm over the bidirectional BFS (at most k * max_hops
// searches). Paths are distinct hop sequences: two relations between the same nodes make two
// paths. Ties are ordered by node ids then relations. Fewer than k when fewer exist.
// InvalidArgument unless 1 <= k <= kMaxShortestPaths; otherwise errors as ShortestPath.
Result<std::vector<Path>> KShortestPaths(const AdjacencyIndex& index, NodeId from, NodeId to,
                                         std::uint32_t k, const PathOptions& options = {});

}  // namespace presskg::graph
