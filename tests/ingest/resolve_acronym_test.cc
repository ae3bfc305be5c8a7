#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/resolve/entity_keys.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

TEST(AcronymTest, RecognisesInitialsOfContentWords) {
  EXPECT_TRUE(IsAcronymOf("ONCF", "Office national des chemins de fer"));
  EXPECT_TRUE(IsAcronymOf("AMDIE", "Agence marocaine de développement des investissements et "
                                   "des exportations"));
  EXPECT_TRUE(IsAcronymOf("OCP", "Office chérifien des phosphates"));
  EXPECT_TRUE(IsAcronymOf("CDG", "Caisse de dépôt et de gestion"));
  EXPECT_TRUE(IsAcronymOf("O.N.C.F.", "Office national des chemins de fer du Maroc"));
  EXPECT_TRUE(IsAcronymOf("MASEN", "Moroccan Agency for Sustainable Energy"));
}

TEST(AcronymTest, RejectsOtherParentheses) {
  EXPECT_FALSE(IsAcronymOf("RABAT", "AVL Maroc"));
  EXPECT_FALSE(IsAcronymOf("ONCF", "Office national de l'électricité"));
  EXPECT_FALSE(IsAcronymOf("X", "Xeros"));
  EXPECT_FALSE(IsAcronymOf("2022", "Office national des chemins de fer"));
}

TEST(AcronymTest, ParsesDefinitionsBothWays) {
  std::optional<AcronymDefinition> d =
      ParseAcronymDefinition("Office national des chemins de fer (ONCF)");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->name, "Office national des chemins de fer");
  EXPECT_EQ(d->acronym, "ONCF");
  d = ParseAcronymDefinition("ONCF (Office national des chemins de fer)");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->name, "Office national des chemins de fer");
  EXPECT_EQ(d->acronym, "ONCF");
  EXPECT_FALSE(ParseAcronymDefinition("AVL Maroc (Rabat)").has_value());
  EXPECT_FALSE(ParseAcronymDefinition("AVL Maroc").has_value());
}

TEST(AcronymTest, AddAcronymLinksBothNames) {
  graph::EntityInput e;
  e.kind = graph::NodeKind::kOrganization;
  e.name = "Office national des chemins de fer";
  FillMatchKeys(&e);
  ASSERT_TRUE(AddAcronym(&e, "ONCF"));
  EXPECT_EQ(e.aliases, std::vector<std::string>{"ONCF"});
  EXPECT_NE(std::find(e.match_keys.begin(), e.match_keys.end(), "oncf"), e.match_keys.end());
  EXPECT_EQ(e.match_keys.front(), MatchKeys("Office national des chemins de fer",
                                            graph::NodeKind::kOrganization).front());
  EXPECT_FALSE(AddAcronym(&e, "RABAT"));
  EXPECT_EQ(e.aliases.size(), 1U);
}

}  // namespace
}  // namespace presskg::ingest
