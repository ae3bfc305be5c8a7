#include "graph/query/traversal.h"

#include <algorithm>
#include <string>

namespace presskg::graph::internal {
namespace {

std::uint8_t KindBit(NodeKind kind) {
  return static_cast<std::uint8_t>(1U << static_cast<unsigned>(kind));
}

Status CheckRelation(const AdjacencyIndex& index, RelationId relation) {
  if (relation == 0 || relation >= index.relation_limit()) {
    return Status::InvalidArgument("unknown relation id " + std::to_string(relation));
  }
  return Status::Ok();
}

}  // namespace

Result<CompiledFilter> CompileFilter(const AdjacencyIndex& index, const EdgeFilter& filter) {
  CompiledFilter compiled;
  compiled.relation_ok.Assign(index.relation_limit(), filter.relations.empty() ? 1 : 0);
  for (RelationId relation : filter.relations) {
    PRESSKG_RETURN_IF_ERROR(CheckRelation(index, relation));
    compiled.relation_ok[relation] = 1;
  }
  for (RelationId relation : filter.excluded_relations) {
    PRESSKG_RETURN_IF_ERROR(CheckRelation(index, relation));
    compiled.relation_ok[relation] = 0;
  }
  if (!filter.node_kinds.empty()) {
    compiled.kind_ok = 0;
    for (NodeKind kind : filter.node_kinds) compiled.kind_ok |= KindBit(kind);
  }
  for (NodeKind kind : filter.excluded_node_kinds) {
    compiled.kind_ok = static_cast<std::uint8_t>(compiled.kind_ok & ~KindBit(kind));
  }
  if (!filter.statuses.empty()) {
    compiled.status_ok = 0;
    for (FactStatus status : filter.statuses) {
      compiled.status_ok |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(status));
    }
  }
  compiled.min_sources = filter.min_sources;
  PRESSKG_ASSIGN_OR_RETURN(DateKey first_from,
                           ParseDateBound(filter.first_seen_from, DatePad::kLow));
  PRESSKG_ASSIGN_OR_RETURN(DateKey first_to, ParseDateBound(filter.first_seen_to, DatePad::kHigh));
  PRESSKG_ASSIGN_OR_RETURN(DateKey last_from, ParseDateBound(filter.last_seen_from, DatePad::kLow));
  PRESSKG_ASSIGN_OR_RETURN(DateKey last_to, ParseDateBound(filter.last_seen_to, DatePad::kHigh));
  compiled.has_first_bound = first_from != kUndated || first_to != kUndated;
  compiled.has_last_bound = last_from != kUndated || last_to != kUndated;
  if (first_from != kUndated) compiled.first_from = first_from;
  if (first_to != kUndated) compiled.first_to = first_to;
  if (last_from != kUndated) compiled.last_from = last_from;
  if (last_to != kUndated) compiled.last_to = last_to;
  compiled.include_undated = filter.include_undated;
  compiled.needs_cold =
      compiled.min_sources > 0 || compiled.has_first_bound || compiled.has_last_bound;
  return compiled;
}

Scratch& Scratch::ForThread(std::uint32_t vertices) {
  thread_local Scratch scratch;
  if (scratch.stamp[0].size() < vertices) {
    // New entries hold stamp 0, which no epoch ever equals.
    for (int side = 0; side < 2; ++side) {
      scratch.stamp[side].resize(vertices, 0);
      scratch.links[side].resize(vertices);
    }
    scratch.block_stamp.resize(vertices, 0);
  }
  return scratch;
}

void Scratch::NewEpoch() {
  if (++epoch == 0) {
    for (auto& side : stamp) std::fill(side.begin(), side.end(), 0);
    epoch = 1;
  }
}

void Scratch::NewBlockEpoch() {
  if (++block_epoch == 0) {
    std::fill(block_stamp.begin(), block_stamp.end(), 0);
    block_epoch = 1;
  }
}

