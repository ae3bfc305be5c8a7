#pragma once

// Item predicates shared by the pattern matcher (pattern.cc) and the subject walk
// (pattern_subject.cc). Not for use outside the pattern files.

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/extract/item.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/pattern.h"
#include "ingest/extract/word_in.h"

namespace presskg::ingest::pattern_internal {

inline constexpr std::string_view kDeterminers[] = {"le",  "la",  "les", "l'", "un",
                                                    "une", "the", "a",   "an"};
inline constexpr std::size_t kLongestDeterminer = [] {
  std::size_t n = 0;
  for (std::string_view d : kDeterminers) n = std::max(n, d.size());
  return n;
}();
inline constexpr std::string_view kApproximators[] = {
    "environ",  "about", "around", "nearly", "some", "quelque", "almost", "approximately",
    "roughly",  "over",  "pres",   "plus",   "more", "than",    "de",     "d'",
    "quelques", "just",  "ainsi"};

// True when `it` is the word le, la, les, l', un, une, the, a or an.
inline bool IsDeterminer(const Item& it) {
  // Most words are longer than every determiner: answered without the list.
  return it.type == Item::Type::kWord && it.fold.size() <= kLongestDeterminer &&
         In(it.fold, kDeterminers);
}

// True when `kinds` is empty (any kind) or holds `kind`.
inline bool KindAllowed(graph::NodeKind kind, const std::vector<graph::NodeKind>& kinds) {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// True when `it` is punctuation that closes a phrase: , " : ( - – — ;
inline bool IsBoundary(const Item& it) {
  return it.type == Item::Type::kPunct &&
         (it.fold == "," || it.fold == "\"" || it.fold == ":" || it.fold == "(" || it.fold == "-" ||
          it.fold == "–" || it.fold == "—" || it.fold == ";");
}

// The second half of a compound adjective after a name: "Pune-based", "Chennai-headquartered",
// "JSE-listed", "state-owned", "Temasek-backed", "family-controlled".
inline bool IsCompoundSuffix(const Item& it) {
  return it.IsWord("based") || it.IsWord("headquartered") || it.IsWord("listed") ||
         it.IsWord("owned") || it.IsWord("backed") || it.IsWord("controlled");
}

// A word that may stand between a noun and a name: "groupe allemand", "German group".
inline bool IsModifier(const std::vector<Item>& items, std::size_t i) {
  const Item& it = items[i];
  const Lexicon& lex = Lexicon::Get();
  if (it.type == Item::Type::kWord) {
    if (lex.IsDemonym(it.fold) || IsDeterminer(it)) return true;
    if (it.fold == "de" || it.fold == "d'" || it.fold == "du" || it.fold == "des") {
      return i + 1 < items.size() && items[i + 1].type == Item::Type::kWord &&
             !lex.IsFunctionWord(items[i + 1].fold);
    }
    // The second half of a compound adjective: "family-owned", "Dubai-based".
    if (i > 0 && items[i - 1].IsPunct("-")) return true;
    return !lex.IsFunctionWord(it.fold) && !it.anaphor;
  }
  if (it.type == Item::Type::kPunct) return it.fold == "-" || it.fold == "\"";
  // "JSE-listed", "state-owned", "Temasek-backed": a name inside a compound adjective.
  if (it.type == Item::Type::kEntity && i + 2 < items.size() && items[i + 1].IsPunct("-") &&
      IsCompoundSuffix(items[i + 2]) && !items[i + 2].IsWord("based") &&
      !items[i + 2].IsWord("headquartered")) {
    return true;
  }
  if (it.type == Item::Type::kEntity && it.kind == graph::NodeKind::kPlace) {
    // "Toulouse aircraft structures maker Skyvane": a place opening a descriptor.
    if (i + 1 < items.size() && items[i + 1].type == Item::Type::kWord &&
        !items[i + 1].anaphor && !Lexicon::Get().IsFunctionWord(items[i + 1].fold)) {
      return true;
    }
    return i + 1 < items.size() && (items[i + 1].IsPunct("-") || items[i + 1].IsWord("'s"));
  }
  return false;
}

// The first item at or after `i` past up to three approximators ("environ", "about").
inline std::size_t SkipApproximators(const std::vector<Item>& items, std::size_t i) {
  std::size_t j = i;
  while (j < items.size() && j < i + 3 && items[j].type == Item::Type::kWord &&
         In(items[j].fold, kApproximators)) {
    ++j;
  }
  return j;
}

// Whether `it` is word `w` of alternative `a` of `el` (a word prefix when `prefix`).
inline bool WordMatches(const Item& it, const PatternElement& el, std::size_t a, std::size_t w,
                        bool prefix) {
  if (it.type == Item::Type::kValue) return false;
  if (it.type == Item::Type::kEntity && !it.anaphor) return false;
  if (prefix) {
    const std::string& word = el.phrases[a][w];
    return it.fold.size() >= word.size() && it.fold.compare(0, word.size(), word) == 0;
  }
  return it.word == el.ids[a][w];
}

}  // namespace presskg::ingest::pattern_internal
