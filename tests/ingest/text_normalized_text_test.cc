#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>

#include "ingest/reader/text_reader.h"
#include "ingest/text/normalized_text.h"
#include "ingest/text/sentence_splitter.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

// The code points [begin, end) of `text`, decoded independently of the code under test (ICU).
std::string CodePointSubstr(const std::string& text, std::size_t begin, std::size_t end) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  std::u32string utf32(static_cast<std::size_t>(unicode.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  unicode.toUTF32(reinterpret_cast<UChar32*>(utf32.data()), static_cast<int32_t>(utf32.size()),
                  status);
  EXPECT_TRUE(U_SUCCESS(status));
  const std::u32string part = utf32.substr(begin, end - begin);
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(part.data()),
                                static_cast<int32_t>(part.size()))
      .toUTF8String(out);
  return out;
}

TEST(TextNormalizedTextTest, MapsTypographicVariantsToAscii) {
  const NormalizedText normalized("d’AVL « Nous » 1\u00A0320 12\u202F% l‘usine ʼ a–b … x\u00ADy");
  EXPECT_EQ(normalized.text(), "d'AVL \" Nous \" 1 320 12 % l'usine ' a-b ... xy");
}

TEST(TextNormalizedTextTest, LeavesPlainTextAndAccentsAlone) {
  const std::string text = "Société Générale, 2024: 30 MDH.\nÉté";
  const NormalizedText normalized(text);
  EXPECT_EQ(normalized.text(), text);
  for (std::size_t i = 0; i <= text.size(); ++i) {
    EXPECT_EQ(normalized.ToOriginalBegin(i), i);
    EXPECT_EQ(normalized.ToOriginalEnd(i), i);
  }
}

TEST(TextNormalizedTextTest, MatchesInNormalizedTextMapBackToTheOriginal) {
  const std::string original = "AVL Maroc, filiale d’AVL France, emploie 1\u00A0320 personnes…";
  const NormalizedText normalized(original);
  const std::size_t at = normalized.text().find("d'AVL France");
  ASSERT_NE(at, std::string::npos);
  const TextSpan span = normalized.ToOriginal({at, at + std::string("d'AVL France").size()});
  EXPECT_EQ(original.substr(span.begin, span.size()), "d’AVL France");

  const std::size_t number = normalized.text().find("1 320");
  const TextSpan number_span = normalized.ToOriginal({number, number + 5});
  EXPECT_EQ(original.substr(number_span.begin, number_span.size()), "1\u00A0320");

  // A span ending inside the expansion of "…" covers the whole original character.
  const std::size_t dots = normalized.text().find("...");
  const TextSpan partial = normalized.ToOriginal({dots, dots + 1});
  EXPECT_EQ(original.substr(partial.begin, partial.size()), "…");
  EXPECT_EQ(normalized.ToOriginalEnd(normalized.text().size()), original.size());
}

TEST(TextNormalizedTextTest, DroppedCharactersDoNotShiftLaterOffsets) {
  const std::string original = "co\u00ADop\u200Bération";
  const NormalizedText normalized(original);
  ASSERT_EQ(normalized.text(), "coopération");
  const std::size_t at = normalized.text().find("ération");
  EXPECT_EQ(original.substr(normalized.ToOriginalBegin(at)), "ération");
}

TEST(TextNormalizedTextTest, NarrowNoBreakSpacesOfTheCorpus) {
  const std::string bytes =
      testing::ReadFileOrEmpty(testing::SharedDir() / "corpus" / "dev" / "06.fr.txt");
  Result<RawDocument> document = ParseTextDocument("06.fr.txt", bytes);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  const std::string& body = document->text;
  ASSERT_NE(body.find("\u202F"), std::string::npos);
  const NormalizedText normalized(body);
  EXPECT_EQ(normalized.text().find("\u202F"), std::string::npos);
  EXPECT_EQ(normalized.text().find("\u2019"), std::string::npos);
  const std::size_t at = normalized.text().find("12 %");
  ASSERT_NE(at, std::string::npos);
  const TextSpan span = normalized.ToOriginal({at, at + 4});
  EXPECT_EQ(body.substr(span.begin, span.size()), "12\u202F%");
}

TEST(TextNormalizedTextTest, CodePointOffsets) {
  const std::string text = "é€𝄞a";  // 2 + 3 + 4 + 1 bytes
  EXPECT_EQ(CodePointOffset(text, 0), 0u);
  EXPECT_EQ(CodePointOffset(text, 2), 1u);
  EXPECT_EQ(CodePointOffset(text, 5), 2u);
  EXPECT_EQ(CodePointOffset(text, 9), 3u);
  EXPECT_EQ(CodePointOffset(text, 10), 4u);
  EXPECT_EQ(CodePointOffset(text, 99), 4u);
  EXPECT_EQ(CodePointOffset(text, 3), 1u);  // inside "€": not yet reached
  EXPECT_EQ(ByteOffsetOfCodePoint(text, 2), 5u);
  EXPECT_EQ(ByteOffsetOfCodePoint(text, 4), 10u);
  EXPECT_EQ(ByteOffsetOfCodePoint(text, 9), 10u);
  const CodePointIndex index(text);
  for (std::size_t i = 0; i <= text.size() + 1; ++i) {
    EXPECT_EQ(index.ToCodePoint(i), CodePointOffset(text, i)) << i;
  }
}

TEST(TextNormalizedTextTest, CodePointIndexAgreesOnLongTexts) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "d’AVL à 12\u202F% 𝄞 ";
  const CodePointIndex index(text);
  for (std::size_t i = 0; i <= text.size(); i += 7) {
    ASSERT_EQ(index.ToCodePoint(i), CodePointOffset(text, i)) << i;
  }
}

// Evidence offsets are code points into the original body: every sentence of every seed and dev
// document, cut out by code point offsets, equals the sentence cut out by byte offsets.
TEST(TextNormalizedTextTest, SentenceOffsetsAsCodePointsReproduceTheEvidence) {
  for (const char* path : {"seed/avl-maroc.fr.txt", "seed/avl-maroc.en.txt", "dev/06.fr.txt",
                           "dev/14.fr.txt", "dev/21.en.txt", "dev/28.en.txt"}) {
    const std::string bytes = testing::ReadFileOrEmpty(testing::SharedDir() / "corpus" / path);
    Result<RawDocument> document = ParseTextDocument(path, bytes);
    ASSERT_TRUE(document.ok()) << path;
    const std::string& body = document->text;
    const CodePointIndex index(body);
    const std::vector<TextSpan> sentences = SplitSentences(body, document->lang);
    ASSERT_GE(sentences.size(), 5u) << path;
    for (const TextSpan& sentence : sentences) {
      const std::size_t start = index.ToCodePoint(sentence.begin);
      const std::size_t end = index.ToCodePoint(sentence.end);
      EXPECT_EQ(CodePointSubstr(body, start, end), body.substr(sentence.begin, sentence.size()))
          << path;
      EXPECT_EQ(ByteOffsetOfCodePoint(body, start), sentence.begin);
    }
  }
}

}  // namespace
}  // namespace presskg::ingest
