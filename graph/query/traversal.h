#pragma once

// Internal to graph/query: the pieces every traversal shares (compiled filters, per-thread
// scratch arrays, the bidirectional BFS). Not part of the query API.

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "graph/query/adjacency_index.h"
#include "graph/query/edge_filter.h"
#include "graph/query/path.h"
#include "graph/status.h"

namespace presskg::graph::internal {

// One byte per relation id: inline for schemas of up to kInline relations, so that compiling a
// filter allocates nothing (a 1-hop query takes about 2 us; a heap allocation is a measurable
// part of it); on the heap beyond.
class RelationMask {
 public:
  // `limit` entries, all `value`.
  void Assign(std::uint32_t limit, std::uint8_t value) {
    heap_.clear();
    if (limit > kInline) {
      heap_.assign(limit, value);
    } else {
      inline_.fill(value);
    }
  }
  // Precondition: relation < the limit given to Assign.
  std::uint8_t& operator[](RelationId relation) {
    return heap_.empty() ? inline_[relation] : heap_[relation];
  }
  std::uint8_t operator[](RelationId relation) const {
    return heap_.empty() ? inline_[relation] : heap_[relation];
  }

 private:
  static constexpr std::uint32_t kInline = 128;
  std::array<std::uint8_t, kInline> inline_{};
  std::vector<std::uint8_t> heap_;
};

// An EdgeFilter turned into masks and integer bounds for the inner loops.
struct CompiledFilter {
  RelationMask relation_ok;       // by relation id, relation_limit() entries
  std::uint8_t kind_ok = 0xFF;    // bit per NodeKind value
  std::uint8_t status_ok = 0xFF;  // bit per FactStatus value
  bool needs_cold = false;        // min_sources or a date bound is set
  std::uint32_t min_sources = 0;
  DateKey first_from = 0;
  DateKey first_to = std::numeric_limits<DateKey>::max();
  DateKey last_from = 0;
  DateKey last_to = std::numeric_limits<DateKey>::max();
  bool has_first_bound = false;
  bool has_last_bound = false;
  bool include_undated = false;
  std::uint32_t max_degree = 0;  // nodes with a larger degree are not entered; 0: no limit

  bool EdgeOk(const AdjacencySpan& span, std::uint32_t i) const {
    const AdjacencyHot& hot = span.hot[i];
    if (relation_ok[hot.relation] == 0) return false;
    if (((status_ok >> static_cast<int>(hot.status)) & 1) == 0) return false;
    return !needs_cold || ColdOk(span.cold[i]);
  }
  bool ColdOk(const AdjacencyCold& cold) const {
    if (cold.source_count < min_sources) return false;
    if (has_first_bound) {
      if (cold.first_seen == kUndated) return include_undated;
      if (cold.first_seen < first_from || cold.first_seen > first_to) return false;
    }
    if (has_last_bound) {
      if (cold.last_seen == kUndated) return include_undated;
      if (cold.last_seen < last_from || cold.last_seen > last_to) return false;
    }
    return true;
  }
  // False when NodeOk accepts every vertex (then callers may skip it and its memory reads).
  bool HasNodeRules() const { return kind_ok != 0xFF || max_degree != 0; }
  // Whether a traversal may enter `v` (endpoints are exempted by the caller).
  bool NodeOk(const AdjacencyIndex& index, VertexIndex v) const {
    if (((kind_ok >> static_cast<int>(index.kind(v))) & 1) == 0) return false;
    return max_degree == 0 || index.degree(v) <= max_degree;
  }
};

// InvalidArgument for a relation id the index does not know or a malformed date bound.
Result<CompiledFilter> CompileFilter(const AdjacencyIndex& index, const EdgeFilter& filter);

// How a vertex was reached: the previous vertex and the entry of its list that was followed.
struct VisitLink {
  VertexIndex parent = kNoVertex;
  RelationId relation = 0;
  std::uint8_t flags = 0;  // flags of the entry in `parent`'s list
  std::uint8_t dist = 0;   // hops from the search's start
};

// Per-thread arrays indexed by vertex, reused across queries. A vertex counts as visited on a side
// when its stamp equals the current epoch, so starting a query costs O(1), not O(V).
// Two sides serve the two halves of a bidirectional search; `blocked` serves Yen's algorithm.
struct Scratch {
  // The calling thread's scratch, grown to at least `vertices` entries.
  static Scratch& ForThread(std::uint32_t vertices);

