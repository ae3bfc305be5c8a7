#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "graph/status.h"
#include "ingest/raw_document.h"

namespace presskg::ingest {

// The header block at the top of a plain-text document (the corpus format):
//   date: 2023-05-16
//   lang: fr
//   <blank line>
//   body...
// Keys are case-insensitive; recognised keys are date, lang, title, source and url; other
// "key: value" lines inside the block are ignored.
struct TextHeader {
  bool present = false;  // false: the whole text is the body
  std::string date;
  std::string lang;  // as written
  std::string title;
  std::string source;
  std::string url;
  std::size_t body_offset = 0;  // byte offset where the body starts (after the blank line)
};

// Parses the header block of `text`. The block is present only when the text starts with
// "key: value" lines, at least one with a recognised key, followed by a blank line (or the end
// of the text); otherwise `present` is false and `body_offset` is 0. Never fails.
TextHeader ParseTextHeader(std::string_view text);

// A plain-text document (.txt, .text, .md) from its file `name` and `bytes`. The body is
// everything after the header block, unchanged (evidence offsets count from its start); a UTF-8
// byte order mark is dropped first. `lang` comes from the header (normalised to "fr"/"en", ""
// for other languages) or, when the header has none, from DetectLanguage on the body. `source`
// is left empty (ReadPaths sets the path; RawDocument.source is where the document was read
// from); a `source:` header that is a URL fills `url` when there is no `url:` line.
// InvalidArgument (message starts with `name`) for empty, binary or invalid UTF-8 input (byte
// offset in the message) and for a header without body text.
Result<RawDocument> ParseTextDocument(std::string_view name, std::string_view bytes);

}  // namespace presskg::ingest
