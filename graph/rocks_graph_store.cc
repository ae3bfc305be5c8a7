#include <mutex>

#include "graph/correction_writer.h"
#include "graph/document_writer.h"
#include "graph/graph_store.h"
#include "graph/key_codec.h"
#include "graph/rocks_db.h"
#include "graph/rocks_snapshot.h"
#include "graph/text_util.h"

namespace presskg::graph {
namespace {

class RocksGraphStore final : public GraphStore {
 public:
  RocksGraphStore(std::shared_ptr<RocksDb> db, Counters counters, bool read_only)
      : db_(std::move(db)), counters_(std::move(counters)), read_only_(read_only) {}

  Result<CommitResult> CommitDocument(const DocumentGraph& doc) override {
    if (read_only_) return Status::FailedPrecondition("store " + path() + " is open read-only");
    std::string hash = doc.document.content_hash.empty() ? Sha256Hex(doc.document.text)
                                                         : doc.document.content_hash;
    std::lock_guard<std::mutex> lock(write_mu_);
    CommitResult result;
    std::string existing;
    rocksdb::Status s = db_->db()->Get(rocksdb::ReadOptions(), db_->cf(Cf::kDocIndex),
                                       keys::DocHashKey(hash), &existing);
    if (s.ok()) {
      auto id = keys::DecodeNodeKey(existing);
      if (!id) return Status::Corruption("malformed document hash index entry in " + path());
      result.document = *id;
      result.already_present = true;
      return result;
    }
    if (!s.IsNotFound()) return FromRocks(s, "read " + path());

    DocumentWriter writer(*db_, counters_);
    PRESSKG_RETURN_IF_ERROR(writer.Build(doc, hash, &result));
    rocksdb::WriteOptions options;
    PRESSKG_RETURN_IF_ERROR(
        FromRocks(db_->db()->Write(options, writer.batch()), "commit to " + path()));
    counters_ = writer.counters();
    return result;
  }

  Result<Correction> MergeNodes(const MergeRequest& request) override {
    return Correct([&](CorrectionWriter& writer) { return writer.BuildMerge(request); });
  }

  Result<Correction> SplitNode(const SplitRequest& request) override {
    return Correct([&](CorrectionWriter& writer) { return writer.BuildSplit(request); });
  }

  Result<Correction> RevertCorrection(std::uint64_t id, const std::string& why) override {
    return Correct([&](CorrectionWriter& writer) { return writer.BuildRevert(id, why); });
  }

  std::unique_ptr<GraphSnapshot> Snapshot() const override {
    return std::make_unique<RocksSnapshot>(db_);
  }

  const std::string& path() const override { return db_->path(); }

 private:
  // Builds one correction under the write lock and writes it atomically.
  template <typename Build>
  Result<Correction> Correct(Build build) {
    if (read_only_) return Status::FailedPrecondition("store " + path() + " is open read-only");
    std::lock_guard<std::mutex> lock(write_mu_);
    CorrectionWriter writer(*db_, counters_);
    PRESSKG_ASSIGN_OR_RETURN(Correction record, build(writer));
    PRESSKG_RETURN_IF_ERROR(
        FromRocks(db_->db()->Write(rocksdb::WriteOptions(), writer.batch()), "commit to " + path()));
    counters_ = writer.counters();
    return record;
  }

  std::shared_ptr<RocksDb> db_;
  std::mutex write_mu_;
  Counters counters_;  // guarded by write_mu_
  bool read_only_;
};

Result<Counters> LoadCounters(const RocksDb& db) {
  Counters counters;
  std::unique_ptr<rocksdb::Iterator> it(
      db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(Cf::kMeta)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key = it->key().ToString();
    bool is_counter = key.starts_with("count/");
    if (!is_counter && key != kMetaNextNodeId) continue;
    if (it->value().size() != 8) {
      return Status::Corruption("store " + db.path() + ": malformed counter " + key);
    }
    std::uint64_t value = keys::GetFixed64(it->value().data());
    if (is_counter) {
      counters.values[key] = value;
    } else {
      counters.next_node_id = value;
    }
  }
  PRESSKG_RETURN_IF_ERROR(FromRocks(it->status(), "read counters of " + db.path()));
  return counters;
}

}  // namespace

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& path,
                                                     const StoreOptions& options) {
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, options));
  PRESSKG_ASSIGN_OR_RETURN(Counters counters, LoadCounters(*db));
  return std::unique_ptr<GraphStore>(
      new RocksGraphStore(std::move(db), std::move(counters), options.read_only));
}

}  // namespace presskg::graph
