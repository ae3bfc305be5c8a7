#pragma once

#include <algorithm>
#include <span>
#include <string_view>

namespace presskg::ingest {

// True when `word` is one of `list`: a linear scan, for the short constant word lists of the
// extractor (longer lists looked up per token are hash sets: WordList, the Lexicon).
inline bool In(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace presskg::ingest
