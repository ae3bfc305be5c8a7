#pragma once

// Internal to graph/: writes the sorted keys of one column family as SST files for
// DB::IngestExternalFiles. Nothing outside graph/ includes this header.

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/rocks_db.h"
#include "graph/status.h"

namespace presskg::graph {

// Streams key/value pairs, in strictly increasing key order, into SST files built with the
// column family's own options (prefix extractor, bloom filters, compression), in files of
// bounded size. Not thread safe; one writer per column family.
class BulkSstWriter {
 public:
  // Files are named `dir`/<column family>-<n>.sst; `dir` must exist. A file is closed once it
  // holds `file_bytes` or `file_entries`.
  BulkSstWriter(const RocksDb& db, Cf cf, std::string dir, std::uint64_t file_bytes,
                std::uint64_t file_entries);
  BulkSstWriter(const BulkSstWriter&) = delete;
  BulkSstWriter& operator=(const BulkSstWriter&) = delete;

  // InvalidArgument when `key` is not greater than the previous key; IoError when a file cannot
  // be written.
  Status Put(std::string_view key, std::string_view value);
  // Closes the current file. Afterwards Put must not be called.
  Status Finish();
  // The argument for DB::IngestExternalFiles (files moved, not copied). Precondition: Finish()
  // returned OK and !empty().
  rocksdb::IngestExternalFileArg IngestArg() const;
  bool empty() const { return files_.empty(); }
  std::uint64_t entries() const { return entries_; }

 private:
  Status OpenNext();

  const RocksDb& db_;
  Cf cf_;
  std::string dir_;
  std::uint64_t file_bytes_;
  std::uint64_t file_entries_;
  std::uint64_t entries_in_file_ = 0;
  rocksdb::Options options_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;  // null between files
  std::vector<std::string> files_;
  std::uint64_t entries_ = 0;
};

}  // namespace presskg::graph
