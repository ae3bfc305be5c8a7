#pragma once

// Internal to graph/: turns one DocumentGraph into one RocksDB WriteBatch.

#include <rocksdb/write_batch.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/document_graph.h"
#include "graph/graph_store.h"
#include "graph/rocks_db.h"

namespace presskg::graph {

// The store's counters, mirrored in memory by the single writer.
struct Counters {
  NodeId next_node_id = 1;
  std::map<std::string, std::uint64_t> values;  // meta key -> count
};

// Builds the batch for one document against the current state of the database. Not thread
// safe: the caller holds the store's write lock for the whole life of the writer.
class DocumentWriter {
 public:
  DocumentWriter(const RocksDb& db, const Counters& counters);

  // Fills the batch. InvalidArgument for a malformed DocumentGraph; nothing is written then.
  Status Build(const DocumentGraph& doc, const std::string& content_hash, CommitResult* result);
  rocksdb::WriteBatch* batch() { return &batch_; }
  // The counters as they will be once the batch is written.
  const Counters& counters() const { return counters_; }

 private:
  Result<NodeId> ResolveEntity(const EntityInput& entity, NodeId document);
  // The node a merged-away id now lives in, or nullopt.
  Result<std::optional<NodeId>> FollowRedirect(NodeId id) const;
  Result<Node*> LoadNode(NodeId id);
  Result<Edge*> LoadEdge(const EdgeKey& key, bool* created);
  Status AddFact(const FactInput& fact, std::uint32_t seq, const std::vector<NodeId>& ids,
                 const Document& doc, CommitResult* result);
  Status AddLiteral(const LiteralInput& literal, std::uint32_t seq,
                    const std::vector<NodeId>& ids, const Document& doc);
  void Bump(const std::string& key, std::uint64_t delta = 1);
  Status Put(Cf cf, const std::string& key, const std::string& value);

  const RocksDb& db_;
  Counters counters_;
  rocksdb::WriteBatch batch_;
  std::map<NodeId, Node> nodes_;                               // touched nodes
  std::map<EdgeKey, Edge> edges_;                              // touched edges
  std::set<EdgeKey> evidenced_;                                // edges this document supports
  std::map<std::string, std::vector<NodeId>> pending_names_;  // name keys added by this batch
};

}  // namespace presskg::graph
