#include "graph/query/neighbors.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "graph/query/traversal.h"

namespace presskg::graph {
namespace {

TraversalDirection Reverse(TraversalDirection direction) {
  switch (direction) {
    case TraversalDirection::kOut:
      return TraversalDirection::kIn;
    case TraversalDirection::kIn:
      return TraversalDirection::kOut;
    case TraversalDirection::kBoth:
      break;
  }
  return TraversalDirection::kBoth;
}

// The order of a page's edges: by depth, then reached node id, then edge key.
bool EdgeBefore(const NeighborEdge& a, const NeighborEdge& b) {
  auto reached_id = [](const NeighborEdge& e) { return e.forward ? e.edge.target : e.edge.source; };
  return std::make_tuple(a.depth, reached_id(a), a.edge) <
         std::make_tuple(b.depth, reached_id(b), b.edge);
}

// Depth 1 without the BFS machinery: a list holds its neighbour's entries side by side (sorted
// by neighbour vertex), so distinct neighbours come out of one pass. When vertex order is id
// order (always for ids the store allocates) they are already in page order and only the page's
// nodes are looked up; otherwise every neighbour's id is read and they are sorted.
NeighborPage OneHop(const AdjacencyIndex& index, VertexIndex start, const NeighborOptions& options,
                    const internal::CompiledFilter& filter) {
  NeighborPage page;
  const AdjacencySpan span = index.Adjacent(start);
  // The entries' attributes live in a second array: start fetching them now, so that their
  // cache miss overlaps the scan of the entries instead of following it.
  for (std::uint32_t i = 0; i < span.size && i < 64; i += 4) __builtin_prefetch(span.cold + i);
  struct Reached {
    VertexIndex vertex;
    std::uint32_t first;  // its first entry in `span`
    NodeId id;            // filled only when needed for sorting
  };
  thread_local std::vector<Reached> reached;  // reused: most lists are short, calls are many
  reached.clear();
  const bool node_rules = filter.HasNodeRules();
  for (std::uint32_t i = 0; i < span.size; ++i) {
    const AdjacencyHot& hot = span.hot[i];
    if (!reached.empty() && reached.back().vertex == hot.neighbor) continue;
    if (!Follows(options.direction, hot.flags) || !filter.EdgeOk(span, i)) continue;
    if (node_rules && !filter.NodeOk(index, hot.neighbor)) continue;
    if (reached.size() == options.max_visited) {
      page.truncated = true;
      break;
    }
    // A page node's id is read below: start that cache miss now, overlapped with the scan.
    if (reached.size() < options.offset + options.limit) index.PrefetchNode(hot.neighbor);
    reached.push_back({hot.neighbor, i, 0});
  }
  page.total = reached.size();
  if (!index.ids_follow_vertices()) {
    for (Reached& r : reached) r.id = index.node_id(r.vertex);
    std::sort(reached.begin(), reached.end(),
              [](const Reached& a, const Reached& b) { return a.id < b.id; });
  }
  const std::uint64_t begin = std::min<std::uint64_t>(options.offset, reached.size());
  const std::uint64_t end = std::min<std::uint64_t>(begin + options.limit, reached.size());
  page.nodes.reserve(end - begin);
  page.edges.reserve(end - begin);  // one edge per node but for parallel edges
  for (std::uint64_t k = begin; k < end; ++k) {
    const Reached& r = reached[k];
    page.nodes.push_back({index.node_id(r.vertex), index.kind(r.vertex), 1, r.vertex});
  }
  for (std::uint64_t k = begin; k < end; ++k) {
    const Reached& r = reached[k];
    for (std::uint32_t i = r.first; i < span.size && span.hot[i].neighbor == r.vertex; ++i) {
      const AdjacencyHot& hot = span.hot[i];
      if (!Follows(options.direction, hot.flags) || !filter.EdgeOk(span, i)) continue;
      page.edges.push_back({index.KeyOf(start, hot), 1, (hot.flags & kEntryIsSource) != 0,
                            hot.status, span.cold[i]});
    }
  }
  // Usually in order already (page nodes in id order, one edge each): checking is cheaper.
  if (!std::is_sorted(page.edges.begin(), page.edges.end(), EdgeBefore)) {
    std::sort(page.edges.begin(), page.edges.end(), EdgeBefore);
  }
  return page;
}

}  // namespace

Result<NeighborPage> Neighbors(const AdjacencyIndex& index, NodeId node,
                               const NeighborOptions& options) {
  if (options.depth < 1 || options.depth > 3) {
    return Status::InvalidArgument("depth must be within 1..3");
  }
  PRESSKG_ASSIGN_OR_RETURN(internal::CompiledFilter filter,
                           internal::CompileFilter(index, options.filter));
  PRESSKG_ASSIGN_OR_RETURN(const VertexIndex start, internal::FindVertex(index, node));
  if (options.depth == 1) return OneHop(index, start, options, filter);

  internal::Scratch& scratch = internal::Scratch::ForThread(index.num_vertices());
  scratch.NewEpoch();
  scratch.Visit(0, start, internal::VisitLink{});
  NeighborPage page;
  std::vector<VertexIndex> reached;
  std::vector<VertexIndex>& frontier = scratch.frontier[0];
  frontier.assign(1, start);
  for (std::uint32_t depth = 1; depth <= options.depth && !frontier.empty() && !page.truncated;
       ++depth) {
    scratch.next.clear();
    for (VertexIndex u : frontier) {
      internal::ForEachNewNeighbor(
          index, scratch, 0, u, options.direction, filter, [&](const AdjacencyHot& hot) {
            const VertexIndex w = hot.neighbor;
            if (!filter.NodeOk(index, w)) return true;
            if (reached.size() == options.max_visited) {
              page.truncated = true;
              return false;
            }
            scratch.Visit(0, w, {u, hot.relation, hot.flags, static_cast<std::uint8_t>(depth)});
            scratch.next.push_back(w);
            reached.push_back(w);
            return true;
          });
      if (page.truncated) break;
    }
    std::swap(frontier, scratch.next);
  }

  auto depth_of = [&](VertexIndex v) { return std::uint32_t{scratch.links[0][v].dist}; };
  // Only the page needs ordering: select its first element, then sort the page alone, so that a
  // hub's first page costs O(n + limit log limit), not O(n log n).
  struct Ranked {
    std::uint32_t depth;
    NodeId id;
    VertexIndex vertex;
    bool operator<(const Ranked& other) const {
      return std::tie(depth, id) < std::tie(other.depth, other.id);
    }
  };
  std::vector<Ranked> ranked;
  ranked.reserve(reached.size());
  for (VertexIndex v : reached) ranked.push_back({depth_of(v), index.node_id(v), v});
  page.total = ranked.size();
  const auto begin =
      static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(options.offset, ranked.size()));
  const auto end = static_cast<std::ptrdiff_t>(
      std::min<std::uint64_t>(static_cast<std::uint64_t>(begin) + options.limit, ranked.size()));
  if (begin < end) {
    std::nth_element(ranked.begin(), ranked.begin() + begin, ranked.end());
    std::partial_sort(ranked.begin() + begin, ranked.begin() + end, ranked.end());
  }
  std::vector<VertexIndex> on_page;
  for (auto it = ranked.begin() + begin; it != ranked.begin() + end; ++it) {
    on_page.push_back(it->vertex);
  }

