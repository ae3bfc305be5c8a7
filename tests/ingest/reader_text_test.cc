#include <gtest/gtest.h>

#include <string>

#include "ingest/reader/text_reader.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

TEST(ReaderTextTest, ParsesTheHeaderOfARealCorpusFile) {
  const std::string bytes =
      testing::ReadFileOrEmpty(testing::SharedDir() / "corpus" / "dev" / "09.fr.txt");
  ASSERT_TRUE(bytes.starts_with("date: 2023-05-16\nlang: fr\n\n"));
  const TextHeader header = ParseTextHeader(bytes);
  EXPECT_TRUE(header.present);
  EXPECT_EQ(header.date, "2023-05-16");
  EXPECT_EQ(header.lang, "fr");
  EXPECT_EQ(header.body_offset, std::string("date: 2023-05-16\nlang: fr\n\n").size());

  Result<RawDocument> document = ParseTextDocument("09.fr.txt", bytes);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(document->name, "09.fr.txt");
  EXPECT_EQ(document->date, "2023-05-16");
  EXPECT_EQ(document->lang, "fr");
  EXPECT_EQ(document->text, bytes.substr(header.body_offset));
  EXPECT_TRUE(document->text.starts_with("Kénitra, le 16 mai 2023 - L'équipementier"));
}

TEST(ReaderTextTest, AllHeaderKeysCaseInsensitiveWithCrlf) {
  const std::string bytes =
      "\xEF\xBB\xBFTitle: Acme ouvre une usine\r\nDATE: 2024-01-02\r\nlang: EN-gb\r\n"
      "source: Acme press office\r\nurl: https://example.com/x\r\nauthor: ignored\r\n\r\n"
      "Body line.\r\n";
  Result<RawDocument> document = ParseTextDocument("x.txt", bytes);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(document->title, "Acme ouvre une usine");
  EXPECT_EQ(document->date, "2024-01-02");
  EXPECT_EQ(document->lang, "en");
  EXPECT_EQ(document->source, "") << "the reader's path, set by ReadPaths";
  EXPECT_EQ(ParseTextHeader(bytes.substr(3)).source, "Acme press office");
  EXPECT_EQ(document->url, "https://example.com/x");
  EXPECT_EQ(document->text, "Body line.\r\n");
}

TEST(ReaderTextTest, WithoutHeaderTheWholeFileIsTheBody) {
  for (const std::string& bytes : {
           std::string("La société Acme emploie 120 personnes.\n\nElle a été créée en 2010.\n"),
           std::string("Paris: la société Acme emploie 120 personnes.\n\nSuite du texte.\n"),
           std::string("date: 2024-01-01\nLa société Acme emploie 120 personnes.\n"),
           std::string("\ndate: 2024-01-01\n\nLa société Acme emploie 120 personnes.\n"),
       }) {
    Result<RawDocument> document = ParseTextDocument("plain.txt", bytes);
    ASSERT_TRUE(document.ok()) << bytes;
    EXPECT_EQ(document->text, bytes);
    EXPECT_EQ(document->date, "");
    EXPECT_EQ(document->lang, "fr") << "detected from the text";
  }
}

TEST(ReaderTextTest, SourceUrlFillsTheMissingUrl) {
  Result<RawDocument> document =
      ParseTextDocument("s.txt", "source: https://example.com/p\n\nThe company employs 10 people.");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->url, "https://example.com/p");
  EXPECT_EQ(document->source, "");
}

TEST(ReaderTextTest, OtherDeclaredLanguageIsNotGuessed) {
  Result<RawDocument> document =
      ParseTextDocument("de.txt", "lang: de\n\nLa société emploie 120 personnes.\n");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->lang, "");
}

TEST(ReaderTextTest, InvalidUtf8IsRejectedWithItsByteOffset) {
  Result<RawDocument> document = ParseTextDocument("bad.txt", "date: 2024\n\nCaf\xE9 cr\xC3\xA8me");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(document.status().message(), "bad.txt: invalid UTF-8 at byte offset 15");
  // A truncated multi-byte sequence at the very end.
  Result<RawDocument> truncated = ParseTextDocument("cut.txt", "abc \xE2\x82");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().message(), "cut.txt: invalid UTF-8 at byte offset 4");
}

TEST(ReaderTextTest, BinaryEmptyAndHeaderOnlyFilesAreRejected) {
  Result<RawDocument> binary = ParseTextDocument("img.txt", std::string("PNG\0\x01\x02", 6));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(), "img.txt: binary file (NUL byte at byte offset 3)");
  for (const char* empty : {"", " \n\t\r\n", "\xEF\xBB\xBF"}) {
    Result<RawDocument> document = ParseTextDocument("e.txt", empty);
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.status().message(), "e.txt: empty file");
  }
  Result<RawDocument> header_only =
      ParseTextDocument("h.txt", "date: 2024-01-01\nlang: fr\n\n  \n");
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.status().message().find("no body text"), std::string::npos);
}

}  // namespace
}  // namespace presskg::ingest
