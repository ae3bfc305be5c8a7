#pragma once

#include <string>
#include <string_view>

namespace presskg::ingest {

// Evidence for each language found in a text (see DetectLanguage).
struct LanguageScores {
  double french = 0;
  double english = 0;
};

// Scores UTF-8 `text` against the French and English profiles (function words, then letter
// trigrams as a weaker signal). Thread-safe.
LanguageScores ScoreLanguages(std::string_view text);

// "fr" or "en" when one profile clearly wins over the other, "" when the text is too short or too
// mixed to tell. Meant for press releases without a `lang:` header; one ordinary sentence is
// enough. Thread-safe.
std::string DetectLanguage(std::string_view text);

}  // namespace presskg::ingest
