#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/path.h"
#include "graph/status.h"

namespace presskg::graph {

// A path with the fewest hops from `from` to `to` (a path without hops when they are equal), or
// nullopt when none exists within options.max_hops. Bidirectional BFS over per-thread scratch
// arrays: no O(V) work per query. When several shortest paths exist, which one is returned is
// deterministic for a given index but otherwise unspecified. NotFound when an endpoint is not in
// the index; InvalidArgument for bad options. Thread-safe.
Result<std::optional<Path>> ShortestPath(const AdjacencyIndex& index, NodeId from, NodeId to,
                                         const PathOptions& options = {});

struct PathSet {
  std::vector<Path> paths;
  bool truncated = false;  // more paths existed than were returned
};

// Every shortest path from `from` to `to` (distinct hop sequences: two relations between the same
// nodes give two paths), at most `max_paths` of them, in a deterministic order; empty when none
// exists within options.max_hops. Costs a BFS of radius (distance - 1) around `to`. Errors as
// ShortestPath, and InvalidArgument when max_paths is 0.
Result<PathSet> AllShortestPaths(const AdjacencyIndex& index, NodeId from, NodeId to,
                                 const PathOptions& options = {}, std::uint32_t max_paths = 100);

}  // namespace presskg::graph