  void NewEpoch();
  void NewBlockEpoch();
  bool Seen(int side, VertexIndex v) const { return stamp[side][v] == epoch; }
  void Visit(int side, VertexIndex v, const VisitLink& link) {
    stamp[side][v] = epoch;
    links[side][v] = link;
  }
  bool Blocked(VertexIndex v) const { return block_stamp[v] == block_epoch; }
  void Block(VertexIndex v) { block_stamp[v] = block_epoch; }

  std::vector<std::uint32_t> stamp[2];
  std::vector<VisitLink> links[2];
  std::vector<std::uint32_t> block_stamp;
  std::uint32_t epoch = 0;
  std::uint32_t block_epoch = 0;
  std::vector<VertexIndex> frontier[2];
  std::vector<VertexIndex> next;
};

// Calls fn(hot) for each entry of `u`'s list that `direction` follows, whose neighbour is not yet
// seen on `side` of `scratch`, and that the filter's edge rules accept, until fn returns false.
template <typename Fn>
void ForEachNewNeighbor(const AdjacencyIndex& index, const Scratch& scratch, int side,
                        VertexIndex u, TraversalDirection direction, const CompiledFilter& filter,
                        Fn&& fn) {
  const AdjacencySpan span = index.Adjacent(u);
  for (std::uint32_t i = 0; i < span.size; ++i) {
    const AdjacencyHot& hot = span.hot[i];
    if (!Follows(direction, hot.flags) || scratch.Seen(side, hot.neighbor)) continue;
    if (filter.EdgeOk(span, i) && !fn(hot)) return;
  }
}

// One traversed edge in index terms.
struct DenseHop {
  VertexIndex from = 0;
  VertexIndex to = 0;
  RelationId relation = 0;
  bool from_is_source = true;  // the hop goes from the edge key's source to its target
  friend bool operator==(const DenseHop&, const DenseHop&) = default;
};

// An edge by its key in index terms (source, relation, target).
struct DenseEdge {
  VertexIndex source = 0;
  RelationId relation = 0;
  VertexIndex target = 0;
  friend bool operator==(const DenseEdge&, const DenseEdge&) = default;
};
inline DenseEdge EdgeOf(const DenseHop& hop) {
  return hop.from_is_source ? DenseEdge{hop.from, hop.relation, hop.to}
                            : DenseEdge{hop.to, hop.relation, hop.from};
}

struct SearchSpec {
  VertexIndex source = 0;
  VertexIndex target = 0;
  std::uint32_t max_hops = 0;
  bool directed = false;  // out-edges from the source, in-edges from the target
  const CompiledFilter* filter = nullptr;
  // Yen's spur searches: edges not to use, and whether Scratch::Blocked vertices are avoided.
  const std::vector<DenseEdge>* blocked_edges = nullptr;
  bool blocked_vertices = false;
};

// A shortest path from spec.source to spec.target (empty when they are equal), found by a
// bidirectional BFS that always expands the side whose frontier has the smaller total degree;
// nullopt when there is none within spec.max_hops. Uses both sides of `scratch`.
std::optional<std::vector<DenseHop>> BidirectionalSearch(const AdjacencyIndex& index,
                                                         const SearchSpec& spec, Scratch& scratch);

// The filter PathOptions describe. InvalidArgument for bad options.
Result<CompiledFilter> CompilePathFilter(const AdjacencyIndex& index, const PathOptions& options);
// The vertex of `id`; NotFound naming it when the index has no such node.
Result<VertexIndex> FindVertex(const AdjacencyIndex& index, NodeId id);
// Both endpoints as vertices; NotFound naming a missing node.
Result<std::pair<VertexIndex, VertexIndex>> FindEndpoints(const AdjacencyIndex& index, NodeId from,
                                                          NodeId to);
Path MakePath(const AdjacencyIndex& index, VertexIndex start, const std::vector<DenseHop>& hops);

}  // namespace presskg::graph::internal