  // The edges reaching page nodes: depth-1 ones from the start's list, deeper ones by looking
  // back from the reached node along the reversed direction.
  scratch.NewBlockEpoch();
  for (VertexIndex w : on_page) {
    scratch.Block(w);
    page.nodes.push_back({index.node_id(w), index.kind(w), depth_of(w), w});
  }
  auto add_edge = [&](VertexIndex from, const AdjacencyHot& hot_at_from, const AdjacencyCold& cold,
                      std::uint32_t depth) {
    page.edges.push_back({index.KeyOf(from, hot_at_from), depth,
                          (hot_at_from.flags & kEntryIsSource) != 0, hot_at_from.status, cold});
  };
  const AdjacencySpan start_span = index.Adjacent(start);
  for (std::uint32_t i = 0; i < start_span.size; ++i) {
    const AdjacencyHot& hot = start_span.hot[i];
    if (scratch.Blocked(hot.neighbor) && depth_of(hot.neighbor) == 1 &&
        Follows(options.direction, hot.flags) && filter.EdgeOk(start_span, i)) {
      add_edge(start, hot, start_span.cold[i], 1);
    }
  }
  const TraversalDirection back = Reverse(options.direction);
  for (VertexIndex w : on_page) {
    const std::uint32_t depth = depth_of(w);
    if (depth < 2) continue;
    const AdjacencySpan span = index.Adjacent(w);
    for (std::uint32_t i = 0; i < span.size; ++i) {
      const AdjacencyHot& hot = span.hot[i];
      const VertexIndex x = hot.neighbor;
      if (!Follows(back, hot.flags) || !scratch.Seen(0, x) || x == start) continue;
      if (depth_of(x) + 1 != depth || !filter.EdgeOk(span, i)) continue;
      AdjacencyHot at_x = hot;  // the same entry as seen from x
      at_x.neighbor = w;
      at_x.flags = static_cast<std::uint8_t>(hot.flags ^ kEntryIsSource);
      add_edge(x, at_x, span.cold[i], depth);
    }
  }
  std::sort(page.edges.begin(), page.edges.end(), EdgeBefore);
  return page;
}

}  // namespace presskg::graph
