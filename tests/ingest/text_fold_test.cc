#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "ingest/text/fold.h"
#include "ingest/text/word_splitter.h"

namespace presskg::ingest {
namespace {

TEST(TextFoldTest, RemovesAccentsCaseAndTypography) {
  EXPECT_EQ(FoldForMatch("Société Générale’s"), "societe generale's");
  EXPECT_EQ(FoldForMatch("ÉTÉ à Kénitra"), "ete a kenitra");
  EXPECT_EQ(FoldForMatch("ministère de l’Industrie"), FoldForMatch("Ministere de l'industrie"));
  EXPECT_EQ(FoldForMatch("«\u00A0Nous\u00A0»"), "\" nous \"");
  EXPECT_EQ(FoldForMatch("Straße"), "strasse");
  EXPECT_EQ(FoldForMatch(""), "");
}

TEST(TextFoldTest, SafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        if (FoldForMatch("Économie Générale n°" + std::to_string(i)) !=
            "economie generale n°" + std::to_string(i)) {
          ++failures[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

std::vector<std::string> Words(std::string_view text, std::string_view lang) {
  const std::vector<TextSpan> spans = SplitWords(text, lang);
  std::vector<std::string> out;
  out.reserve(spans.size());
  for (const TextSpan& span : spans) {
    out.emplace_back(text.substr(span.begin, span.size()));
  }
  return out;
}

TEST(TextWordSplitterTest, WordsAndNumbersWithoutPunctuation) {
  EXPECT_EQ(
      Words("AVL Maroc, filiale d’AVL France, a 1.5 M€.", ""),
      (std::vector<std::string>{"AVL", "Maroc", "filiale", "d’AVL", "France", "a", "1.5", "M"}));
  EXPECT_EQ(Words("The company's 35% stake", "en"),
            (std::vector<std::string>{"The", "company's", "35", "stake"}));
  EXPECT_TRUE(SplitWords("  ,;!  ").empty());
}

TEST(TextWordSplitterTest, FrenchElisionsAreSplit) {
  EXPECT_EQ(Words("filiale d’AVL, l'usine qu’il jusqu’à Aujourd’hui", "fr"),
            (std::vector<std::string>{"filiale", "d’", "AVL", "l'", "usine", "qu’", "il", "jusqu’",
                                      "à", "Aujourd’hui"}));
}

}  // namespace
}  // namespace presskg::ingest
