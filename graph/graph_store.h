#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/document_graph.h"
#include "graph/model.h"
#include "graph/status.h"

namespace presskg::graph {

// The on-disk layout version. A store written with another version is refused on open.
inline constexpr std::uint32_t kSchemaVersion = 1;

struct StoreOptions {
  bool create_if_missing = true;
  bool read_only = false;           // open without taking the write lock
  std::size_t block_cache_mb = 256;  // shared LRU block cache
};

// What CommitDocument did.
struct CommitResult {
  NodeId document = 0;
  bool already_present = false;  // same content hash committed before: nothing was written
  std::uint32_t nodes_created = 0;
  std::uint32_t edges_created = 0;
  std::uint32_t evidence_written = 0;
  std::uint32_t literals_written = 0;
  std::vector<NodeId> entity_ids;  // node id of each DocumentGraph::entities element
};

struct StoreStats {
  std::uint64_t documents = 0;
  std::map<NodeKind, std::uint64_t> nodes_by_kind;
  std::map<std::string, std::uint64_t> edges_by_relation;  // relation name -> edges
  std::uint64_t evidence = 0;
  std::uint64_t literals = 0;
  std::uint64_t corrections = 0;  // merges, splits and reverts in the log
};

// A journalist's decision that two nodes are one entity: `absorb` is folded into `keep`.
struct MergeRequest {
  NodeId keep = 0;
  NodeId absorb = 0;
  std::string why;  // required
  // The name-index keys of `absorb`'s names (ingest computes them); each is re-pointed to `keep`
  // so later documents naming `absorb` resolve to `keep`.
  std::vector<std::string> name_keys;
};

// A journalist's decision that some names of `node` are another entity: the named aliases, and
// the facts of the documents that named the node only by them, become a new node.
struct SplitRequest {
  NodeId node = 0;
  std::vector<std::string> aliases;  // alias names of `node` (at least one, not all)
  std::string why;                   // required
  // The name-index keys of the split aliases that the remaining names do not produce (ingest
  // computes them): re-pointed to the new node.
  std::vector<std::string> name_keys;
};

enum class Direction : std::uint8_t { kOut = 0, kIn = 1 };

// One adjacency key: `node` has an edge of `relation` to (out) or from (in) `neighbor`.
struct AdjacencyEntry {
  NodeId node = 0;
  Direction direction = Direction::kOut;
  RelationId relation = 0;
  NodeId neighbor = 0;
  // The key of the stored edge this entry belongs to.
  EdgeKey edge() const {
    return direction == Direction::kOut ? EdgeKey{node, relation, neighbor}
                                        : EdgeKey{neighbor, relation, node};
  }
};

// A consistent, read-only view of the store at one moment (a RocksDB snapshot). Every method may
// be called from several threads at once. Errors: NotFound for a missing id, Corruption for a
// value that does not decode, IoError when RocksDB fails.
class GraphSnapshot {
 public:
  virtual ~GraphSnapshot() = default;

  virtual Result<Node> GetNode(NodeId id) const = 0;
  // The document with its text when `with_text`.
  virtual Result<Document> GetDocument(NodeId id, bool with_text = true) const = 0;
  // The document committed with this content hash, or nullopt.
  virtual Result<std::optional<NodeId>> FindDocumentByHash(std::string_view hash) const = 0;
  virtual Result<Edge> GetEdge(const EdgeKey& key) const = 0;
  // Calls `fn` for every adjacency entry of `node` (out-edges first, then in-edges, each ordered
  // by relation then neighbour), restricted to one direction and/or relation when given; each
  // restriction keeps the walk a single prefix scan. Stops when `fn` returns false.
  virtual Status ForEachNeighbor(NodeId node, std::optional<Direction> direction,
                                 std::optional<RelationId> relation,
                                 const std::function<bool(const AdjacencyEntry&)>& fn) const = 0;
  // Every evidence record of an edge, ordered by document.
  virtual Result<std::vector<Evidence>> GetEvidence(const EdgeKey& key) const = 0;
  // The edges a document gave evidence for.
  virtual Result<std::vector<EdgeKey>> GetDocumentEdges(NodeId document) const = 0;
  // The literal facts of a node, ordered by type then document.
  virtual Result<std::vector<LiteralFact>> GetLiterals(NodeId node) const = 0;
  // The literal facts a document stated.
  virtual Result<std::vector<LiteralFact>> GetDocumentLiterals(NodeId document) const = 0;
  // The nodes indexed under exactly `key`.
  virtual Result<std::vector<NodeId>> LookupNameKey(std::string_view key) const = 0;
  // Calls `fn(key, node)` for each name-index entry whose key starts with `prefix`, in key order.
  virtual Status ForEachNameKey(std::string_view prefix,
                                const std::function<bool(std::string_view, NodeId)>& fn) const = 0;
  virtual Status ForEachNode(const std::function<bool(const Node&)>& fn) const = 0;
  virtual Status ForEachEdge(const std::function<bool(const Edge&)>& fn) const = 0;
  virtual Status ForEachDocument(bool with_text,
                                 const std::function<bool(const Document&)>& fn) const = 0;
  // Counters kept with every commit (no scan).
  virtual Result<StoreStats> GetStats() const = 0;

