#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/text_span.h"

namespace presskg::ingest {

// A typographically normalised copy of a UTF-8 text for matching, which remembers where every
// byte came from: curly and low apostrophes (’ ‘ ʼ) become ', curly quotes and guillemets (“ ” « »)
// become ", no-break and thin spaces (U+00A0, U+202F, U+2009, ...) become ' ', hyphens and dashes
// (‐ ‑ – — −) become '-', … becomes "...", ligatures ﬁ ﬂ are spelled out, and soft hyphens and
// zero-width characters are dropped. Everything else is copied unchanged.
// Thread safety: immutable after construction.
class NormalizedText {
 public:
  // Normalises `original` (which should be valid UTF-8; ill-formed bytes are copied as they are).
  explicit NormalizedText(std::string_view original);

  // The normalised text.
  const std::string& text() const { return text_; }

  // Byte offset in the original text of normalised byte offset `offset` (0..text().size()).
  // An offset inside a replacement maps to the start of the original character.
  std::size_t ToOriginalBegin(std::size_t offset) const;
  // As ToOriginalBegin, but an offset inside a replacement maps past the original character,
  // so that a span end covers all of it.
  std::size_t ToOriginalEnd(std::size_t offset) const;
  // The original byte span of a normalised byte span.
  TextSpan ToOriginal(TextSpan span) const {
    return {ToOriginalBegin(span.begin), ToOriginalEnd(span.end)};
  }

 private:
  struct Replacement {
    std::size_t normalized_begin;
    std::size_t normalized_end;
    std::size_t original_begin;
    std::size_t original_end;
  };
  // The last replacement starting at or before `offset`, or nullptr.
  const Replacement* ReplacementAt(std::size_t offset) const;

  std::string text_;
  std::vector<Replacement> replacements_;  // sorted by normalized_begin
};

// Number of code points in the first `byte_offset` bytes of `text` (offsets past the end count to
// the end; an offset inside a character counts that character as not yet reached).
std::size_t CodePointOffset(std::string_view text, std::size_t byte_offset);

// Byte offset of code point number `code_point_offset` in `text` (text.size() past the end).
std::size_t ByteOffsetOfCodePoint(std::string_view text, std::size_t code_point_offset);

// Converts many byte offsets of one text to code point offsets without rescanning the text.
// Thread safety: immutable after construction. The text must outlive the index.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // Same result as CodePointOffset(text, byte_offset), in O(1) amortised per call.
  std::size_t ToCodePoint(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kBlock = 256;
  std::string_view text_;
  std::vector<std::size_t> block_counts_;  // code points before byte i * kBlock
};

}  // namespace presskg::ingest
