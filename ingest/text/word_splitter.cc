#include "ingest/text/word_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>

namespace presskg::ingest {
namespace {

// Elided French words, lower case, without their apostrophe: "l’", "qu’", "jusqu’".
constexpr std::string_view kFrenchElisions[] = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Byte length of the elision at the start of `word` ("l’" -> 4), or 0.
std::size_t ElisionLength(std::string_view word) {
  for (std::string_view elision : kFrenchElisions) {
    if (word.size() <= elision.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < elision.size() && same; ++i) {
      same = (word[i] | 0x20) == elision[i];
    }
    if (!same) continue;
    const std::string_view rest = word.substr(elision.size());
    for (std::string_view apostrophe : {std::string_view("'"), std::string_view("’")}) {
      if (rest.starts_with(apostrophe) && rest.size() > apostrophe.size()) {
        return elision.size() + apostrophe.size();
      }
    }
  }
  return 0;
}

}  // namespace

std::vector<TextSpan> SplitWords(std::string_view text, std::string_view lang) {
  std::vector<TextSpan> words;
  icu::BreakIterator* it = WordIterator();
  if (it == nullptr || text.empty()) return words;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return words;
  it->setText(utext, status);
  utext_close(utext);
  if (U_FAILURE(status)) return words;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
    TextSpan span{static_cast<std::size_t>(start), static_cast<std::size_t>(end)};
    if (lang == "fr") {
      const std::size_t elision = ElisionLength(text.substr(span.begin, span.size()));
      if (elision > 0) {
        words.push_back({span.begin, span.begin + elision});
        span.begin += elision;
      }
    }
    words.push_back(span);
  }
  it->setText(icu::UnicodeString());
  return words;
}

}  // namespace presskg::ingest
