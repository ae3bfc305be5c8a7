// Random documents assembled from markup, quotes, abbreviations and broken bytes: every reader
// and text function must return (no crash, no hang) and keep its output contracts.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "graph/text_util.h"
#include "ingest/reader/html_reader.h"
#include "ingest/reader/jsonl_reader.h"
#include "ingest/reader/text_reader.h"
#include "ingest/text/normalized_text.h"
#include "ingest/text/sentence_splitter.h"
#include "ingest/text/word_splitter.h"

namespace presskg::ingest {
namespace {

constexpr const char* kFragments[] = {
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<div class=\"a",
    "'",
    "\"",
    "<!--",
    "-->",
    "<script>",
    "</script",
    "<nav>",
    "</nav>",
    "&",
    "&amp;",
    "&#",
    "&#x",
    "&#1234567890;",
    ";",
    "«",
    "»",
    "“",
    "”",
    " ",
    "\n",
    "\n\n",
    "\u00A0",
    "\u202F",
    ". ",
    "! ",
    "? ",
    "M. ",
    "Inc. ",
    "P.-Y. ",
    "Sept. 3",
    "Le ",
    "The ",
    "société",
    "\xC3",
    "\xE2\x80",
    "\xFF",
    "{",
    "}",
    "{\"text\":\"",
    "\\",
    "\r\n",
    "<br/>",
    "<title>",
    "<html lang=fr>",
    "1.5",
    "…",
    "d’",
    "\xEF\xBB\xBF",
};

std::string RandomDocument(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kFragments) - 1);
  std::uniform_int_distribution<int> length(0, 200);
  std::string out;
  for (int i = length(rng); i > 0; --i) out += kFragments[pick(rng)];
  return out;
}

void CheckSpans(const std::vector<TextSpan>& spans, std::size_t size) {
  std::size_t previous_end = 0;
  for (const TextSpan& span : spans) {
    ASSERT_LT(span.begin, span.end);
    ASSERT_LE(previous_end, span.begin);
    ASSERT_LE(span.end, size);
    previous_end = span.end;
  }
}

TEST(ReaderFuzzTest, RandomInputsKeepTheContracts) {
  std::mt19937 rng(20240314);
  for (int round = 0; round < 3000; ++round) {
    const std::string bytes = RandomDocument(rng);
    Result<RawDocument> html = ParseHtmlDocument("f.html", bytes);
    if (html.ok()) {
      ASSERT_TRUE(IsValidUtf8(html->text)) << bytes;
      ASSERT_FALSE(html->text.empty());
    }
    Result<RawDocument> text = ParseTextDocument("f.txt", bytes);
    if (text.ok()) {
      ASSERT_TRUE(IsValidUtf8(bytes));
      ASSERT_EQ(bytes.find('\0'), std::string::npos);
      ASSERT_FALSE(Trim(text->text).empty());
    } else {
      ASSERT_TRUE(text.status().message().starts_with("f.txt: ")) << text.status().ToString();
    }
    const JsonLinesResult lines = ParseJsonLines("f.jsonl", bytes);
    for (const RawDocument& document : lines.documents) ASSERT_TRUE(IsValidUtf8(document.text));
    if (!IsValidUtf8(bytes)) continue;
    for (const char* lang : {"fr", "en", ""}) CheckSpans(SplitSentences(bytes, lang), bytes.size());
    CheckSpans(SplitWords(bytes, "fr"), bytes.size());
    const NormalizedText normalized(bytes);
    ASSERT_EQ(normalized.ToOriginalEnd(normalized.text().size()), bytes.size());
    for (std::size_t i = 0; i <= normalized.text().size(); ++i) {
      ASSERT_LE(normalized.ToOriginalBegin(i), normalized.ToOriginalEnd(i));
      ASSERT_LE(normalized.ToOriginalEnd(i), bytes.size());
    }
  }
}

}  // namespace
}  // namespace presskg::ingest
