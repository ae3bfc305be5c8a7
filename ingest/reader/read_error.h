#pragma once

#include <cstddef>
#include <string>

namespace presskg::ingest {

// A file (or one line of a JSON Lines file) that could not be read, or was skipped.
struct ReadError {
  std::string path;  // as given or found while walking a folder; the name for Parse* calls
  // Human-readable, with the line and byte offset when known. From ReadPaths it does not repeat
  // the path ("line 3: malformed or truncated JSON: ..."); from ParseJsonLines it starts with the
  // file name ("news.jsonl line 3: ...").
  std::string reason;
  std::size_t line = 0;  // 1-based line number for JSON Lines records, 0 for a whole file

  // "path: reason", or the reason alone when it already starts with the path.
  std::string ToString() const {
    if (reason.starts_with(path)) return reason;
    return path + ": " + reason;
  }
};

}  // namespace presskg::ingest
