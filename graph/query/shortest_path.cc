#include "graph/query/shortest_path.h"

#include <utility>

#include "graph/query/traversal.h"

namespace presskg::graph {

using internal::CompiledFilter;
using internal::DenseHop;
using internal::Scratch;

Result<std::optional<Path>> ShortestPath(const AdjacencyIndex& index, NodeId from, NodeId to,
                                         const PathOptions& options) {
  PRESSKG_ASSIGN_OR_RETURN(CompiledFilter filter, internal::CompilePathFilter(index, options));
  PRESSKG_ASSIGN_OR_RETURN(auto endpoints, internal::FindEndpoints(index, from, to));
  Scratch& scratch = Scratch::ForThread(index.num_vertices());
  internal::SearchSpec spec;
  spec.source = endpoints.first;
  spec.target = endpoints.second;
  spec.max_hops = options.max_hops;
  spec.directed = options.directed;
  spec.filter = &filter;
  std::optional<std::vector<DenseHop>> hops = internal::BidirectionalSearch(index, spec, scratch);
  if (!hops) return std::optional<Path>();
  return std::optional<Path>(internal::MakePath(index, endpoints.first, *hops));
}

namespace {

// Enumerates shortest paths depth-first along edges that bring the walk one hop closer to the
// target, knowing every vertex's distance to it (scratch side 1).
class ShortestPathEnumerator {
 public:
  ShortestPathEnumerator(const AdjacencyIndex& index, const CompiledFilter& filter,
                         const Scratch& scratch, TraversalDirection follow, VertexIndex target,
                         std::uint32_t distance, std::uint32_t max_paths)
      : index_(index),
        filter_(filter),
        scratch_(scratch),
        follow_(follow),
        target_(target),
        distance_(distance),
        max_paths_(max_paths) {}

  // Appends to `out`; returns false once max_paths + 1 paths were seen (so `out` is truncated).
  bool Walk(VertexIndex start, PathSet& out) {
    start_ = start;
    return Step(start, out);
  }

 private:
  bool Step(VertexIndex u, PathSet& out) {
    const auto remaining = static_cast<std::uint32_t>(distance_ - hops_.size());
    const AdjacencySpan span = index_.Adjacent(u);
    for (std::uint32_t i = 0; i < span.size; ++i) {
      const AdjacencyHot& hot = span.hot[i];
      const VertexIndex w = hot.neighbor;
      if (!Follows(follow_, hot.flags) || !scratch_.Seen(1, w)) continue;
      if (scratch_.links[1][w].dist != remaining - 1 || !filter_.EdgeOk(span, i)) continue;
      hops_.push_back({u, w, hot.relation, (hot.flags & kEntryIsSource) != 0});
      if (w == target_) {
        if (out.paths.size() == max_paths_) {
          out.truncated = true;
          return false;
        }
        out.paths.push_back(internal::MakePath(index_, start_, hops_));
      } else if (!Step(w, out)) {
        return false;
      }
      hops_.pop_back();
    }
    return true;
  }

  const AdjacencyIndex& index_;
  const CompiledFilter& filter_;
  const Scratch& scratch_;
  TraversalDirection follow_;
  VertexIndex target_;
  std::uint32_t distance_;
  std::uint32_t max_paths_;
  VertexIndex start_ = 0;
  std::vector<DenseHop> hops_;
};

// Breadth-first from `target` against `follow` (side 1 of `scratch`), up to `max_depth` hops,
// entering only nodes the filter admits (and `source`).
void DistancesTo(const AdjacencyIndex& index, const CompiledFilter& filter, VertexIndex source,
                 VertexIndex target, TraversalDirection follow, std::uint32_t max_depth,
                 Scratch& scratch) {
  scratch.NewEpoch();
  scratch.Visit(1, target, internal::VisitLink{});
  std::vector<VertexIndex>& frontier = scratch.frontier[1];
  frontier.assign(1, target);
  for (std::uint32_t depth = 0; depth < max_depth && !frontier.empty(); ++depth) {
    scratch.next.clear();
    for (VertexIndex u : frontier) {
      internal::ForEachNewNeighbor(
          index, scratch, 1, u, follow, filter, [&](const AdjacencyHot& hot) {
            const VertexIndex w = hot.neighbor;
            if (w != source && !filter.NodeOk(index, w)) return true;
            scratch.Visit(1, w, {u, hot.relation, hot.flags, static_cast<std::uint8_t>(depth + 1)});
            scratch.next.push_back(w);
            return true;
          });
    }
    std::swap(frontier, scratch.next);
  }
}

}  // namespace

Result<PathSet> AllShortestPaths(const AdjacencyIndex& index, NodeId from, NodeId to,
                                 const PathOptions& options, std::uint32_t max_paths) {
  if (max_paths == 0) return Status::InvalidArgument("max_paths must be at least 1");
  PRESSKG_ASSIGN_OR_RETURN(CompiledFilter filter, internal::CompilePathFilter(index, options));
  PRESSKG_ASSIGN_OR_RETURN(auto endpoints, internal::FindEndpoints(index, from, to));
  const auto [s, t] = endpoints;
  Scratch& scratch = Scratch::ForThread(index.num_vertices());
  internal::SearchSpec spec;
  spec.source = s;
  spec.target = t;
  spec.max_hops = options.max_hops;
  spec.directed = options.directed;
  spec.filter = &filter;
  std::optional<std::vector<DenseHop>> first = internal::BidirectionalSearch(index, spec, scratch);
  PathSet result;
  if (!first) return result;
  if (first->empty()) {
    result.paths.push_back(internal::MakePath(index, s, *first));
    return result;
  }
  const auto distance = static_cast<std::uint32_t>(first->size());
  const TraversalDirection back =
      options.directed ? TraversalDirection::kIn : TraversalDirection::kBoth;
  DistancesTo(index, filter, s, t, back, distance - 1, scratch);
  // Vertices at distance - 1 from the target are stamped; the target itself has distance 0 and
  // the walk's last step lands on it.
  const TraversalDirection forward =
      options.directed ? TraversalDirection::kOut : TraversalDirection::kBoth;
  ShortestPathEnumerator enumerator(index, filter, scratch, forward, t, distance, max_paths);
  (void)enumerator.Walk(s, result);
  return result;
}

}  // namespace presskg::graph
