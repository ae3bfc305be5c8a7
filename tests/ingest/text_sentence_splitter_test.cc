#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ingest/reader/text_reader.h"
#include "ingest/text/sentence_splitter.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

std::vector<std::string> Sentences(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const TextSpan& span : SplitSentences(text, lang)) {
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(TextSentenceSplitterTest, SplitsPlainSentences) {
  EXPECT_EQ(Sentences("La société emploie 120 personnes. Elle a été créée en 2010.", "fr"),
            (Strings{"La société emploie 120 personnes.", "Elle a été créée en 2010."}));
  EXPECT_EQ(Sentences("Is it done? Yes! It is.", "en"), (Strings{"Is it done?", "Yes!", "It is."}));
}

TEST(TextSentenceSplitterTest, EmptyAndBlankTextHaveNoSentences) {
  EXPECT_TRUE(SplitSentences("", "fr").empty());
  EXPECT_TRUE(SplitSentences(" \n\n\t \n", "en").empty());
}

TEST(TextSentenceSplitterTest, SpansAreTrimmedByteOffsets) {
  const std::string text = "  Première phrase.  \n\n \u00A0Seconde phrase.\u202F ";
  const std::vector<TextSpan> spans = SplitSentences(text, "fr");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "Première phrase.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Seconde phrase.");
}

TEST(TextSentenceSplitterTest, FrenchTitlesAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("M. Dupont a signé l'accord. Il entre en vigueur en mai.", "fr"),
            (Strings{"M. Dupont a signé l'accord.", "Il entre en vigueur en mai."}));
  EXPECT_EQ(Sentences("MM. Durand et Martin ont signé. Mme Leroy était présente.", "fr"),
            (Strings{"MM. Durand et Martin ont signé.", "Mme Leroy était présente."}));
  EXPECT_EQ(Sentences("Selon Mme. Leroy, le site ouvrira. La date reste à fixer.", "fr"),
            (Strings{"Selon Mme. Leroy, le site ouvrira.", "La date reste à fixer."}));
  EXPECT_EQ(
      Sentences("Le directeur général, P.-Y. Lemoine, a salué l'accord. Le groupe suit.", "fr"),
      (Strings{"Le directeur général, P.-Y. Lemoine, a salué l'accord.", "Le groupe suit."}));
  EXPECT_EQ(Sentences("De son côté, J.M Boulard a indiqué que le MoU est signé. AVL suit.", "fr"),
            (Strings{"De son côté, J.M Boulard a indiqué que le MoU est signé.", "AVL suit."}));
  EXPECT_EQ(Sentences("Le projet est mené par A. Benjelloun. Il débute en juin.", "fr"),
            (Strings{"Le projet est mené par A. Benjelloun.", "Il débute en juin."}));
}

TEST(TextSentenceSplitterTest, EnglishTitlesAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Dr. Smith joined Acme in 2020. He leads research.", "en"),
            (Strings{"Dr. Smith joined Acme in 2020.", "He leads research."}));
  EXPECT_EQ(Sentences("The unit will be headed by K. El Amrani. The company said so.", "en"),
            (Strings{"The unit will be headed by K. El Amrani.", "The company said so."}));
  EXPECT_EQ(Sentences("The plant in St. Louis employs 300 people. It opened in 2020.", "en"),
            (Strings{"The plant in St. Louis employs 300 people.", "It opened in 2020."}));
}

TEST(TextSentenceSplitterTest, CompanyFormsEndSentencesOnlyBeforeASentenceStarter) {
  EXPECT_EQ(Sentences("It bought Initech Corp. The price was not disclosed.", "en"),
            (Strings{"It bought Initech Corp.", "The price was not disclosed."}));
  EXPECT_EQ(
      Sentences("Globex Ltd. Chairman Jane Roe signed. Hooli Co. President Gavin Belson "
                "agreed. We welcome Acme Inc. It joins today.",
                "en"),
      (Strings{"Globex Ltd. Chairman Jane Roe signed.", "Hooli Co. President Gavin Belson agreed.",
               "We welcome Acme Inc.", "It joins today."}));
  EXPECT_EQ(Sentences("Le client est Renault S.A. Le contrat court sur trois ans.", "fr"),
            (Strings{"Le client est Renault S.A.", "Le contrat court sur trois ans."}));
  EXPECT_EQ(Sentences("The U.S. Department of Energy approved it. Work starts soon.", "en"),
            (Strings{"The U.S. Department of Energy approved it.", "Work starts soon."}));
  EXPECT_EQ(Sentences("The company is based in Wichita, Kan. The deal closes in May.", "en"),
            (Strings{"The company is based in Wichita, Kan.", "The deal closes in May."}));
}

TEST(TextSentenceSplitterTest, DatesNumbersAndAmounts) {
  EXPECT_EQ(Sentences("WICHITA, Kan., Aug. 15, 2023 — Redhawk Aerostructures Inc. said Tuesday it "
                      "agreed to buy Prairie. The deal closes later.",
                      "en"),
            (Strings{"WICHITA, Kan., Aug. 15, 2023 — Redhawk Aerostructures Inc. said Tuesday it "
                     "agreed to buy Prairie.",
                     "The deal closes later."}));
  EXPECT_EQ(
      Sentences("The deal closed on Sept. 3, 2024. It was approved in Sept. The board met.", "en"),
      (Strings{"The deal closed on Sept. 3, 2024.", "It was approved in Sept.", "The board met."}));
  EXPECT_EQ(Sentences("Acme is ranked No. 1 Worldwide in seats. Revenue rose 1.5 percent. It "
                      "grew.",
                      "en"),
            (Strings{"Acme is ranked No. 1 Worldwide in seats.", "Revenue rose 1.5 percent.",
                     "It grew."}));
  EXPECT_EQ(Sentences("Le chiffre d'affaires atteint 13 Mrds DH. Il a atteint 1,5 Mrds. DH en "
                      "2023. La société emploie 120 personnes.",
                      "fr"),
            (Strings{"Le chiffre d'affaires atteint 13 Mrds DH.",
                     "Il a atteint 1,5 Mrds. DH en 2023.", "La société emploie 120 personnes."}));
}

