#pragma once

#include <string_view>
#include <vector>

#include "ingest/raw_document.h"
#include "ingest/reader/read_error.h"

namespace presskg::ingest {

// What a JSON Lines file yielded: the good records, and one error per bad line.
struct JsonLinesResult {
  std::vector<RawDocument> documents;
  std::vector<ReadError> errors;
};

// Parses JSON Lines (.jsonl, .ndjson) `bytes` of file `name`: one object per line with string
// fields "id", "title", "date", "lang", "url" (all optional; "id" may be a number) and "text"
// (required, not blank). Blank lines are skipped. Each record becomes a document named
// "<name>#<id>" ("<name>#line<N>" without an id), `lang` normalised to "fr"/"en" or detected from
// the text when absent.
// A malformed, truncated, non-object or invalid-UTF-8 line yields an error naming the file and
// its 1-based line number (and byte offset for bad UTF-8); the other lines still come through.
// An empty or binary (NUL bytes) file yields a single error and no documents.
JsonLinesResult ParseJsonLines(std::string_view name, std::string_view bytes);

}  // namespace presskg::ingest
