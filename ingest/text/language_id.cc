#include "ingest/text/language_id.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/text/language_profiles.h"
#include "ingest/text/utf8_util.h"
#include "ingest/text/word_splitter.h"

namespace presskg::ingest {
namespace {

// Only the start of a long text is scored; a few pages decide the language.
constexpr std::size_t kMaxScoredBytes = std::size_t{32} * 1024;
// Letter n-grams are weak evidence next to function words.
constexpr double kNgramFactor = 0.1;
// The winner needs this much evidence, and this many times the loser's.
constexpr double kMinScore = 1.0;
constexpr double kMinRatio = 1.5;
// See NameInternalWeights.
constexpr std::size_t kMaxNameGap = 3;
constexpr double kNameInternalWeight = 0.2;

using WordTable = std::unordered_map<std::string_view, double>;

const WordTable& Table(std::span<const ProfileEntry> entries) {
  static const WordTable french = [] {
    WordTable table;
    for (const ProfileEntry& e : FrenchWords()) table.emplace(e.key, e.weight);
    return table;
  }();
  static const WordTable english = [] {
    WordTable table;
    for (const ProfileEntry& e : EnglishWords()) table.emplace(e.key, e.weight);
    return table;
  }();
  return entries.data() == FrenchWords().data() ? french : english;
}

std::string Lower(std::string_view word) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  unicode.toLower(icu::Locale::getRoot());
  std::string lower;
  unicode.toUTF8String(lower);
  // Curly apostrophes of elisions ("l’") compare as ASCII ones.
  constexpr std::string_view kCurly = "’";
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size();) {
    if (std::string_view(lower).substr(i, kCurly.size()) == kCurly) {
      out.push_back('\'');
      i += kCurly.size();
    } else {
      out.push_back(lower[i++]);
    }
  }
  return out;
}

double NgramScore(const std::string& padded, std::span<const ProfileEntry> ngrams) {
  double score = 0;
  for (const ProfileEntry& ngram : ngrams) {
    for (std::size_t pos = padded.find(ngram.key); pos != std::string::npos;
         pos = padded.find(ngram.key, pos + 1)) {
      score += ngram.weight;
    }
  }
  return score;
}

// Longest prefix of `text` of at most `limit` bytes that does not cut a character.
std::string_view Prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

bool StartsUpper(std::string_view text, TextSpan span) {
  std::size_t length = 0;
  return u_isupper(static_cast<UChar32>(DecodeUtf8At(text, span.begin, &length)));
}

// Function words inside a proper name ("Banque Sénégalaise de l’Habitat et du Commerce",
// "Ministry of Industry and Trade") say little about the text's language: a run of at most
// kMaxNameGap lower-case words between two capitalised ones counts kNameInternalWeight each.
std::vector<double> NameInternalWeights(std::string_view text, const std::vector<TextSpan>& spans) {
  std::vector<double> weights(spans.size(), 1.0);
  std::size_t last_upper = spans.size();  // index of the previous capitalised word
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (!StartsUpper(text, spans[i])) continue;
    if (last_upper < spans.size() && i - last_upper - 1 <= kMaxNameGap) {
      for (std::size_t k = last_upper + 1; k < i; ++k) weights[k] = kNameInternalWeight;
    }
    last_upper = i;
  }
  return weights;
}

}  // namespace

LanguageScores ScoreLanguages(std::string_view text) {
  text = Prefix(text, kMaxScoredBytes);
  LanguageScores scores;
  const WordTable& french_words = Table(FrenchWords());
  const WordTable& english_words = Table(EnglishWords());
  const std::vector<TextSpan> spans = SplitWords(text, "fr");
  const std::vector<double> weights = NameInternalWeights(text, spans);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::string word = Lower(text.substr(spans[i].begin, spans[i].size()));
    if (auto it = french_words.find(word); it != french_words.end()) {
      scores.french += weights[i] * it->second;
    }
    if (auto it = english_words.find(word); it != english_words.end()) {
      scores.english += weights[i] * it->second;
    }
    if (word.find_first_of("0123456789'") != std::string::npos) continue;
    const std::string padded = "_" + word + "_";
    scores.french += kNgramFactor * NgramScore(padded, FrenchTrigrams());
    scores.english += kNgramFactor * NgramScore(padded, EnglishTrigrams());
  }
  return scores;
}

std::string DetectLanguage(std::string_view text) {
  const LanguageScores scores = ScoreLanguages(text);
  if (scores.french >= kMinScore && scores.french >= kMinRatio * scores.english) return "fr";
  if (scores.english >= kMinScore && scores.english >= kMinRatio * scores.french) return "en";
  return "";
}

}  // namespace presskg::ingest