TEST(TextSentenceSplitterTest, QuotationContinuingTheSentenceKeepsItsInnerPunctuation) {
  // Opened inside the sentence: inner ". " does not split; "! »" before "Il" does.
  EXPECT_EQ(Sentences("Le PDG a déclaré : « Nous sommes fiers. Nous allons investir ! » Il a "
                      "ajouté que le site ouvrira en 2025.",
                      "fr"),
            (Strings{"Le PDG a déclaré : « Nous sommes fiers. Nous allons investir ! »",
                     "Il a ajouté que le site ouvrira en 2025."}));
  // Continued after the quotation: "», a déclaré" and "” said".
  EXPECT_EQ(Sentences("« Nous sommes fiers. Nous allons investir ! », a déclaré le PDG. La "
                      "société recrute.",
                      "fr"),
            (Strings{"« Nous sommes fiers. Nous allons investir ! », a déclaré le PDG.",
                     "La société recrute."}));
  EXPECT_EQ(
      Sentences("« Quelle étape ! » s'est réjoui le ministre. La signature a eu lieu hier.", "fr"),
      (Strings{"« Quelle étape ! » s'est réjoui le ministre.", "La signature a eu lieu hier."}));
  EXPECT_EQ(Sentences("“We are proud. This is a milestone,” said CEO Jane Roe. The plant opens "
                      "in May.",
                      "en"),
            (Strings{"“We are proud. This is a milestone,” said CEO Jane Roe.",
                     "The plant opens in May."}));
  // A quotation that is a sentence of its own still splits inside.
  EXPECT_EQ(Sentences("Le PDG était ravi. « Nous sommes fiers. Nous investirons. » Le site "
                      "ouvre.",
                      "fr"),
            (Strings{"Le PDG était ravi.", "« Nous sommes fiers.", "Nous investirons. »",
                     "Le site ouvre."}));
}

TEST(TextSentenceSplitterTest, ParagraphBreaksAlwaysEndSentencesLineBreaksDoNot) {
  EXPECT_EQ(
      Sentences("Titre sans point\n\nUne phrase coupée\nen deux lignes. Fin.\n \nDernier", "fr"),
      (Strings{"Titre sans point", "Une phrase coupée\nen deux lignes.", "Fin.", "Dernier"}));
  EXPECT_EQ(Sentences("Ligne un\r\n\r\nLigne deux", "fr"), (Strings{"Ligne un", "Ligne deux"}));
}

TEST(TextSentenceSplitterTest, UnknownLanguageUsesBothAbbreviationTables) {
  EXPECT_EQ(Sentences("M. Dupont et Dr. Smith ont signé. Acme Inc. The end.", ""),
            (Strings{"M. Dupont et Dr. Smith ont signé.", "Acme Inc.", "The end."}));
}

TEST(TextSentenceSplitterTest, PathologicalInputStaysFastAndWellFormed) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "a!b.« \"“ M. ";
  text += std::string(100000, '.') + std::string(50000, '\n');
  const std::vector<TextSpan> spans = SplitSentences(text, "fr");
  std::size_t previous_end = 0;
  for (const TextSpan& span : spans) {
    ASSERT_LT(span.begin, span.end);
    ASSERT_LE(previous_end, span.begin);
    ASSERT_LE(span.end, text.size());
    previous_end = span.end;
  }
}

// The seed press release, both languages: sentence boundaries checked by reading the text.
struct SeedCase {
  const char* file;
  const char* lang;
  std::vector<std::string> starts;  // first words of every sentence, in order
  std::string boulard_sentence_end;
};

class SeedSentencesTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedSentencesTest, SplitsTheSeedBodyIntoItsSentences) {
  const SeedCase& c = GetParam();
  const std::string bytes =
      testing::ReadFileOrEmpty(testing::SharedDir() / "corpus" / "seed" / c.file);
  ASSERT_FALSE(bytes.empty());
  Result<RawDocument> document = ParseTextDocument(c.file, bytes);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  const std::vector<std::string> sentences = Sentences(document->text, c.lang);
  ASSERT_EQ(sentences.size(), c.starts.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_TRUE(sentences[i].starts_with(c.starts[i])) << i << ": " << sentences[i];
    EXPECT_TRUE(sentences[i].ends_with(".") || sentences[i].ends_with("»") ||
                sentences[i].ends_with("\""))
        << sentences[i];
  }
  EXPECT_TRUE(sentences[5].ends_with(c.boulard_sentence_end)) << sentences[5];
}

INSTANTIATE_TEST_SUITE_P(
    TextSentenceSplitter, SeedSentencesTest,
    ::testing::Values(SeedCase{"avl-maroc.fr.txt",
                               "fr",
                               {"Ce projet", "Il porte", "Le projet", "Tout en soulignant",
                                "Et d’ajouter", "De son côté, J.M Boulard", "AVL Maroc, filiale",
                                "Avec un effectif", "Avec 1 320"},
                               "les conditions de réussite. »"},
                      SeedCase{"avl-maroc.en.txt",
                               "en",
                               {"This investment", "It involves", "The project", "Stressing",
                                "He added", "For his part, J.M Boulard", "AVL Maroc, a subsidiary",
                                "With a workforce", "With 1,320"},
                               "the conditions for success.\""}));

}  // namespace
}  // namespace presskg::ingest
