#pragma once

#include <memory>

#include "graph/graph_store.h"
#include "graph/rocks_db.h"

namespace presskg::graph {

// GraphSnapshot over a RocksDB snapshot; releases it on destruction.
class RocksSnapshot final : public GraphSnapshot {
 public:
  explicit RocksSnapshot(std::shared_ptr<RocksDb> db);
  ~RocksSnapshot() override;

  Result<Node> GetNode(NodeId id) const override;
  Result<Document> GetDocument(NodeId id, bool with_text) const override;
  Result<std::optional<NodeId>> FindDocumentByHash(std::string_view hash) const override;
  Result<Edge> GetEdge(const EdgeKey& key) const override;
  Status ForEachNeighbor(NodeId node, std::optional<Direction> direction,
                         std::optional<RelationId> relation,
                         const std::function<bool(const AdjacencyEntry&)>& fn) const override;
  Result<std::vector<Evidence>> GetEvidence(const EdgeKey& key) const override;
  Result<std::vector<EdgeKey>> GetDocumentEdges(NodeId document) const override;
  Result<std::vector<LiteralFact>> GetLiterals(NodeId node) const override;
  Result<std::vector<LiteralFact>> GetDocumentLiterals(NodeId document) const override;
  Result<std::vector<NodeId>> LookupNameKey(std::string_view key) const override;
  Status ForEachNameKey(std::string_view prefix,
                        const std::function<bool(std::string_view, NodeId)>& fn) const override;
  Status ForEachNode(const std::function<bool(const Node&)>& fn) const override;
  Status ForEachEdge(const std::function<bool(const Edge&)>& fn) const override;
  Status ForEachDocument(bool with_text,
                         const std::function<bool(const Document&)>& fn) const override;
  Result<StoreStats> GetStats() const override;
  Result<std::vector<Correction>> ListCorrections(NodeId node) const override;
  Result<Correction> GetCorrection(std::uint64_t id) const override;
  Result<std::optional<NodeId>> FollowRedirect(NodeId id) const override;

 private:
  // Calls fn(key, value) for each key of `cf` starting with `prefix`; `fn` returns a Status
  // (stop with an error) and sets *more = false to stop early.
  Status Scan(Cf cf, std::string_view prefix, bool use_prefix_bloom,
              const std::function<Status(std::string_view, std::string_view, bool*)>& fn) const;
  // NotFound when absent.
  Result<std::string> Get(Cf cf, std::string_view key) const;

  std::shared_ptr<RocksDb> db_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace presskg::graph
