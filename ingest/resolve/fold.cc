#include "ingest/resolve/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "ingest/text/utf8_util.h"

namespace presskg::ingest::resolve {
namespace {

// Sorted for binary search.
constexpr std::array<std::string_view, 22> kFunctionWords = {
    "a",  "and", "au", "aux", "d",  "de",  "del", "des", "du",  "en",  "et",
    "for", "in", "l",  "la",  "le", "les", "of",  "on",  "pour", "the", "to"};
constexpr std::size_t kLongestFunctionWord = [] {
  std::size_t n = 0;
  for (std::string_view w : kFunctionWords) n = std::max(n, w.size());
  return n;
}();

// `text` NFKD-decomposed and case-folded, marks dropped and every character that is not a
// letter or digit replaced by ' ': the words of FoldWords separated by spaces.
std::string FoldToSpaced(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(source, status) : source;
  if (U_FAILURE(status)) decomposed = source;
  decomposed.foldCase();
  icu::UnicodeString spaced;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    spaced.append(u_isalnum(c) ? c : UChar32{' '});
  }
  std::string out;
  spaced.toUTF8String(out);
  return out;
}

// Code points below this fold from a table (Latin-1, Latin Extended-A and B: the accented
// letters of French and most European names); a text with any other goes through ICU.
constexpr char32_t kTableEnd = 0x250;

// FoldToSpaced of each code point below kTableEnd. Folding goes code point by code point: NFKD
// only reorders the marks that are dropped and default case folding takes no context, so the
// FoldToSpaced of a text is the concatenation of those of its code points.
const std::vector<std::string>& FoldTable() {
  static const std::vector<std::string>* const table = [] {
    auto* t = new std::vector<std::string>(kTableEnd);
    for (char32_t c = 0; c < kTableEnd; ++c) {
      std::string utf8;
      AppendUtf8(c, &utf8);
      (*t)[c] = FoldToSpaced(utf8);
    }
    return t;
  }();
  return *table;
}

// The words of `spaced` (FoldToSpaced's form).
std::vector<std::string> SplitSpaced(std::string_view spaced) {
  std::vector<std::string> words;
  std::size_t count = 0;
  for (std::size_t k = 0; k < spaced.size(); ++k) {
    count += spaced[k] != ' ' && (k == 0 || spaced[k - 1] == ' ') ? 1 : 0;
  }
  words.reserve(count);
  std::size_t i = 0;
  while (i < spaced.size()) {
    const std::size_t end = std::min(spaced.find(' ', i), spaced.size());
    if (end > i) words.emplace_back(spaced.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

}  // namespace

std::vector<std::string> FoldWords(std::string_view text) {
  const std::vector<std::string>& table = FoldTable();
  std::string spaced;
  spaced.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c & 0x80) == 0) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      spaced.push_back(keep ? c : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ' ');
      ++i;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8At(text, i, &length);
    if (cp >= kTableEnd) return SplitSpaced(FoldToSpaced(text));
    spaced += table[cp];
    i += length;
  }
  return SplitSpaced(spaced);
}

std::vector<std::string> FoldWordsJoiningLetters(std::string_view text) {
  std::vector<std::string> merged;
  bool in_letter_run = false;
  for (std::string& w : FoldWords(text)) {
    const bool single_letter = w.size() == 1 && w[0] >= 'a' && w[0] <= 'z';
    if (single_letter && in_letter_run) {
      merged.back() += w;
    } else {
      merged.push_back(std::move(w));
    }
    in_letter_run = single_letter;
  }
  return merged;
}

std::string JoinWords(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  std::string out;
  end = std::min(end, words.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

bool IsFunctionWord(std::string_view folded_word) {
  // Most words are longer than every function word: answered without the search.
  if (folded_word.size() > kLongestFunctionWord) return false;
  return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), folded_word);
}

}  // namespace presskg::ingest::resolve
