#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "ingest/raw_document.h"
#include "ingest/reader/read_error.h"

namespace presskg::ingest {

struct ReaderOptions {
  // Files larger than this are rejected without being read.
  std::uint64_t max_file_bytes = 64ull * 1024 * 1024;
};

// Everything read from a list of paths.
struct ReadBatch {
  std::vector<RawDocument> documents;  // in path order, then folder order (sorted), then line
  std::vector<ReadError> errors;       // files or records that could not be read
  std::vector<ReadError> skipped;      // files found in folders that no reader handles
};

enum class DocumentFormat { kUnknown, kText, kHtml, kJsonLines };

// The reader for a file name, by extension (case-insensitive): .txt .text .md -> kText,
// .html .htm -> kHtml, .jsonl .ndjson -> kJsonLines, anything else -> kUnknown.
DocumentFormat FormatForPath(std::string_view path);

// The whole content of the file at `path`. ResourceExhausted, without reading it, when it is
// larger than `max_bytes`; IoError when it cannot be opened or read.
Result<std::string> ReadFileBytes(const std::string& path, std::uint64_t max_bytes);

// Reads every path: a file is read with the reader for its extension (by content when the
// extension is unknown: '<' -> HTML, '{' -> JSON Lines, else text); a folder is walked
// recursively in sorted order, skipping hidden files and folders (names starting with '.'), and
// files with other extensions are listed in `skipped` with the reason. Each document's `source`
// is the path it was read from. Never fails as a whole:
// every problem is an entry of `errors` (missing paths, unreadable, too large, empty, binary,
// invalid UTF-8, bad JSON lines).
ReadBatch ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options = {});

}  // namespace presskg::ingest
