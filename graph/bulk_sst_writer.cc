#include "graph/bulk_sst_writer.h"

#include <utility>

namespace presskg::graph {

BulkSstWriter::BulkSstWriter(const RocksDb& db, Cf cf, std::string dir, std::uint64_t file_bytes,
                             std::uint64_t file_entries)
    : db_(db),
      cf_(cf),
      dir_(std::move(dir)),
      file_bytes_(file_bytes),
      file_entries_(file_entries),
      options_(db.db()->GetDBOptions(), db.db()->GetOptions(db.cf(cf))) {}

Status BulkSstWriter::OpenNext() {
  writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_, db_.cf(cf_));
  std::string file = dir_ + "/" + CfName(cf_) + "-" + std::to_string(files_.size()) + ".sst";
  PRESSKG_RETURN_IF_ERROR(FromRocks(writer_->Open(file), "cannot create " + file));
  files_.push_back(std::move(file));
  return Status::Ok();
}

Status BulkSstWriter::Put(std::string_view key, std::string_view value) {
  if (writer_ == nullptr) PRESSKG_RETURN_IF_ERROR(OpenNext());
  rocksdb::Status s = writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                   rocksdb::Slice(value.data(), value.size()));
  if (!s.ok()) return FromRocks(s, std::string("bulk write of column family ") + CfName(cf_));
  ++entries_;
  if (++entries_in_file_ >= file_entries_ || writer_->FileSize() >= file_bytes_) return Finish();
  return Status::Ok();
}

Status BulkSstWriter::Finish() {
  if (writer_ == nullptr) return Status::Ok();
  rocksdb::Status s = writer_->Finish();
  writer_.reset();
  entries_in_file_ = 0;
  return FromRocks(s, "cannot finish " + files_.back());
}

rocksdb::IngestExternalFileArg BulkSstWriter::IngestArg() const {
  rocksdb::IngestExternalFileArg arg;
  arg.column_family = db_.cf(cf_);
  arg.external_files = files_;
  arg.options.move_files = true;
  arg.options.write_global_seqno = false;
  return arg;
}

}  // namespace presskg::graph
