#include <gtest/gtest.h>

#include "graph/graph_store.h"
#include "graph/relation_schema.h"
#include "ingest/resolve/corrections.h"
#include "ingest/resolve/entity_keys.h"
#include "ingest/resolve/person_name.h"
#include "ingest/resolve/person_resolver.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

using graph::NodeKind;

TEST(PersonNameTest, SplitsGivenNamesAndSurname) {
  PersonName p = ParsePersonName("M. Jean-Marc Boulard");
  EXPECT_EQ(p.given, (std::vector<std::string>{"jean", "marc"}));
  EXPECT_EQ(p.surname, "boulard");
  p = ParsePersonName("K. El Amrani");
  EXPECT_EQ(p.given, std::vector<std::string>{"k"});
  EXPECT_EQ(p.surname, "el amrani");
  p = ParsePersonName("Dr Stone");
  EXPECT_TRUE(p.given.empty());
  EXPECT_EQ(p.surname, "stone");
}

TEST(PersonNameTest, InitialsAreCompatibleWithTheNamesTheyStart) {
  EXPECT_TRUE(PersonNamesCompatible("R Mezzour", "Ryad Mezzour"));
  EXPECT_TRUE(PersonNamesCompatible("Ryad Mezzour", "R. Mezzour"));
  EXPECT_TRUE(PersonNamesCompatible("J.M Boulard", "Jean-Marc Boulard"));
  EXPECT_TRUE(PersonNamesCompatible("J. Boulard", "Jean-Marc Boulard"));
  EXPECT_TRUE(PersonNamesCompatible("P.-Y. Lemoine", "Pierre-Yves Lemoine"));
  EXPECT_TRUE(PersonNamesCompatible("K. El Amrani", "Karim El Amrani"));
  EXPECT_TRUE(PersonNamesCompatible("M. Tazi", "Youssef Tazi"));
}

TEST(PersonNameTest, DifferentNamesAreIncompatible) {
  EXPECT_FALSE(PersonNamesCompatible("Robert Mezzour", "Ryad Mezzour"));
  EXPECT_FALSE(PersonNamesCompatible("S Mezzour", "Ryad Mezzour"));
  EXPECT_FALSE(PersonNamesCompatible("J.M Boulard", "Jean-Pierre Boulard"));
  EXPECT_FALSE(PersonNamesCompatible("R Mezzour", "R Benali"));
  EXPECT_FALSE(PersonNamesCompatible("K. El Amrani", "K. Amrani"));
}

TEST(PersonNameTest, NoMorePreciseThan) {
  EXPECT_TRUE(NoMorePreciseThan("R. Mezzour", "R Mezzour"));
  EXPECT_TRUE(NoMorePreciseThan("R. A. Mezzour", "R Mezzour"));
  EXPECT_TRUE(NoMorePreciseThan("R. Mezzour", "Rachid Mezzour"));
  EXPECT_TRUE(NoMorePreciseThan("Rachid Mezzour", "Rachid Mezzour"));
  EXPECT_FALSE(NoMorePreciseThan("Ryad A. Mezzour", "R Mezzour"));
  EXPECT_FALSE(NoMorePreciseThan("Ryad Mezzour", "Rachid Mezzour"));
  EXPECT_FALSE(NoMorePreciseThan("R. Benali", "R Mezzour"));
}

TEST(PersonNameTest, SurnameKeys) {
  EXPECT_EQ(SurnameKey("Ryad Mezzour"), "~mezzour ryad");
  EXPECT_EQ(SurnameKey("J.M Boulard"), "~boulard j m");
  EXPECT_EQ(SurnameKey("M. Tazi"), "");
}

TEST(EntityKeysTest, BareSurnameAliasesOfPersonsAddNoKey) {
  graph::EntityInput person;
  person.kind = NodeKind::kPerson;
  person.name = "Youssef Tazi";
  person.aliases = {"M. Tazi", "Y. Tazi"};
  FillMatchKeys(&person);
  EXPECT_EQ(person.match_keys,
            (std::vector<std::string>{"youssef tazi", "~tazi youssef", "y tazi", "~tazi y"}));
}

// Store-level rule: an initial joins the full name only when the contexts share an entity.
class PersonResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<graph::GraphStore>> opened = graph::GraphStore::Open(dir_.Sub("db"));
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  // A document naming `person` and the organisations `orgs`, each mentioned.
  graph::CommitResult Commit(const std::string& person, const std::vector<std::string>& orgs) {
    graph::DocumentGraph doc;
    doc.document.name = "doc" + std::to_string(++count_) + ".txt";
    doc.document.lang = "fr";
    doc.document.text = doc.document.name + " " + person;
    auto add = [&](NodeKind kind, const std::string& name) {
      graph::EntityInput e;
      e.kind = kind;
      e.name = name;
      e.lang = "fr";
      FillMatchKeys(&e);
      doc.entities.push_back(std::move(e));
      graph::FactInput mention;
      mention.subject = graph::kThisDocument;
      mention.relation = graph::RelationSchema::Builtin().Find("mentions")->id;
      mention.object = static_cast<graph::EntityIndex>(doc.entities.size() - 1);
      doc.facts.push_back(mention);
    };
    add(NodeKind::kPerson, person);
    for (const std::string& org : orgs) add(NodeKind::kOrganization, org);
    Status resolved = ResolvePersonsAgainstStore(*store_->Snapshot(), &doc);
    EXPECT_TRUE(resolved.ok()) << resolved.ToString();
    Result<graph::CommitResult> result = store_->CommitDocument(doc);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : graph::CommitResult{};
  }

  std::uint64_t Persons() {
    Result<graph::StoreStats> stats = store_->Snapshot()->GetStats();
    EXPECT_TRUE(stats.ok());
    if (!stats.ok()) return 0;
    auto it = stats->nodes_by_kind.find(NodeKind::kPerson);
    return it == stats->nodes_by_kind.end() ? 0 : it->second;
  }

  testing::TempDir dir_;
  std::unique_ptr<graph::GraphStore> store_;
  int count_ = 0;
};

