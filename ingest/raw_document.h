#pragma once

#include <string>

namespace presskg::ingest {

// A document as a reader found it, before extraction. `text` is valid UTF-8 (readers reject
// anything else); evidence offsets are code points into `text`.
struct RawDocument {
  std::string name;    // file name, or "file.jsonl#id" for JSON Lines records
  std::string source;  // path or URL it was read from
  std::string title;
  std::string date;  // ISO date as written in the header or meta tags, may be empty
  std::string lang;  // "fr", "en", or "" when the reader could not tell
  std::string url;
  std::string text;  // body text (after header lines / HTML stripped)
};

}  // namespace presskg::ingest
