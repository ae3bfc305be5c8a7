#include <gtest/gtest.h>

#include "ingest/extract/token.h"
#include "ingest/extract/values.h"

namespace presskg::ingest {
namespace {

// The first value of `text` read with `lang`.
Value First(std::string_view text, std::string_view lang, std::string_view dollar = "USD") {
  const std::vector<Token> tokens = Tokenize(text, lang);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (std::optional<Value> v = ReadValue(tokens, i, lang, dollar)) return *v;
  }
  ADD_FAILURE() << "no value in " << text;
  return {};
}

TEST(ExtractValues, ParsesNumbersPerLanguage) {
  EXPECT_DOUBLE_EQ(*ParseNumber("1 320", "fr"), 1320);
  EXPECT_DOUBLE_EQ(*ParseNumber("7,5", "fr"), 7.5);
  EXPECT_DOUBLE_EQ(*ParseNumber("1,320", "en"), 1320);
  EXPECT_DOUBLE_EQ(*ParseNumber("7.5", "en"), 7.5);
  EXPECT_DOUBLE_EQ(*ParseNumber("2,300", "en"), 2300);
  EXPECT_FALSE(ParseNumber("abc", "en").has_value());
}

struct MoneyCase {
  const char* text;
  const char* lang;
  double amount;
  const char* currency;
};

class ExtractMoneyTest : public ::testing::TestWithParam<MoneyCase> {};

TEST_P(ExtractMoneyTest, ReadsAmountAndCurrency) {
  const MoneyCase& c = GetParam();
  const Value v = First(c.text, c.lang);
  EXPECT_EQ(v.kind, Value::Kind::kMoney) << c.text;
  EXPECT_DOUBLE_EQ(v.amount, c.amount) << c.text;
  EXPECT_EQ(v.currency, c.currency) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Written, ExtractMoneyTest,
    ::testing::Values(MoneyCase{"un montant de 30 MDH", "fr", 30e6, "MAD"},
                      MoneyCase{"net revenue of 9.8 billion reais", "en", 9.8e9, "BRL"},
                      MoneyCase{"will commit Rs 350 crore", "en", 3.5e9, "INR"},
                      MoneyCase{"2,5 milliards de roupies", "fr", 2.5e9, "INR"},
                      MoneyCase{"AED 300 million", "en", 300e6, "AED"},
                      MoneyCase{"15 milliards de XAF", "fr", 15e9, "XAF"},
                      MoneyCase{"près de 13 Mrds DH", "fr", 13e9, "MAD"},
                      MoneyCase{"7,5 millions d'euros", "fr", 7.5e6, "EUR"},
                      MoneyCase{"1,2 Md€", "fr", 1.2e9, "EUR"},
                      MoneyCase{"$4.5bn", "en", 4.5e9, "USD"},
                      MoneyCase{"EUR 120m", "en", 120e6, "EUR"},
                      MoneyCase{"MAD 450 million", "en", 450e6, "MAD"},
                      MoneyCase{"1 milliard de dirhams", "fr", 1e9, "MAD"},
                      MoneyCase{"41 millions de francs", "fr", 41e6, "CHF"},
                      MoneyCase{"58 milliards de francs CFA", "fr", 58e9, "XOF"},
                      MoneyCase{"58 billion CFA francs", "en", 58e9, "XOF"},
                      MoneyCase{"£1.2bn", "en", 1.2e9, "GBP"},
                      MoneyCase{"CHF 41m", "en", 41e6, "CHF"},
                      MoneyCase{"17 M€", "fr", 17e6, "EUR"}));

TEST(ExtractValues, QuebecDollars) {
  const Value v = First("investira 48 M$ pour", "fr", "CAD");
  EXPECT_EQ(v.kind, Value::Kind::kMoney);
  EXPECT_DOUBLE_EQ(v.amount, 48e6);
  EXPECT_EQ(v.currency, "CAD");
}

TEST(ExtractValues, PercentagesCountsAndYears) {
  Value v = First("une participation de 51 % dans", "fr");
  EXPECT_EQ(v.kind, Value::Kind::kPercent);
  EXPECT_DOUBLE_EQ(v.amount, 51);
  v = First("a 35% stake", "en");
  EXPECT_EQ(v.kind, Value::Kind::kPercent);
  v = First("emploie 2 300 personnes", "fr");
  EXPECT_EQ(v.kind, Value::Kind::kCount);
  EXPECT_DOUBLE_EQ(v.amount, 2300);
  v = First("employs 2,300 people", "en");
  EXPECT_DOUBLE_EQ(v.amount, 2300);
  v = First("à l'horizon 2027", "fr");
  EXPECT_EQ(v.kind, Value::Kind::kYear);
  EXPECT_DOUBLE_EQ(v.amount, 2027);
  v = First("4,6 millions d'abonnés", "fr");
  EXPECT_EQ(v.kind, Value::Kind::kCount);
  EXPECT_DOUBLE_EQ(v.amount, 4.6e6);
}

TEST(ExtractTokens, SplitsElisionsPossessivesAndInitials) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize("J.M Boulard, filiale d'AVL France, P.-Y. Lemoine", "fr")) {
    words.push_back(t.text);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"J.M", "Boulard", ",", "filiale", "d'", "AVL",
                                             "France", ",", "P.-Y.", "Lemoine"}));
  words.clear();
  for (const Token& t : Tokenize("Nordis Telecom's Sheffield-based rival", "en")) {
    words.push_back(t.text);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Nordis", "Telecom", "'s", "Sheffield", "-", "based",
                                             "rival"}));
  EXPECT_EQ(FoldWord("Société ÉTÉ"), "societe ete");
}

}  // namespace
}  // namespace presskg::ingest
