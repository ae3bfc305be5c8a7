#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/query/date_key.h"
#include "graph/query/node_labels.h"
#include "graph/relation_schema.h"
#include "graph/status.h"

namespace presskg::graph {

// Dense position of a node inside one AdjacencyIndex (not stable across indexes).
using VertexIndex = std::uint32_t;
inline constexpr VertexIndex kNoVertex = std::numeric_limits<VertexIndex>::max();

// AdjacencyHot::flags bits.
inline constexpr std::uint8_t kEntryIsSource = 1;   // the list's vertex is the edge key's source
inline constexpr std::uint8_t kEntrySymmetric = 2;  // the relation is symmetric

// The part of an adjacency entry every traversal step reads (8 bytes).
struct AdjacencyHot {
  VertexIndex neighbor = 0;
  RelationId relation = 0;
  std::uint8_t flags = 0;
  FactStatus status = FactStatus::kStated;
};

// The part read only by date and source-count filters (12 bytes), parallel to AdjacencyHot.
struct AdjacencyCold {
  std::uint32_t source_count = 0;
  DateKey first_seen = kUndated;
  DateKey last_seen = kUndated;
};

// One vertex's adjacency list: hot[i] and cold[i] describe the same entry. Sorted by
// (neighbor, relation, flags); every non-self-loop edge appears once in each endpoint's list.
struct AdjacencySpan {
  const AdjacencyHot* hot = nullptr;
  const AdjacencyCold* cold = nullptr;
  std::uint32_t size = 0;
};

// Which way edges are followed. Symmetric relations are followed both ways in every mode.
enum class TraversalDirection : std::uint8_t { kOut, kIn, kBoth };

// Whether an entry with `flags` may be followed from its list's vertex in `direction`.
inline bool Follows(TraversalDirection direction, std::uint8_t flags) {
  // Bit i of the mask accepts flags value i (IsSource | Symmetric << 1).
  constexpr std::uint8_t kMasks[] = {0b1110, 0b1101, 0b1111};
  return ((kMasks[static_cast<int>(direction)] >> (flags & 3)) & 1) != 0;
}

// A node as the index sees it: what traversals filter on and what a neighbour list shows.
struct IndexNode {
  NodeId id = 0;
  NodeKind kind = NodeKind::kOrganization;
  std::string label = {};
  std::string label_fr = {};
  std::string label_en = {};
};
IndexNode ToIndexNode(const Node& node);

// An edge as the index sees it: the key and the attributes filters use.
struct IndexEdge {
  NodeId source = 0;
  NodeId target = 0;
  RelationId relation = 0;
  FactStatus status = FactStatus::kStated;
  std::uint32_t source_count = 0;
  DateKey first_seen = kUndated;
  DateKey last_seen = kUndated;
};
IndexEdge ToIndexEdge(const Edge& edge);

// An in-memory CSR copy of the store's topology, for traversals. RocksDB stays the source of
// truth; the index is a cache of it with this consistency rule:
//  - Build(snapshot) reflects exactly that snapshot (version 0).
//  - After each CommitDocument, the single writer calls WithCommit(snapshot taken after the
//    commit, result) and publishes the returned index (e.g. by swapping a
//    shared_ptr<const AdjacencyIndex>). It re-reads the commit's nodes and edges and upserts them
//    (nodes are never deleted and never change kind; an edge's attributes are replaced by the
//    stored ones), so applying a commit twice, or reading from a later snapshot, is harmless.
//    WithCommit calls must be serialised, each reading a snapshot taken after its commit and no
//    older than the previous call's (then the order of the calls does not matter); LiveIndex
//    does exactly this. Readers keep whatever version they hold, which stays valid and immutable.
//  - A change copies the adjacency lists of the touched vertices into an overlay (the base CSR is
//    shared, not copied); when ShouldCompact() says so, the writer replaces the index by
//    Compacted(), which merges the overlay into a fresh CSR (O(E log d)).
// Self-loops are not indexed (they never lie on a path or reach a new node).
// Thread safety: immutable after construction; every const method may run concurrently.
// Copying is cheap (shared pointers).
class AdjacencyIndex {
 public:
  class Builder;

  // An empty index over the builtin schema.
  AdjacencyIndex();

  // Reads every node and edge of `snapshot`. Errors of the snapshot are returned as they are.
  static Result<AdjacencyIndex> Build(const GraphSnapshot& snapshot,
                                      const RelationSchema& schema = RelationSchema::Builtin());

  // A new index (version + 1) with `nodes` upserted (new ids added; a present id keeps its kind
  // and takes the given labels) and `edges` upserted by key. Symmetric edges may come in either
  // orientation. InvalidArgument for an edge whose endpoint is neither in the index nor in `nodes`,
  // or whose relation is unknown.
  Result<AdjacencyIndex> WithChanges(const std::vector<IndexNode>& nodes,
                                     const std::vector<IndexEdge>& edges) const;
  // WithChanges for the nodes (document, entities, with their current labels) and edges
  // (GetDocumentEdges) of one commit, read from `after`, a snapshot taken after the commit.
  // Unchanged copy when `commit.already_present`. Errors of the snapshot are returned as they are.
  Result<AdjacencyIndex> WithCommit(const GraphSnapshot& after, const CommitResult& commit) const;
  // A new index (version + 1) in which the edges touching the nodes of `replaced` are exactly
  // `edges`: every list entry to or from one of them is dropped, then `edges` are inserted (each
  // must have an endpoint in `replaced`, and neither endpoint in `removed`). `nodes` are upserted
  // as by WithChanges (an id of `removed` before comes back); the ids of `removed` are no longer
  // found (Find gives nullopt, Compacted drops them). Costs the lists of the replaced nodes and
  // of their old and new neighbours, not a rebuild. InvalidArgument as WithChanges, and for an
  // edge touching no replaced node or a removed one.
  Result<AdjacencyIndex> WithReplacedEdges(const std::vector<IndexNode>& nodes,
                                           const std::vector<NodeId>& replaced,
                                           const std::vector<NodeId>& removed,
                                           const std::vector<IndexEdge>& edges) const;
  // WithReplacedEdges for the two nodes of a correction (merge, split or revert), read from
  // `after`, a snapshot taken after it: each node is re-read with every edge touching it, or
  // removed when the store no longer has it (merged away, a split undone). The same rule as
  // WithCommit: reading a later snapshot is harmless. Errors of the snapshot are returned.
  Result<AdjacencyIndex> WithCorrection(const GraphSnapshot& after,
                                        const Correction& correction) const;
  // True when the overlay has grown enough that Compacted() is worth its cost.
  bool ShouldCompact() const;
  // The same graph in one fresh CSR, same version.
  Result<AdjacencyIndex> Compacted() const;

