#pragma once

#include <span>
#include <string_view>

namespace presskg::ingest {

// A profile entry: a lower-case function word or letter trigram ('_' = word boundary) and the
// weight of its evidence.
struct ProfileEntry {
  std::string_view key;
  double weight;
};

// Function words (lower case, as SplitWords returns them with lang "fr"; elisions keep their ASCII
// apostrophe: "l'", "d'", "qu'").
std::span<const ProfileEntry> FrenchWords();
std::span<const ProfileEntry> EnglishWords();
// Letter n-grams (one to three letters, mostly trigrams) typical of each language.
std::span<const ProfileEntry> FrenchTrigrams();
std::span<const ProfileEntry> EnglishTrigrams();

}  // namespace presskg::ingest
