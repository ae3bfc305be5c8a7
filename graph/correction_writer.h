#pragma once

// Internal to graph/: builds the WriteBatch of one journalist correction (merge, split, revert)
// and its audit-log record.

#include <rocksdb/write_batch.h>

#include <string>
#include <vector>

#include "graph/document_writer.h"
#include "graph/graph_store.h"
#include "graph/rocks_db.h"

namespace presskg::graph {

// Not thread safe: the caller holds the store's write lock for the life of the writer, writes
// batch() when a Build* call succeeded, then adopts counters(). Contracts are GraphStore's.
class CorrectionWriter {
 public:
  CorrectionWriter(const RocksDb& db, const Counters& counters);

  Result<Correction> BuildMerge(const MergeRequest& request);
  Result<Correction> BuildSplit(const SplitRequest& request);
  Result<Correction> BuildRevert(std::uint64_t id, const std::string& why);

  rocksdb::WriteBatch* batch() { return &batch_; }
  const Counters& counters() const { return counters_; }

 private:
  Result<Node> ReadNode(NodeId id);
  Result<Correction> ReadCorrection(std::uint64_t id);
  Result<Correction> NewCorrection(CorrectionKind kind, const std::string& why);
  Status Put(Cf cf, const std::string& key, const std::string& value);
  Status Delete(Cf cf, const std::string& key);
  // Writes the record, the counters and next_node_id into the batch.
  Status Seal(const Correction& record);
  // Moves every fact, name key and alias of `absorb` to `keep`, deletes `absorb` and redirects its
  // id to `keep` (merge, and the revert of a split).
  Status FoldInto(Node* keep, const Node& absorb, const std::vector<std::string>& name_keys,
                  Correction* record);
  Result<Correction> RevertMerge(const Correction& merge, Correction record);
  Result<Correction> RevertSplit(const Correction& split, Correction record);

  const RocksDb& db_;
  Counters counters_;
  rocksdb::WriteBatch batch_;
};

// The current time in UTC, ISO 8601 to the second ("2026-11-27T10:15:00Z").
std::string UtcNowIso8601();

}  // namespace presskg::graph
