#pragma once

// Internal to graph/query: the representation of AdjacencyIndex (its base CSR and overlay) and
// the helpers its implementation files share. Not part of the query API.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/query/adjacency_index.h"
#include "graph/query/huge_page_allocator.h"

namespace presskg::graph {

struct AdjacencyIndex::Base {
  // (id << 8) | kind, sorted by id; the position is the vertex index. One array, so that reading
  // a neighbour's id and kind costs one cache miss, not two.
  HugeVector<std::uint64_t> ids;
  // vertex by id when ids are nearly dense (as the store allocates them), else empty
  HugeVector<VertexIndex> dense;
  std::string labels;                       // AppendNodeLabels records, in vertex order
  HugeVector<std::uint64_t> label_offsets;  // ids.size() + 1 entries into `labels`
  HugeVector<std::uint64_t> offsets;        // ids.size() + 1 entries
  HugeVector<AdjacencyHot> hot;
  HugeVector<AdjacencyCold> cold;
  std::vector<std::uint8_t> symmetric;  // by relation id
  RelationId mentions = 0;
  std::uint64_t num_edges = 0;
};

namespace internal {

constexpr int kKindBits = 8;
constexpr NodeId kMaxIndexedId = (NodeId{1} << (64 - kKindBits)) - 1;

inline std::uint64_t PackIdKind(NodeId id, NodeKind kind) {
  return (id << kKindBits) | static_cast<std::uint8_t>(kind);
}
inline NodeId UnpackId(std::uint64_t packed) { return packed >> kKindBits; }
inline NodeKind UnpackKind(std::uint64_t packed) {
  return static_cast<NodeKind>(packed & ((1u << kKindBits) - 1));
}

struct VertexList {
  std::vector<AdjacencyHot> hot;
  std::vector<AdjacencyCold> cold;
};

// One list entry to write: `hot` and `cold` in `vertex`'s list.
struct ListChange {
  VertexIndex vertex;
  AdjacencyHot hot;
  AdjacencyCold cold;
};

// Sort and identity key of an entry within its list.
inline std::uint64_t EntryKey(const AdjacencyHot& hot) {
  return (static_cast<std::uint64_t>(hot.neighbor) << 24) |
         (static_cast<std::uint64_t>(hot.relation) << 8) | (hot.flags & kEntryIsSource);
}

inline std::string EdgeName(const IndexEdge& edge) {
  return "(" + std::to_string(edge.source) + ", " + std::to_string(edge.relation) + ", " +
         std::to_string(edge.target) + ")";
}

// Rejects an unknown relation; orders a symmetric edge source < target.
inline Status NormaliseEdge(const std::vector<std::uint8_t>& symmetric, IndexEdge& edge) {
  if (edge.relation == 0 || edge.relation >= symmetric.size()) {
    return Status::InvalidArgument("edge " + EdgeName(edge) + " has an unknown relation");
  }
  if (symmetric[edge.relation] != 0 && edge.source > edge.target) {
    std::swap(edge.source, edge.target);
  }
  return Status::Ok();
}

// The two list entries of an edge: first in the source's list, second in the target's.
inline std::pair<AdjacencyHot, AdjacencyHot> EntriesOf(const IndexEdge& edge, VertexIndex source,
                                                       VertexIndex target, bool symmetric) {
  const std::uint8_t sym = symmetric ? kEntrySymmetric : 0;
  return {AdjacencyHot{target, edge.relation, static_cast<std::uint8_t>(kEntryIsSource | sym),
                       edge.status},
          AdjacencyHot{source, edge.relation, sym, edge.status}};
}

inline AdjacencyCold ColdOf(const IndexEdge& edge) {
  return {edge.source_count, edge.first_seen, edge.last_seen};
}

}  // namespace internal

struct AdjacencyIndex::Overlay {
  std::vector<std::uint64_t> dirty;  // bit per vertex: its list lives in `lists`
  std::unordered_map<VertexIndex, std::shared_ptr<const internal::VertexList>> lists;
  std::vector<NodeId> added_ids;  // vertices base.ids.size() and up
  std::vector<NodeKind> added_kinds;
  std::unordered_map<NodeId, VertexIndex> added_lookup;
  // Names of added vertices and of base vertices renamed since the build.
  std::unordered_map<VertexIndex, std::string> label_records;
  std::unordered_set<VertexIndex> removed;  // vertices of nodes no longer in the graph
  std::uint64_t list_entries = 0;
  std::int64_t added_edges = 0;  // less than 0 when corrections removed edges
  bool ids_ordered = true;       // every added id is larger than all ids before it

  bool IsDirty(VertexIndex v) const {
    return (v >> 6) < dirty.size() && ((dirty[v >> 6] >> (v & 63)) & 1) != 0;
  }
  // Makes `list` v's list; `old_size` is the length of the list it replaces.
  void SetList(VertexIndex v, std::shared_ptr<const internal::VertexList> list,
               std::uint64_t old_size) {
    if (IsDirty(v)) list_entries -= old_size;
    list_entries += list->hot.size();
    lists[v] = std::move(list);
    dirty[v >> 6] |= std::uint64_t{1} << (v & 63);
  }
};

}  // namespace presskg::graph
