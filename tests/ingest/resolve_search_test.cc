#include <gtest/gtest.h>

#include "ingest/resolve/name_search.h"

namespace presskg::ingest {
namespace {

class NameSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(1, "Stellantis", 5);
    index_.Add(2, "Groupe Renault", 3);
    index_.Add(2, "Renault Group", 3);
    index_.Add(3, "Renault Maroc", 1);
    index_.Add(4, "ministère de l'Industrie et du Commerce", 2);
    index_.Add(4, "Ministry of Industry and Trade", 2);
    index_.Add(5, "R Mezzour", 2);
    index_.Add(6, "AVL Maroc", 1);
    index_.Add(7, "AVL France", 4);
    index_.Add(8, "Stellar Aero", 1);
    index_.Finish();
  }
  std::vector<graph::NodeId> Ids(std::string_view query, std::size_t limit = 10) {
    std::vector<graph::NodeId> out;
    for (const NameMatch& m : index_.Search(query, limit)) out.push_back(m.node);
    return out;
  }
  NameSearchIndex index_;
};

TEST_F(NameSearchTest, ExactBeforePrefixAccentAndCaseInsensitive) {
  std::vector<NameMatch> hits = index_.Search("STELLANTIS", 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].node, 1U);
  EXPECT_EQ(hits[0].rank, MatchRank::kExact);
  EXPECT_EQ(Ids("MINISTERE DE L INDUSTRIE"), std::vector<graph::NodeId>{4});
  EXPECT_EQ(Ids("Ministère de l’Industrie et du Commerce").front(), 4U);
}

TEST_F(NameSearchTest, PrefixesRankByDocuments) {
  // Both prefixes; AVL France is named by more documents.
  EXPECT_EQ(Ids("avl"), (std::vector<graph::NodeId>{7, 6}));
  // A prefix of an inner word.
  EXPECT_EQ(Ids("mezz"), std::vector<graph::NodeId>{5});
  // "renault" is a whole word of three names of two nodes and of Renault Maroc.
  EXPECT_EQ(Ids("renault"), (std::vector<graph::NodeId>{2, 3}));
}

TEST_F(NameSearchTest, TyposWithinTheEditBudget) {
  std::vector<NameMatch> hits = index_.Search("Stelantis", 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].node, 1U);
  EXPECT_EQ(hits[0].rank, MatchRank::kFuzzy);
  EXPECT_EQ(hits[0].distance, 1U);
  EXPECT_EQ(Ids("Stellnatis").front(), 1U);   // transposition
  EXPECT_EQ(Ids("mezour").front(), 5U);       // deletion in an inner word
  EXPECT_EQ(Ids("groupe renaul").front(), 2U);  // prefix of the last word
  EXPECT_EQ(Ids("minstry of industry").front(), 4U);
  EXPECT_EQ(Ids("Stlelantsi"), std::vector<graph::NodeId>{1});  // two edits in a long word
  EXPECT_TRUE(Ids("Stxllxntxs").empty());  // three edits
  EXPECT_TRUE(Ids("avx").empty());         // short words must match exactly
}

TEST_F(NameSearchTest, LimitAndEmptyQueries) {
  EXPECT_EQ(Ids("avl", 1), std::vector<graph::NodeId>{7});
  EXPECT_TRUE(Ids("--").empty());
  EXPECT_TRUE(Ids("avl", 0).empty());
}

}  // namespace
}  // namespace presskg::ingest
