#include "ingest/resolve/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

namespace presskg::ingest {
namespace {

// Words that carry no identity in an organisation name (legal forms and "group"), after folding
// and with punctuation removed ("S.p.A." -> "s p a" is handled as a token sequence below).
constexpr std::array<std::string_view, 30> kDroppedWords = {
    "sa",   "sas",   "sasu", "sarl", "sca",  "snc",  "eurl", "inc",  "incorporated", "ltd",
    "ltee", "limited", "llc", "llp",  "plc",  "gmbh", "ag",   "spa",  "srl",          "nv",
    "bv",   "se",    "corp", "corporation", "co", "cie",  "kg",   "oy",  "groupe",  "group"};

bool IsDropped(std::string_view word) {
  for (std::string_view dropped : kDroppedWords) {
    if (word == dropped) return true;
  }
  return false;
}

// Folds to lower case without accents; every character that is not a letter or digit becomes a
// space; runs of spaces collapse.
std::vector<std::string> FoldedWords(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(text, status) : text;
  if (U_FAILURE(status)) decomposed = text;
  decomposed.foldCase();

  std::vector<std::string> words;
  icu::UnicodeString current;
  auto flush = [&] {
    if (current.isEmpty()) return;
    std::string word;
    current.toUTF8String(word);
    words.push_back(std::move(word));
    current.remove();
  };
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      current.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

}  // namespace

std::string FoldedName(std::string_view name) { return Join(FoldedWords(name)); }

std::string NameKey(std::string_view name) {
  std::vector<std::string> words = FoldedWords(name);
  // "S.p.A." folds to "s p a": runs of single letters become one word ("spa").
  std::vector<std::string> merged;
  bool in_letter_run = false;
  for (const std::string& w : words) {
    const bool single_letter = w.size() == 1 && w[0] >= 'a' && w[0] <= 'z';
    if (single_letter && in_letter_run) {
      merged.back() += w;
    } else {
      merged.push_back(w);
    }
    in_letter_run = single_letter;
  }
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (!IsDropped(merged[i])) kept.push_back(merged[i]);
  }
  if (kept.empty()) kept = merged;
  return Join(kept);
}

std::vector<std::string> MatchKeys(std::string_view name, graph::NodeKind kind) {
  std::vector<std::string> keys;
  std::string primary = kind == graph::NodeKind::kOrganization ? NameKey(name) : FoldedName(name);
  if (!primary.empty()) keys.push_back(primary);
  std::string folded = FoldedName(name);
  if (!folded.empty() && folded != primary) keys.push_back(folded);
  return keys;
}

}  // namespace presskg::ingest