std::optional<std::vector<DenseHop>> BidirectionalSearch(const AdjacencyIndex& index,
                                                         const SearchSpec& spec, Scratch& scratch) {
  const VertexIndex s = spec.source;
  const VertexIndex t = spec.target;
  if (s == t) return std::vector<DenseHop>{};
  const CompiledFilter& filter = *spec.filter;
  const TraversalDirection follow[2] = {
      spec.directed ? TraversalDirection::kOut : TraversalDirection::kBoth,
      spec.directed ? TraversalDirection::kIn : TraversalDirection::kBoth};

  scratch.NewEpoch();
  scratch.Visit(0, s, VisitLink{});
  scratch.Visit(1, t, VisitLink{});
  for (int side = 0; side < 2; ++side) scratch.frontier[side].clear();
  scratch.frontier[0].push_back(s);
  scratch.frontier[1].push_back(t);
  std::uint64_t volume[2] = {index.degree(s), index.degree(t)};
  std::uint32_t depth[2] = {0, 0};

  auto blocked_edge = [&](VertexIndex u, const AdjacencyHot& hot) {
    const bool u_is_source = (hot.flags & kEntryIsSource) != 0;
    const DenseEdge edge = u_is_source ? DenseEdge{u, hot.relation, hot.neighbor}
                                       : DenseEdge{hot.neighbor, hot.relation, u};
    return std::find(spec.blocked_edges->begin(), spec.blocked_edges->end(), edge) !=
           spec.blocked_edges->end();
  };

  VertexIndex meet = kNoVertex;
  while (meet == kNoVertex && !scratch.frontier[0].empty() && !scratch.frontier[1].empty() &&
         depth[0] + depth[1] < spec.max_hops) {
    // Expand one whole level of the cheaper side. Before this level the two visited sets were
    // disjoint, so every meeting found now closes a path of length depth[0] + depth[1] + 1, the
    // shortest possible: the first one found is taken.
    const int side = volume[0] <= volume[1] ? 0 : 1;
    const int other = 1 - side;
    const auto next_dist = static_cast<std::uint8_t>(depth[side] + 1);
    scratch.next.clear();
    std::uint64_t next_volume = 0;
    for (VertexIndex u : scratch.frontier[side]) {
      const AdjacencySpan span = index.Adjacent(u);
      for (std::uint32_t i = 0; i < span.size; ++i) {
        const AdjacencyHot& hot = span.hot[i];
        const VertexIndex w = hot.neighbor;
        if (!Follows(follow[side], hot.flags) || scratch.Seen(side, w)) continue;
        if (!filter.EdgeOk(span, i)) continue;
        if (spec.blocked_edges != nullptr && blocked_edge(u, hot)) continue;
        if (w != s && w != t) {
          if (spec.blocked_vertices && scratch.Blocked(w)) continue;
          if (!filter.NodeOk(index, w)) continue;
        }
        scratch.Visit(side, w, VisitLink{u, hot.relation, hot.flags, next_dist});
        if (scratch.Seen(other, w)) {
          meet = w;
          break;
        }
        scratch.next.push_back(w);
        next_volume += index.degree(w);
      }
      if (meet != kNoVertex) break;
    }
    std::swap(scratch.frontier[side], scratch.next);
    volume[side] = next_volume;
    ++depth[side];
  }
  if (meet == kNoVertex) return std::nullopt;

  std::vector<DenseHop> hops;
  for (VertexIndex v = meet; v != s;) {
    const VisitLink& link = scratch.links[0][v];
    hops.push_back({link.parent, v, link.relation, (link.flags & kEntryIsSource) != 0});
    v = link.parent;
  }
  std::reverse(hops.begin(), hops.end());
  for (VertexIndex v = meet; v != t;) {
    const VisitLink& link = scratch.links[1][v];
    hops.push_back({v, link.parent, link.relation, (link.flags & kEntryIsSource) == 0});
    v = link.parent;
  }
  return hops;
}

}  // namespace presskg::graph::internal
