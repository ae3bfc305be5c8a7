#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/resolve/fold.h"
#include "ingest/text/utf8_util.h"

namespace presskg::ingest::resolve {
namespace {

using Words = std::vector<std::string>;

TEST(ResolveFoldWords, FoldsAccentsCaseAndPunctuation) {
  EXPECT_EQ(FoldWords("Société Générale"), (Words{"societe", "generale"}));
  EXPECT_EQ(FoldWords("ministère de l’Industrie"), (Words{"ministere", "de", "l", "industrie"}));
  EXPECT_EQ(FoldWords("Straße Œuvre Ĳssel"), (Words{"strasse", "œuvre", "ijssel"}));
  EXPECT_EQ(FoldWords("AVL S.A."), (Words{"avl", "s", "a"}));
  EXPECT_EQ(FoldWords("Fès — Meknès"), (Words{"fes", "meknes"}));
  EXPECT_EQ(FoldWords(""), Words{});
}

// Latin text folds from a table; a character past it sends the whole text through ICU. An em
// dash at the end adds nothing but a separator, so both paths must give the same words for every
// code point of the table, alone and between letters.
TEST(ResolveFoldWords, TableAgreesWithIcuOnEveryLatinCodePoint) {
  for (char32_t c = 1; c < 0x250; ++c) {
    std::string utf8;
    AppendUtf8(c, &utf8);
    for (const std::string& text : {utf8, "Ab" + utf8 + "cD" + utf8 + utf8 + "9"}) {
      EXPECT_EQ(FoldWords(text), FoldWords(text + "\u2014"))
          << "U+" << std::hex << static_cast<unsigned>(c);
    }
  }
}

}  // namespace
}  // namespace presskg::ingest::resolve
