#pragma once

// Internal to graph/: re-attaches facts (edge evidence and literal facts) from one node to another
// inside one RocksDB WriteBatch, keeping edges, both adjacency keys, doc_facts entries and counters
// consistent. The building block of merge, split and revert.

#include <rocksdb/write_batch.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/document_writer.h"
#include "graph/model.h"
#include "graph/rocks_db.h"

namespace presskg::graph {

// Not thread safe: the caller holds the store's write lock for the whole life of the mover and
// writes the batch after Finish() succeeded.
class FactMover {
 public:
  FactMover(const RocksDb& db, Counters* counters, rocksdb::WriteBatch* batch);

  // Moves every fact of `from` that `accept` takes to `to`: evidence records go to the edge with
  // `from` replaced by `to` (created when missing), literal facts are re-keyed. Evidence that
  // would land on an edge from `to` to itself is parked under `correction` instead (see Unpark).
  // Appends what moved to record->facts and counts record->loops_parked.
  Status Move(NodeId from, NodeId to, const std::function<bool(const MovedFact&)>& accept,
              Correction* record);

  // Puts back the evidence parked by correction `correction` on the edges it came from.
  Status Unpark(std::uint64_t correction);

  // Re-points name-index keys: each of `keys` indexed for `from` is indexed for `to` instead.
  // Keys `to` already had are reported in *shared (only `from`'s entry is removed), the others in
  // *moved. Keys `from` does not have are skipped.
  Status MoveNameKeys(NodeId from, NodeId to, const std::vector<std::string>& keys,
                      std::vector<std::string>* moved, std::vector<std::string>* shared);

  // Writes every touched edge (aggregates recomputed from its evidence; removed when none is
  // left), its adjacency keys, doc_facts entries and edge counters. Returns how many edges were
  // created, changed or removed.
  Result<std::uint32_t> Finish();

 private:
  struct EvidenceId {
    NodeId document = 0;
    std::uint32_t seq = 0;
    friend auto operator<=>(const EvidenceId&, const EvidenceId&) = default;
  };
  struct EdgeState {
    Edge edge;
    bool existed = false;
    bool changed = false;
    std::map<EvidenceId, Evidence> original;  // as stored before this batch
    std::map<EvidenceId, Evidence> current;
  };

  Result<EdgeState*> Load(const EdgeKey& key);
  Status Put(Cf cf, const std::string& key, const std::string& value);
  Status Delete(Cf cf, const std::string& key);
  void Bump(const std::string& key, std::int64_t delta);

  const RocksDb& db_;
  Counters* counters_;
  rocksdb::WriteBatch* batch_;
  std::map<EdgeKey, EdgeState> edges_;
};

}  // namespace presskg::graph
