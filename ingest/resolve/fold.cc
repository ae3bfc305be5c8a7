#include "ingest/resolve/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

namespace presskg::ingest::resolve {
namespace {

// Sorted for binary search.
constexpr std::array<std::string_view, 22> kFunctionWords = {
    "a",  "and", "au", "aux", "d",  "de",  "del", "des", "du",  "en",  "et",
    "for", "in", "l",  "la",  "le", "les", "of",  "on",  "pour", "the", "to"};

}  // namespace

std::vector<std::string> FoldWords(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        current.push_back(c);
      } else if (c >= 'A' && c <= 'Z') {
        current.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (!current.empty()) {
        words.push_back(std::move(current));
        current.clear();
      }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(source, status) : source;
  if (U_FAILURE(status)) decomposed = source;
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
  return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), folded_word);
}

}  // namespace presskg::ingest::resolve
