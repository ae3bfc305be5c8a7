#include <gtest/gtest.h>

#include "graph/relation_schema.h"
#include "ingest/eval/evaluate.h"
#include "ingest/eval/gold.h"

namespace presskg::ingest {
namespace {

constexpr char kGold[] =
    "# level\tsubject\trelation\tobject\tproperties\n"
    "must\tAVL Maroc\tsubsidiary_of\tAVL France\n"
    "must\tGroupe AVL | AVL Group\tsigned_agreement_with\tministère de l'Industrie | Ministry\t"
    "{\"agreement_type\": \"MoU\"}\n"
    "should\tAVL Maroc\temployees\t120\t\n"
    "must\tR Mezzour\tquoted_in\t(this document)\n"
    "must\tX\trevenue\t1,8 Md€ | EUR 1.8bn\t{\"value\": 1800000000, \"currency\": \"EUR\"}\n"
    "# distractor: AVL Maroc\tacquired\tCablinor\tnegated\n";

TEST(EvalGold, ParsesRowsVariantsLiteralsAndDistractors) {
  Result<GoldFile> gold = ParseGold(kGold);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->facts.size(), 5U);
  EXPECT_EQ(gold->facts[1].subject, (std::vector<std::string>{"Groupe AVL", "AVL Group"}));
  EXPECT_EQ(gold->facts[1].properties, "{\"agreement_type\": \"MoU\"}");
  EXPECT_EQ(gold->facts[2].level, "should");
  EXPECT_EQ(gold->facts[2].values, std::vector<double>{120});
  EXPECT_EQ(gold->facts[4].values, std::vector<double>{1.8e9});
  ASSERT_EQ(gold->distractors.size(), 1U);
  EXPECT_EQ(gold->distractors[0].relation, "acquired");
}

TEST(EvalGold, RejectsShortRows) {
  EXPECT_FALSE(ParseGold("must\tA\tsubsidiary_of\n").ok());
}

graph::EntityInput Entity(const std::string& name, graph::NodeKind kind) {
  graph::EntityInput e;
  e.name = name;
  e.kind = kind;
  return e;
}

TEST(EvalGold, ScoresMatchesMissesAndDistractors) {
  const auto& schema = graph::RelationSchema::Builtin();
  graph::DocumentGraph g;
  g.document.lang = "fr";
  g.entities = {Entity("AVL MAROC S.A.", graph::NodeKind::kOrganization),
                Entity("AVL France", graph::NodeKind::kOrganization),
                Entity("Ministry", graph::NodeKind::kOrganization),
                Entity("AVL Group", graph::NodeKind::kOrganization),
                Entity("Cablinor", graph::NodeKind::kOrganization)};
  auto fact = [&](graph::EntityIndex s, const char* r, graph::EntityIndex o,
                  graph::FactStatus status = graph::FactStatus::kStated) {
    graph::FactInput f;
    f.subject = s;
    f.relation = schema.Find(r)->id;
    f.object = o;
    f.evidence.status = status;
    g.facts.push_back(f);
  };
  fact(0, "subsidiary_of", 1);
  fact(2, "signed_agreement_with", 3);  // symmetric: either order
  fact(0, "acquired", 4);               // distractor
  fact(0, "owns", 4, graph::FactStatus::kDenied);  // not stated: ignored
  graph::LiteralInput employees;
  employees.subject = 0;
  employees.type = "employees";
  employees.value = 120;
  g.literals.push_back(employees);
  Result<GoldFile> gold = ParseGold(kGold);
  ASSERT_TRUE(gold.ok());
  EvalReport report;
  EvaluateDocument("avl.fr.txt", g, *gold, &report);
  EXPECT_EQ(report.total.true_positives, 3);
  EXPECT_EQ(report.total.false_positives, 1);
  EXPECT_EQ(report.total.false_negatives, 2);
  ASSERT_EQ(report.documents.size(), 1U);
  EXPECT_EQ(report.documents[0].distractor_hits.size(), 1U);
  EXPECT_EQ(report.documents[0].missed_must.size(), 2U);
  EXPECT_EQ(report.by_lang["fr"].true_positives, 3);
  EXPECT_NE(FormatEvalReport(report, true).find("DISTRACTOR"), std::string::npos);
}

}  // namespace
}  // namespace presskg::ingest