  // The correction log, oldest first: every correction when `node` is 0, else those whose `from`
  // or `to` is `node`.
  virtual Result<std::vector<Correction>> ListCorrections(NodeId node) const = 0;
  // NotFound when no correction has this id.
  virtual Result<Correction> GetCorrection(std::uint64_t id) const = 0;
  // The node a merged-away id now lives in (following later merges), or nullopt when `id` was
  // never merged away.
  virtual Result<std::optional<NodeId>> FollowRedirect(NodeId id) const = 0;
};

// The RocksDB graph store: the single source of truth. One process at a time may open a store
// for writing (RocksDB's lock). Thread safety: all methods may be called concurrently;
// commits are serialised internally.
class GraphStore {
 public:
  virtual ~GraphStore() = default;

  // Opens or creates the store in directory `path`. Errors: FailedPrecondition for another
  // schema version or a directory that is not a presskg store, Busy when another process holds
  // it, Corruption when RocksDB finds damage, IoError otherwise. Each message names `path`.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& path,
                                                  const StoreOptions& options = {});

  // Writes every node, edge, adjacency key, evidence, literal, index entry and counter that
  // `doc` contributes in one atomic WriteBatch. Entities are matched to existing nodes through
  // the name index (EntityInput::match_keys). If a document with the same content hash exists,
  // nothing is written and `already_present` is set. InvalidArgument for an unknown relation, an
  // out-of-range entity index or an entity without match keys.
  virtual Result<CommitResult> CommitDocument(const DocumentGraph& doc) = 0;

  // Folds request.absorb into request.keep in one atomic write: every edge, evidence record and
  // literal fact of `absorb` is re-attached to `keep` (edges between the two are set aside, not
  // lost), its names join `keep`'s, its name keys point to `keep`, its id redirects to `keep`, and
  // the decision is logged with its reason and time. InvalidArgument when the ids are equal, a
  // node is a document, the kinds differ or `why` is empty; NotFound for a missing node.
  virtual Result<Correction> MergeNodes(const MergeRequest& request) = 0;

  // Creates a node holding the named aliases of request.node and re-attaches to it the facts of
  // the documents that named request.node only by those aliases; logs the decision.
  // InvalidArgument when an alias is unknown, every alias is named, `why` is empty or the node is
  // a document; NotFound for a missing node.
  virtual Result<Correction> SplitNode(const SplitRequest& request) = 0;

  // Undoes correction `id`: a merge gets its absorbed node back (same id, names, name keys and
  // exactly the facts the merge moved); a split folds the new node back into the original.
  // Logged as a revert. InvalidArgument for a correction already reverted or itself a revert;
  // NotFound for an unknown id; FailedPrecondition when a node involved no longer exists.
  virtual Result<Correction> RevertCorrection(std::uint64_t id, const std::string& why) = 0;

  // A consistent view of the store as of now.
  virtual std::unique_ptr<GraphSnapshot> Snapshot() const = 0;

  virtual const std::string& path() const = 0;
};

}  // namespace presskg::graph
