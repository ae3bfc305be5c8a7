#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "ingest/reader/text_reader.h"
#include "ingest/text/language_id.h"
#include "ingest/text/sentence_splitter.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

TEST(TextLanguageIdTest, OneSentenceIsEnough) {
  EXPECT_EQ(DetectLanguage("La société a ouvert une usine à Kénitra."), "fr");
  EXPECT_EQ(DetectLanguage("The company opened a plant in Kenitra."), "en");
  EXPECT_EQ(DetectLanguage("AVL Maroc emploie 120 personnes."), "fr");
  EXPECT_EQ(DetectLanguage("AVL Maroc employs 120 people."), "en");
  EXPECT_EQ(DetectLanguage("Nous avons signé un accord avec Airbus."), "fr");
  EXPECT_EQ(DetectLanguage("We signed an agreement with Airbus."), "en");
  EXPECT_EQ(DetectLanguage("Le groupe n’exclut pas d’ouvrir un second site."), "fr");
}

TEST(TextLanguageIdTest, UnsureWithoutEvidence) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("Stellantis, Renault, Airbus."), "");
  EXPECT_EQ(DetectLanguage("2024-03-14 12:00"), "");
  const LanguageScores scores = ScoreLanguages("the company and le groupe et la");
  EXPECT_GT(scores.french, 0);
  EXPECT_GT(scores.english, 0);
}

// Every corpus file, read with its header and with the header removed (the reader detects).
TEST(TextLanguageIdTest, EveryCorpusFileWithAndWithoutHeader) {
  int checked = 0;
  for (const char* folder : {"dev", "seed"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(testing::SharedDir() / "corpus" / folder)) {
      const std::string file = entry.path().filename().string();
      if (!file.ends_with(".txt")) continue;
      const std::string expected = file.ends_with(".fr.txt") ? "fr" : "en";
      const std::string bytes = testing::ReadFileOrEmpty(entry.path());
      Result<RawDocument> with_header = ParseTextDocument(file, bytes);
      ASSERT_TRUE(with_header.ok()) << file;
      EXPECT_EQ(with_header->lang, expected) << file;
      EXPECT_EQ(DetectLanguage(with_header->text), expected) << file;
      Result<RawDocument> without_header = ParseTextDocument(file, with_header->text);
      ASSERT_TRUE(without_header.ok()) << file;
      EXPECT_EQ(without_header->text, with_header->text) << file;
      EXPECT_EQ(without_header->lang, expected) << file;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 42);
}

TEST(TextLanguageIdTest, FirstSentenceOfEveryCorpusFile) {
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SharedDir() / "corpus" / "dev")) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".txt")) continue;
    Result<RawDocument> document = ParseTextDocument(file, testing::ReadFileOrEmpty(entry.path()));
    ASSERT_TRUE(document.ok());
    const std::vector<TextSpan> sentences = SplitSentences(document->text, "");
    ASSERT_FALSE(sentences.empty());
    const std::string first_sentence =
        document->text.substr(sentences[0].begin, sentences[0].size());
    EXPECT_EQ(DetectLanguage(first_sentence), file.ends_with(".fr.txt") ? "fr" : "en")
        << file << ": " << first_sentence;
  }
}

}  // namespace
}  // namespace presskg::ingest
