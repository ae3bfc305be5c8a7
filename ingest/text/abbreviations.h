#pragma once

#include <string_view>

namespace presskg::ingest {

// What a period after an abbreviation means for sentence splitting.
enum class AbbreviationKind {
  kAlways,         // a title before a name ("M. Dupont", "Dr. Smith"): never ends a sentence
  kBeforeDigit,    // "No. 1", "Sept. 3": does not end a sentence when a digit follows
  kUnlessStarter,  // "Inc.", "Kan.", "S.A.": ends a sentence only before a sentence starter
};

struct Abbreviation {
  std::string_view lang;  // "fr" or "en"
  std::string_view text;  // with its final period, case as written ("Mme.")
  AbbreviationKind kind;
};

// The abbreviation `token` (ending in '.') for `lang` ("fr", "en"; "" = both), or nullptr when the
// table does not list it. Case-sensitive.
const Abbreviation* FindAbbreviation(std::string_view token, std::string_view lang);

// True when `word` (as written, e.g. "The", "Les", "L'entreprise") commonly opens a sentence in
// `lang` ("" = both), so that an ambiguous abbreviation before it ends the previous sentence.
bool IsSentenceStarter(std::string_view word, std::string_view lang);

}  // namespace presskg::ingest
