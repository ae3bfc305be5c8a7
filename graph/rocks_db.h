#pragma once

// Internal to graph/: the RocksDB instance and its column families. Nothing outside graph/
// includes this header.

#include <rocksdb/db.h>

#include <array>
#include <memory>
#include <string>

#include "graph/graph_store.h"
#include "graph/status.h"

namespace presskg::graph {

enum class Cf : int {
  kMeta = 0,
  kNodes,
  kAdjacency,
  kEdges,
  kEvidence,
  kLiterals,
  kDocuments,
  kDocFacts,
  kDocIndex,
  kNames,
  kCorrections,  // the audit log of merges and splits (see correction_codec.h)
  kRedirects,    // ids of merged nodes -> the node that absorbed them
  kParked,       // evidence set aside by a merge (edges between the merged nodes)
  kCount,
};

// Column family names as stored on disk.
const char* CfName(Cf cf);

// An open RocksDB with all presskg column families. Shared (via shared_ptr) by the store and
// every snapshot, so a snapshot can outlive nothing it needs.
class RocksDb {
 public:
  // Opens `path` (see GraphStore::Open for the error contract) and checks the schema version.
  static Result<std::shared_ptr<RocksDb>> Open(const std::string& path, const StoreOptions& options);
  ~RocksDb();
  RocksDb(const RocksDb&) = delete;
  RocksDb& operator=(const RocksDb&) = delete;

  rocksdb::DB* db() const { return db_.get(); }
  // nullptr only for a column family a read-only open found missing (a store written before the
  // family existed); readers treat it as empty.
  rocksdb::ColumnFamilyHandle* cf(Cf which) const { return handles_[static_cast<int>(which)]; }
  const std::string& path() const { return path_; }

 private:
  RocksDb() = default;
  std::string path_;
  std::unique_ptr<rocksdb::DB> db_;
  std::array<rocksdb::ColumnFamilyHandle*, static_cast<int>(Cf::kCount)> handles_{};
  rocksdb::ColumnFamilyHandle* default_handle_ = nullptr;
};

// Maps a RocksDB status to ours, prefixing `context`.
Status FromRocks(const rocksdb::Status& status, const std::string& context);

// Meta keys.
inline constexpr char kMetaSchemaVersion[] = "schema_version";
inline constexpr char kMetaNextNodeId[] = "next_node_id";
inline constexpr char kMetaDocuments[] = "count/documents";
inline constexpr char kMetaEvidence[] = "count/evidence";
inline constexpr char kMetaLiterals[] = "count/literals";
inline constexpr char kMetaNodesPrefix[] = "count/nodes/";  // + kind name
inline constexpr char kMetaEdgesPrefix[] = "count/edges/";  // + relation name

}  // namespace presskg::graph
