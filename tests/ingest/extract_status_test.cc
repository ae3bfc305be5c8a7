#include <gtest/gtest.h>

#include "ingest/extract/status.h"
#include "ingest/extract/token.h"

namespace presskg::ingest {
namespace {

using graph::FactStatus;

FactStatus StatusOf(std::string_view sentence, std::string_view lang) {
  const std::vector<Token> tokens = Tokenize(sentence, lang);
  return ReadStatus(tokens, 0, tokens.size(), lang).status;
}

TEST(ExtractStatus, ReadsDenialModalityAndFormer) {
  EXPECT_EQ(StatusOf("Nordis n'a pas acquis Kelvin.", "fr"), FactStatus::kDenied);
  EXPECT_EQ(StatusOf("Nordis n'exclut pas d'acquérir Kelvin.", "fr"), FactStatus::kPlanned);
  EXPECT_EQ(StatusOf("Nordis could acquire Kelvin.", "en"), FactStatus::kPlanned);
  EXPECT_EQ(StatusOf("Nordis has not only acquired Kelvin.", "en"), FactStatus::kStated);
  EXPECT_EQ(StatusOf("Nordis ruled out a bid for Kelvin.", "en"), FactStatus::kDenied);
  EXPECT_EQ(StatusOf("Nordis acquired Kelvin.", "en"), FactStatus::kStated);
  const std::vector<Token> tokens = Tokenize("Kelvin was formerly owned by Nordis.", "en");
  EXPECT_TRUE(ReadStatus(tokens, 0, tokens.size(), "en").former);
}

// The scanner reads every range as ReadStatus does, edges included ("not" / "only",
// "ruled" / "out" split by the end of the range).
TEST(ExtractStatus, ScannerAgreesWithReadStatusOnEveryRange) {
  const std::pair<std::string_view, std::string_view> sentences[] = {
      {"Nordis has not only ruled out a bid, it could never deny the talks.", "en"},
      {"Kelvin, formerly a unit of Nordis, may not be sold; no plans were made.", "en"},
      {"Nordis n'exclut pas une acquisition, mais Kelvin n'a jamais envisagé ex aequo.", "fr"},
      {"L'ancien actionnaire pourrait céder sa part, si aucune offre n'est démentie.", "fr"},
  };
  for (const auto& [sentence, lang] : sentences) {
    const std::vector<Token> tokens = Tokenize(sentence, lang);
    const StatusScanner scanner(tokens, lang);
    for (std::size_t from = 0; from <= tokens.size() + 1; ++from) {
      for (std::size_t to = 0; to <= tokens.size() + 1; ++to) {
        const StatusReading want = ReadStatus(tokens, from, to, lang);
        const StatusReading got = scanner.Read(from, to);
        EXPECT_EQ(got.status, want.status) << sentence << " [" << from << ", " << to << ")";
        EXPECT_EQ(got.former, want.former) << sentence << " [" << from << ", " << to << ")";
      }
    }
  }
}

}  // namespace
}  // namespace presskg::ingest
