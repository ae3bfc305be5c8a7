#include "graph/query/ego_graph.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

#include "graph/query/traversal.h"

namespace presskg::graph {

Result<EgoGraph> EgoSubgraph(const AdjacencyIndex& index, NodeId center,
                             const EgoOptions& options) {
  if (options.depth < 1 || options.depth > 4) {
    return Status::InvalidArgument("depth must be within 1..4");
  }
  if (options.max_nodes < 1) return Status::InvalidArgument("max_nodes must be at least 1");
  PRESSKG_ASSIGN_OR_RETURN(internal::CompiledFilter filter,
                           internal::CompileFilter(index, options.filter));
  PRESSKG_ASSIGN_OR_RETURN(const VertexIndex start, internal::FindVertex(index, center));

  internal::Scratch& scratch = internal::Scratch::ForThread(index.num_vertices());
  scratch.NewEpoch();
  scratch.Visit(0, start, internal::VisitLink{});
  EgoGraph graph;
  std::vector<VertexIndex> kept = {start};
  std::vector<std::uint32_t> kept_depth = {0};
  std::vector<VertexIndex> layer = {start};
  std::vector<VertexIndex> found;
  for (std::uint32_t depth = 1; depth <= options.depth && !layer.empty(); ++depth) {
    found.clear();
    for (VertexIndex u : layer) {
      internal::ForEachNewNeighbor(
          index, scratch, 0, u, options.direction, filter, [&](const AdjacencyHot& hot) {
            if (filter.NodeOk(index, hot.neighbor)) {
              scratch.Visit(0, hot.neighbor, {u, hot.relation, hot.flags, 0});
              found.push_back(hot.neighbor);
            }
            return true;
          });
    }
    std::sort(found.begin(), found.end(), [&](VertexIndex a, VertexIndex b) {
      return std::make_tuple(index.degree(b), index.node_id(a)) <
             std::make_tuple(index.degree(a), index.node_id(b));
    });
    const std::size_t room = options.max_nodes - kept.size();
    if (found.size() > room) {
      found.resize(room);
      graph.truncated = true;
    }
    kept.insert(kept.end(), found.begin(), found.end());
    kept_depth.insert(kept_depth.end(), found.size(), depth);
    if (graph.truncated) break;
    layer = found;
  }

  std::unordered_map<VertexIndex, std::uint32_t> rank;
  rank.reserve(kept.size());
  for (std::uint32_t r = 0; r < kept.size(); ++r) rank.emplace(kept[r], r);
  bool edges_full = false;
  for (std::uint32_t r = 0; r < kept.size(); ++r) {
    const VertexIndex u = kept[r];
    graph.nodes.push_back({index.node_id(u), index.kind(u), kept_depth[r], index.degree(u)});
    const AdjacencySpan span = index.Adjacent(u);
    const std::size_t first_edge = graph.edges.size();
    for (std::uint32_t i = 0; i < span.size && !edges_full; ++i) {
      auto other = rank.find(span.hot[i].neighbor);
      if (other == rank.end() || other->second < r || !filter.EdgeOk(span, i)) continue;
      if (graph.edges.size() == options.max_edges) {
        edges_full = true;
        graph.truncated = true;
        break;
      }
      graph.edges.push_back(index.KeyOf(u, span.hot[i]));
    }
    std::sort(graph.edges.begin() + static_cast<std::ptrdiff_t>(first_edge), graph.edges.end());
  }
  return graph;
}

}  // namespace presskg::graph
