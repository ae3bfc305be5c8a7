#include "graph/rocks_db.h"

#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <vector>

#include "graph/key_codec.h"

namespace presskg::graph {
namespace {

constexpr const char* kCfNames[] = {"meta",     "nodes",     "adjacency", "edges",
                                    "evidence", "literals",  "documents", "doc_facts",
                                    "doc_index", "names",    "corrections", "redirects",
                                    "parked"};
static_assert(std::size(kCfNames) == static_cast<std::size_t>(Cf::kCount));

// Options per column family, chosen by access pattern.
rocksdb::ColumnFamilyOptions CfOptions(Cf cf, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  switch (cf) {
    case Cf::kAdjacency:
      // Neighbours of a node are one prefix scan: bloom filters on the 8-byte node prefix.
      options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kNodeIdSize));
      options.memtable_prefix_bloom_size_ratio = 0.05;
      table.whole_key_filtering = false;
      break;
    case Cf::kEvidence:
      // Evidence of one edge is one prefix scan.
      options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kEdgeKeySize));
      options.memtable_prefix_bloom_size_ratio = 0.05;
      table.whole_key_filtering = false;
      break;
    case Cf::kLiterals:
    case Cf::kDocFacts:
    case Cf::kParked:
      options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kNodeIdSize));
      table.whole_key_filtering = false;
      break;
    case Cf::kDocuments:
      // Texts are large and read rarely; bigger blocks compress better.
      table.block_size = 32 * 1024;
      options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kNodeIdSize));
      break;
    default:
      break;  // point lookups (nodes, edges, doc_index, meta) and ordered scans (names)
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

bool IsLockError(const rocksdb::Status& s) {
  const std::string text = s.ToString();
  return s.IsIOError() && (text.find("lock") != std::string::npos ||
                           text.find("LOCK") != std::string::npos);
}

}  // namespace

const char* CfName(Cf cf) { return kCfNames[static_cast<int>(cf)]; }

Status FromRocks(const rocksdb::Status& status, const std::string& context) {
  if (status.ok()) return Status::Ok();
  std::string msg = context + ": " + status.ToString();
  if (status.IsNotFound()) return Status::NotFound(msg);
  if (status.IsCorruption()) return Status::Corruption(msg);
  if (status.IsBusy() || status.IsTryAgain()) return Status::Busy(msg);
  if (status.IsInvalidArgument()) return Status::InvalidArgument(msg);
  return Status::IoError(msg);
}

Result<std::shared_ptr<RocksDb>> RocksDb::Open(const std::string& path,
                                              const StoreOptions& options) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  const bool is_rocks = std::filesystem::exists(std::filesystem::path(path) / "CURRENT", ec);
  if (exists && !std::filesystem::is_directory(path, ec)) {
    return Status::FailedPrecondition("store " + path + " is not a directory");
  }
  if (exists && !is_rocks && !std::filesystem::is_empty(path, ec)) {
    return Status::FailedPrecondition("store " + path +
                                      " is a non-empty directory that is not a presskg store");
  }
  if (!is_rocks && (options.read_only || !options.create_if_missing)) {
    return Status::NotFound("no presskg store at " + path);
  }

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.paranoid_checks = true;
  db_options.max_background_jobs = 2;
  db_options.bytes_per_sync = 1 << 20;
  db_options.keep_log_file_num = 3;
  auto cache = rocksdb::NewLRUCache(options.block_cache_mb << 20);

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
    descriptors.emplace_back(kCfNames[i], CfOptions(static_cast<Cf>(i), cache));
  }
  // Position in `descriptors` of each column family (-1: missing from a read-only open).
  std::array<int, static_cast<int>(Cf::kCount)> position{};
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) position[i] = i + 1;
  if (is_rocks) {
    std::vector<std::string> existing;
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path, &existing);
    if (!s.ok()) return FromRocks(s, "cannot read store " + path);
    auto has = [&](const std::string& name) {
      return std::find(existing.begin(), existing.end(), name) != existing.end();
    };
    if (!has("meta")) {
      return Status::FailedPrecondition("store " + path +
                                        " is a RocksDB database but not a presskg store");
    }
    if (options.read_only) {
      // A read-only open cannot create families added since the store was written.
      std::vector<rocksdb::ColumnFamilyDescriptor> present{descriptors.front()};
      for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
        position[i] = has(kCfNames[i]) ? static_cast<int>(present.size()) : -1;
        if (has(kCfNames[i])) present.push_back(descriptors[i + 1]);
      }
      descriptors = std::move(present);
    }
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &handles, &raw)
          : rocksdb::DB::Open(db_options, path, descriptors, &handles, &raw);
  if (!s.ok()) {
    if (IsLockError(s)) {
      return Status::Busy("store " + path +
                          " is in use by another process (close the other presskg first)");
    }
    if (s.IsCorruption()) return FromRocks(s, "store " + path + " is corrupt");
    return FromRocks(s, "cannot open store " + path);
  }
  std::shared_ptr<RocksDb> result(new RocksDb());
  result->path_ = path;
  result->db_.reset(raw);
  result->default_handle_ = handles[0];
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
    result->handles_[i] = position[i] < 0 ? nullptr : handles[position[i]];
  }

  std::string version;
  s = raw->Get(rocksdb::ReadOptions(), result->cf(Cf::kMeta), kMetaSchemaVersion, &version);
  if (s.IsNotFound()) {
    if (options.read_only) return Status::FailedPrecondition("store " + path + " is not initialised");
    s = raw->Put(rocksdb::WriteOptions(), result->cf(Cf::kMeta), kMetaSchemaVersion,
                 std::to_string(kSchemaVersion));
    if (!s.ok()) return FromRocks(s, "cannot initialise store " + path);
  } else if (!s.ok()) {
    return FromRocks(s, "cannot read store " + path);
  } else if (version != std::to_string(kSchemaVersion)) {
    return Status::FailedPrecondition("store " + path + " has schema version " + version +
                                      "; this presskg reads version " +
                                      std::to_string(kSchemaVersion));
  }
  return result;
}

RocksDb::~RocksDb() {
  if (!db_) return;
  for (auto* handle : handles_) {
    if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
  }
  if (default_handle_ != nullptr) db_->DestroyColumnFamilyHandle(default_handle_);
  db_->Close().PermitUncheckedError();
}

}  // namespace presskg::graph