TEST_F(PersonResolverTest, InitialJoinsFullNameWhenAnOrganisationIsShared) {
  const graph::CommitResult full =
      Commit("Ryad Mezzour", {"ministère de l'Industrie et du Commerce"});
  const graph::CommitResult initial = Commit("R Mezzour", {"Ministry of Industry and Trade"});
  EXPECT_EQ(initial.entity_ids[0], full.entity_ids[0]);
  EXPECT_EQ(Persons(), 1U);
}

TEST_F(PersonResolverTest, FullNameJoinsAnEarlierInitial) {
  const graph::CommitResult initial = Commit("J.M Boulard", {"Groupe AVL"});
  const graph::CommitResult full = Commit("Jean-Marc Boulard", {"AVL Group", "AVL Maroc"});
  EXPECT_EQ(full.entity_ids[0], initial.entity_ids[0]);
  EXPECT_EQ(Persons(), 1U);
}

TEST_F(PersonResolverTest, InitialInAnUnrelatedContextStaysApart) {
  const graph::CommitResult full = Commit("Ryad Mezzour", {"ministère de l'Industrie"});
  const graph::CommitResult other = Commit("R Mezzour", {"Atlas Bank"});
  EXPECT_NE(other.entity_ids[0], full.entity_ids[0]);
  EXPECT_EQ(Persons(), 2U);
}

TEST_F(PersonResolverTest, IncompatibleNamesStayApartEvenInOneContext) {
  const graph::CommitResult ryad = Commit("Ryad Mezzour", {"Groupe AVL"});
  const graph::CommitResult robert = Commit("Robert Mezzour", {"Groupe AVL"});
  const graph::CommitResult s = Commit("S Mezzour", {"Groupe AVL"});
  EXPECT_NE(robert.entity_ids[0], ryad.entity_ids[0]);
  EXPECT_NE(s.entity_ids[0], ryad.entity_ids[0]);
  EXPECT_NE(s.entity_ids[0], robert.entity_ids[0]);
  EXPECT_EQ(Persons(), 3U);
}

TEST_F(PersonResolverTest, AmbiguousInitialStaysApart) {
  Commit("Ryad Mezzour", {"Groupe AVL"});
  Commit("Rachid Mezzour", {"Groupe AVL"});
  Commit("R Mezzour", {"AVL Group"});
  EXPECT_EQ(Persons(), 3U);
}

// A journalist's split keeps apart: the split-off name, and any name no more precise than it,
// never resolves back onto the person it was split from; a fuller name still does.
class PersonSplitTest : public PersonResolverTest {
 protected:
  void SetUp() override {
    PersonResolverTest::SetUp();
    original_ = Commit("Ryad Mezzour", {"ministère de l'Industrie", "Groupe AVL"}).entity_ids[0];
    ASSERT_EQ(Commit("R Mezzour", {"ministère de l'Industrie"}).entity_ids[0], original_);
    Result<graph::SplitRequest> request =
        PrepareSplit(*store_->Snapshot(), original_, {"R Mezzour"}, "R Mezzour is Rachid");
    ASSERT_TRUE(request.ok()) << request.status().ToString();
    Result<graph::Correction> split = store_->SplitNode(*request);
    ASSERT_TRUE(split.ok()) << split.status().ToString();
    split_ = *split;
  }

  // The context of the original person, more of it than the split-off person has.
  graph::NodeId PersonOf(const std::string& name) {
    return Commit(name, {"Ministry of Industry", "AVL Group"}).entity_ids[0];
  }

  graph::NodeId original_ = 0;
  graph::Correction split_;
};

TEST_F(PersonSplitTest, SplitOffNameResolvesToTheNewPerson) {
  EXPECT_EQ(PersonOf("R. Mezzour"), split_.to);
}

TEST_F(PersonSplitTest, NameNoMorePreciseThanTheSplitOffNameStaysOffTheOriginal) {
  EXPECT_NE(PersonOf("R. A. Mezzour"), original_);
}

TEST_F(PersonSplitTest, FullerNameStillJoinsTheOriginal) {
  EXPECT_EQ(PersonOf("Ryad A. Mezzour"), original_);
}

TEST_F(PersonSplitTest, RevertedSplitNoLongerKeepsApart) {
  ASSERT_TRUE(store_->RevertCorrection(split_.id, "it was Ryad after all").ok());
  EXPECT_EQ(PersonOf("R. A. Mezzour"), original_);
}

}  // namespace
}  // namespace presskg::ingest
