#include "graph/query/path.h"

#include <string>

#include "graph/query/traversal.h"

namespace presskg::graph::internal {

Result<CompiledFilter> CompilePathFilter(const AdjacencyIndex& index, const PathOptions& options) {
  if (options.max_hops < 1 || options.max_hops > 64) {
    return Status::InvalidArgument("max_hops must be within 1..64");
  }
  EdgeFilter filter = options.filter;
  if (!options.as_of.empty()) {
    PRESSKG_ASSIGN_OR_RETURN(DateKey as_of, ParseDateBound(options.as_of, DatePad::kHigh));
    PRESSKG_ASSIGN_OR_RETURN(DateKey to, ParseDateBound(filter.first_seen_to, DatePad::kHigh));
    if (to == kUndated || as_of < to) filter.first_seen_to = options.as_of;
  }
  PRESSKG_ASSIGN_OR_RETURN(CompiledFilter compiled, CompileFilter(index, filter));
  if (!options.include_documents) {
    compiled.kind_ok = static_cast<std::uint8_t>(
        compiled.kind_ok & ~(1U << static_cast<unsigned>(NodeKind::kDocument)));
  }
  const RelationId mentions = index.mentions_relation();
  if (!options.include_mentions && mentions != 0) compiled.relation_ok[mentions] = 0;
  compiled.max_degree = options.max_degree;
  return compiled;
}

Result<VertexIndex> FindVertex(const AdjacencyIndex& index, NodeId id) {
  std::optional<VertexIndex> v = index.Find(id);
  if (!v) return Status::NotFound("no node " + std::to_string(id) + " in the index");
  return *v;
}

Result<std::pair<VertexIndex, VertexIndex>> FindEndpoints(const AdjacencyIndex& index, NodeId from,
                                                          NodeId to) {
  PRESSKG_ASSIGN_OR_RETURN(VertexIndex s, FindVertex(index, from));
  PRESSKG_ASSIGN_OR_RETURN(VertexIndex t, FindVertex(index, to));
  return std::make_pair(s, t);
}

Path MakePath(const AdjacencyIndex& index, VertexIndex start, const std::vector<DenseHop>& hops) {
  Path path;
  path.nodes.reserve(hops.size() + 1);
  path.hops.reserve(hops.size());
  path.nodes.push_back(index.node_id(start));
  for (const DenseHop& hop : hops) {
    const DenseEdge edge = EdgeOf(hop);
    PathHop out;
    out.edge = EdgeKey{index.node_id(edge.source), edge.relation, index.node_id(edge.target)};
    out.forward = hop.from_is_source;
    out.from = index.node_id(hop.from);
    out.to = index.node_id(hop.to);
    path.nodes.push_back(out.to);
    path.hops.push_back(out);
  }
  return path;
}

}  // namespace presskg::graph::internal
