// RELX (tests/data/relx, MIT): parsing, and the extractor's recall per mapped label and its
// precision on no_relation sentences, French and English. Set PRESSKG_EVAL_VERBOSE=1 to list
// every miss and false positive.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "ingest/eval/relx.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

constexpr char kRelx[] =
    "17647\t\"The <e1> Sacramento Heatwave </e1> is a team based in Sacramento <e2> California "
    "</e2>.\"\n"
    "org:stateorprovince_of_headquarters(e1,e2)\n\n\n"
    "17699\t\"In <e1> 1995 </e1> , Hill Samuel became a subsidiary of <e2> Lloyds TSB </e2> .\"\n"
    "no_relation\n\n";

TEST(RelxParse, StripsMarkersAndReadsDirection) {
  Result<std::vector<RelxSentence>> s = ParseRelx(kRelx);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2U);
  EXPECT_EQ((*s)[0].id, "17647");
  EXPECT_EQ((*s)[0].text, "The Sacramento Heatwave is a team based in Sacramento California.");
  EXPECT_EQ((*s)[0].e1, "Sacramento Heatwave");
  EXPECT_EQ((*s)[0].e2, "California");
  EXPECT_EQ((*s)[0].label, "org:stateorprovince_of_headquarters");
  EXPECT_FALSE((*s)[0].reversed);
  EXPECT_EQ((*s)[1].label, "no_relation");
  EXPECT_EQ((*s)[1].text, "In 1995, Hill Samuel became a subsidiary of Lloyds TSB.");
}

TEST(RelxParse, RejectsMalformedBlocks) {
  EXPECT_FALSE(ParseRelx("17647\tno quotes\nno_relation\n").ok());
  EXPECT_FALSE(ParseRelx("17647\t\"<e3> X </e3>\"\nno_relation\n").ok());
  EXPECT_FALSE(ParseRelxMapping("org:subsidiaries\tsubsidiary_of\tthird\n").ok());
}

TEST(RelxEvaluate, ScoresTheMappedDirection) {
  const std::vector<RelxMapping> map = {{"org:subsidiaries", {"subsidiary_of"}, true}};
  RelxSentence s;
  s.id = "1";
  s.text = "AVL Maroc, filiale d'AVL France, emploie 120 personnes.";
  s.e1 = "AVL France";
  s.e2 = "AVL Maroc";
  s.label = "org:subsidiaries";
  RelxReport right = EvaluateRelx({s}, map, "fr");
  EXPECT_EQ(right.mapped.found, 1);
  std::swap(s.e1, s.e2);  // now e2 would be the parent: the fact does not match
  RelxReport wrong = EvaluateRelx({s}, map, "fr");
  EXPECT_EQ(wrong.mapped.found, 0);
  EXPECT_EQ(wrong.misses.size(), 1U);
}

// The whole dataset in both languages; prints the figures. Floors at the level reached.
TEST(RelxCorpus, PrintsRecallPerLabelAndNoRelationPrecision) {
  const auto dir = testing::SourceDir() / "tests" / "data" / "relx";
  Result<std::vector<RelxMapping>> map =
      ParseRelxMapping(testing::ReadFileOrEmpty(dir / "label_map.tsv"));
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  const bool verbose = std::getenv("PRESSKG_EVAL_VERBOSE") != nullptr;
  for (const std::string lang : {"en", "fr"}) {
    Result<std::vector<RelxSentence>> sentences =
        ParseRelx(testing::ReadFileOrEmpty(dir / ("RELX_" + lang + ".txt")));
    ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
    ASSERT_GE(sentences->size(), 495U);  // 502 rows, a few with an empty marked entity
    const RelxReport report = EvaluateRelx(*sentences, *map, lang);
    std::cout << FormatRelxReport(report, verbose);
    EXPECT_GT(report.mapped.sentences, 200) << lang;
    EXPECT_GT(report.no_relation, 60) << lang;
  }
}

}  // namespace
}  // namespace presskg::ingest
