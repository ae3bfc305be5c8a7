#include "ingest/text/normalized_text.h"

#include <algorithm>

#include "ingest/text/utf8_util.h"

namespace presskg::ingest {
namespace {

struct Mapping {
  char32_t from;
  std::string_view to;
};

// Typographic variants and their plain spelling for matching.
constexpr Mapping kMappings[] = {
    // Apostrophes: "d’AVL France", "l‘usine", "Sévignéʼs".
    {U'\u2019', "'"},
    {U'\u2018', "'"},
    {U'\u201B', "'"},
    {U'\u02BC', "'"},
    {U'\u2032', "'"},
    {U'\u00B4', "'"},
    // Double quotes: « Nous », “We”, „Wir“.
    {U'\u00AB', "\""},
    {U'\u00BB', "\""},
    {U'\u201C', "\""},
    {U'\u201D', "\""},
    {U'\u201E', "\""},
    {U'\u201F', "\""},
    {U'\u2033', "\""},
    // Spaces: "1 320" with U+00A0, "12 %" with U+202F, thin and other fixed-width spaces.
    {U'\u00A0', " "},
    {U'\u202F', " "},
    {U'\u2007', " "},
    {U'\u2009', " "},
    {U'\u200A', " "},
    {U'\u2002', " "},
    {U'\u2003', " "},
    {U'\u2004', " "},
    {U'\u2005', " "},
    {U'\u2006', " "},
    {U'\u2008', " "},
    {U'\u205F', " "},
    {U'\u3000', " "},
    // Hyphens and dashes: "Jean‑Pierre" (U+2011), "2023 – Paris", "−5 %".
    {U'\u2010', "-"},
    {U'\u2011', "-"},
    {U'\u2012', "-"},
    {U'\u2013', "-"},
    {U'\u2014', "-"},
    {U'\u2015', "-"},
    {U'\u2212', "-"},
    // Ellipsis and ligatures.
    {U'\u2026', "..."},
    {U'\uFB01', "fi"},
    {U'\uFB02', "fl"},
    // Invisible characters: soft hyphen, zero-width space / joiners, BOM, word joiner.
    {U'\u00AD', ""},
    {U'\u200B', ""},
    {U'\u200C', ""},
    {U'\u200D', ""},
    {U'\u2060', ""},
    {U'\uFEFF', ""},
};

const Mapping* FindMapping(char32_t c) {
  if (c < 0xA0) return nullptr;
  for (const Mapping& mapping : kMappings) {
    if (mapping.from == c) return &mapping;
  }
  return nullptr;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Bytes in [from, to) that start a character.
std::size_t CountLeadBytes(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t count = 0;
  for (std::size_t i = from; i < to; ++i) count += IsContinuation(text[i]) ? 0 : 1;
  return count;
}

// True when byte `offset` falls after the lead byte of a character but before its end.
bool IsInsideCharacter(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset >= text.size() || !IsContinuation(text[offset])) return false;
  for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
    if (!IsContinuation(text[offset - back])) return true;
  }
  return false;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original) {
  text_.reserve(original.size());
  for (std::size_t i = 0, length = 0; i < original.size(); i += length) {
    if (static_cast<unsigned char>(original[i]) < 0x80) {
      length = 1;
      text_.push_back(original[i]);
      continue;
    }
    const char32_t c = DecodeUtf8At(original, i, &length);
    const Mapping* mapping = FindMapping(c);
    if (mapping == nullptr) {
      text_.append(original.substr(i, length));
      continue;
    }
    replacements_.push_back({text_.size(), text_.size() + mapping->to.size(), i, i + length});
    text_.append(mapping->to);
  }
}

const NormalizedText::Replacement* NormalizedText::ReplacementAt(std::size_t offset) const {
  // The last replacement with normalized_begin <= offset; among empty replacements at the same
  // offset (dropped characters) the last one, so that the offset maps past all of them.
  auto it = std::upper_bound(
      replacements_.begin(), replacements_.end(), offset,
      [](std::size_t value, const Replacement& r) { return value < r.normalized_begin; });
  return it == replacements_.begin() ? nullptr : &*std::prev(it);
}

std::size_t NormalizedText::ToOriginalBegin(std::size_t offset) const {
  const Replacement* r = ReplacementAt(offset);
  if (r == nullptr) return offset;
  if (offset < r->normalized_end) return r->original_begin;
  return r->original_end + (offset - r->normalized_end);
}

std::size_t NormalizedText::ToOriginalEnd(std::size_t offset) const {
  const Replacement* r = ReplacementAt(offset);
  if (r == nullptr) return offset;
  if (offset == r->normalized_begin && r->normalized_begin < r->normalized_end) {
    // A span ending exactly where a replacement starts ends before that character.
    return r->original_begin;
  }
  if (offset < r->normalized_end) return r->original_end;
  return r->original_end + (offset - r->normalized_end);
}

std::size_t CodePointOffset(std::string_view text, std::size_t byte_offset) {
  const std::size_t end = std::min(byte_offset, text.size());
  return CountLeadBytes(text, 0, end) - (IsInsideCharacter(text, end) ? 1 : 0);
}

std::size_t ByteOffsetOfCodePoint(std::string_view text, std::size_t code_point_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuation(text[i])) {
      if (count == code_point_offset) return i;
      ++count;
    }
  }
  return text.size();
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  block_counts_.reserve(text.size() / kBlock + 1);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_counts_.push_back(count);
    if (!IsContinuation(text[i])) ++count;
  }
}

std::size_t CodePointIndex::ToCodePoint(std::size_t byte_offset) const {
  const std::size_t end = std::min(byte_offset, text_.size());
  const std::size_t block = end / kBlock;
  if (block >= block_counts_.size()) return CodePointOffset(text_, end);  // end == size, aligned
  return block_counts_[block] + CountLeadBytes(text_, block * kBlock, end) -
         (IsInsideCharacter(text_, end) ? 1 : 0);
}

}  // namespace presskg::ingest
