#include "graph/testing/raw_store.h"

#include <memory>

#include "graph/rocks_db.h"

namespace presskg::graph::testing {
namespace {

Result<Cf> CfByName(std::string_view name) {
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
    if (name == CfName(static_cast<Cf>(i))) return static_cast<Cf>(i);
  }
  return Status::InvalidArgument("no column family '" + std::string(name) + "'");
}

rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ReadRawKeysForTesting(
    const std::string& path, std::string_view cf_name, std::size_t max_keys) {
  PRESSKG_ASSIGN_OR_RETURN(Cf cf, CfByName(cf_name));
  StoreOptions options;
  options.read_only = true;
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, options));
  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(db->db()->NewIterator(read, db->cf(cf)));
  std::vector<std::pair<std::string, std::string>> out;
  for (it->SeekToFirst(); it->Valid() && out.size() < max_keys; it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  PRESSKG_RETURN_IF_ERROR(FromRocks(it->status(), "scan " + std::string(cf_name)));
  return out;
}

Status PutRawKeyForTesting(const std::string& path, std::string_view cf_name,
                           std::string_view key, std::string_view value) {
  PRESSKG_ASSIGN_OR_RETURN(Cf cf, CfByName(cf_name));
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, StoreOptions{}));
  return FromRocks(db->db()->Put(rocksdb::WriteOptions(), db->cf(cf), ToSlice(key), ToSlice(value)),
                   "put raw key");
}

Status DeleteRawKeyForTesting(const std::string& path, std::string_view cf_name,
                              std::string_view key) {
  PRESSKG_ASSIGN_OR_RETURN(Cf cf, CfByName(cf_name));
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, StoreOptions{}));
  return FromRocks(db->db()->Delete(rocksdb::WriteOptions(), db->cf(cf), ToSlice(key)),
                   "delete raw key");
}

}  // namespace presskg::graph::testing