  std::uint64_t version() const { return version_; }
  std::uint32_t num_vertices() const;
  // Distinct indexed edges.
  std::uint64_t num_edges() const;
  // Bytes held by the CSR and overlay arrays (capacity, not counting allocator overhead).
  std::uint64_t memory_bytes() const;

  // nullopt when no node has `id`.
  std::optional<VertexIndex> Find(NodeId id) const;
  // True when vertex order is id order (v < w exactly when node_id(v) < node_id(w)): always
  // after a build or compaction, and after changes as long as new nodes have larger ids than
  // every indexed one (as the store allocates them).
  bool ids_follow_vertices() const;
  // Precondition for the accessors below: v < num_vertices().
  // False for the vertex of a node a correction removed (it stays, with no edges and not found
  // by Find, until the next compaction).
  bool live(VertexIndex v) const;
  NodeId node_id(VertexIndex v) const;
  NodeKind kind(VertexIndex v) const;
  // Starts loading what node_id(v) and kind(v) read, for a caller that will read them soon.
  void PrefetchNode(VertexIndex v) const;
  // The node's names as last read from the store (a build or a commit naming the node).
  NodeLabels labels(VertexIndex v) const;
  // labels() of each vertex, in order, with the memory reads of all of them started before the
  // first is decoded (a page of neighbours is scattered over the index: this overlaps its
  // cache misses instead of paying them one after the other).
  void LabelsOf(const std::vector<VertexIndex>& vertices, std::vector<NodeLabels>* out) const;
  AdjacencySpan Adjacent(VertexIndex v) const;
  // Adjacency entries of `v` (all directions and relations).
  std::uint32_t degree(VertexIndex v) const { return Adjacent(v).size; }
  // The stored edge key of the entry `hot` of `v`'s list.
  EdgeKey KeyOf(VertexIndex v, const AdjacencyHot& hot) const {
    return (hot.flags & kEntryIsSource) != 0
               ? EdgeKey{node_id(v), hot.relation, node_id(hot.neighbor)}
               : EdgeKey{node_id(hot.neighbor), hot.relation, node_id(v)};
  }
  // Relation ids are < relation_limit(); 0 when the schema had none.
  std::uint32_t relation_limit() const;
  // The id of `mentions` in the schema the index was built with, 0 when absent.
  RelationId mentions_relation() const;

 private:
  struct Base;
  struct Overlay;
  AdjacencyIndex(std::shared_ptr<const Base> base, std::shared_ptr<const Overlay> overlay,
                 std::uint64_t version);
  // Find, including vertices of removed nodes.
  std::optional<VertexIndex> FindAny(NodeId id) const;
  // The node part of WithChanges, into `overlay` (this index's own, being filled).
  Status UpsertNodes(const std::vector<IndexNode>& nodes, Overlay* overlay) const;

  std::shared_ptr<const Base> base_;
  std::shared_ptr<const Overlay> overlay_;  // null when no change was applied since the build
  std::uint64_t version_ = 0;
};

// Bulk construction from node and edge lists, without going through a store (benchmarks, tests,
// and Build itself). Not thread-safe.
class AdjacencyIndex::Builder {
 public:
  explicit Builder(const RelationSchema& schema = RelationSchema::Builtin());

  void Reserve(std::size_t nodes, std::size_t edges);
  // A node without names (benchmarks and tests of traversals).
  void AddNode(NodeId id, NodeKind kind) { AddNode(id, kind, {}, {}, {}); }
  void AddNode(NodeId id, NodeKind kind, std::string_view label, std::string_view label_fr,
               std::string_view label_en);
  void AddEdge(const IndexEdge& edge) { edges_.push_back(edge); }

  // Consumes the builder. InvalidArgument for node id 0 or one of 2^56 and above, a duplicate
  // node id, an edge with an unknown endpoint or relation, or the same edge key twice (symmetric
  // edges are normalised to source < target first).
  Result<AdjacencyIndex> Build() &&;

 private:
  friend class AdjacencyIndex;
  Builder(std::vector<std::uint8_t> symmetric, RelationId mentions);

  std::vector<std::uint8_t> symmetric_;  // by relation id; its size is the relation limit
  RelationId mentions_ = 0;
  // A node waiting for Build(); its names are the record [label_begin, label_end) of labels_.
  struct PendingNode {
    NodeId id;
    NodeKind kind;
    std::uint64_t label_begin;
    std::uint64_t label_end;
  };
  std::vector<PendingNode> nodes_;
  std::string labels_;
  std::vector<IndexEdge> edges_;
};

}  // namespace presskg::graph
