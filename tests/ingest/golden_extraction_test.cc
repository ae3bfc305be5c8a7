// Golden files: tests/data/corpus/{seed,dev}/NAME.(fr|en).txt with NAME.gold.tsv. Adding a case
// needs a text and a gold file, no C++.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <span>

#include "graph/relation_schema.h"
#include "ingest/eval/evaluate.h"
#include "ingest/eval/gold.h"
#include "ingest/extract/extractor.h"
#include "ingest/reader/text_reader.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

namespace fs = std::filesystem;

fs::path CorpusDir(const std::string& part) {
  return testing::SourceDir() / "tests" / "data" / "corpus" / part;
}

std::vector<std::string> ListDocuments(const std::string& part) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(CorpusDir(part), ec)) {
    const std::string n = entry.path().filename().string();
    if (n.ends_with(".fr.txt") || n.ends_with(".en.txt")) out.push_back(part + "/" + n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Extracts one corpus document and scores it against its gold file.
DocumentEval Score(const std::string& relative) {
  const fs::path path = testing::SourceDir() / "tests" / "data" / "corpus" / relative;
  const std::string name = path.filename().string();
  const fs::path gold_path = path.parent_path() / (name.substr(0, name.size() - 7) + ".gold.tsv");
  Result<RawDocument> doc = ParseTextDocument(name, testing::ReadFileOrEmpty(path));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Result<GoldFile> gold = ParseGold(testing::ReadFileOrEmpty(gold_path));
  EXPECT_TRUE(gold.ok()) << gold.status().ToString();
  if (!doc.ok() || !gold.ok()) return {};
  Result<graph::DocumentGraph> graph = ExtractDocument(*doc);
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  if (!graph.ok()) return {};
  EvalReport report;
  EvaluateDocument(name, *graph, *gold, &report);
  return report.documents.front();
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "\n    " + l;
  return out;
}

// The seed: every must fact, in both languages; no distractor stated.
class SeedGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SeedGoldenTest, ExtractsEveryMustFact) {
  const DocumentEval eval = Score(GetParam());
  EXPECT_TRUE(eval.missed_must.empty()) << GetParam() << " missed:" << Join(eval.missed_must);
}

TEST_P(SeedGoldenTest, StatesNoDistractor) {
  const DocumentEval eval = Score(GetParam());
  EXPECT_TRUE(eval.distractor_hits.empty()) << Join(eval.distractor_hits);
}

std::string TestName(const ::testing::TestParamInfo<std::string>& param_info) {
  std::string n = param_info.param.substr(param_info.param.find('/') + 1);
  for (char& c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Corpus, SeedGoldenTest, ::testing::ValuesIn(ListDocuments("seed")),
                         TestName);

// The dev corpus: no distractor may come out as stated.
class DevGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DevGoldenTest, StatesNoDistractor) {
  const DocumentEval eval = Score(GetParam());
  EXPECT_TRUE(eval.distractor_hits.empty()) << GetParam() << Join(eval.distractor_hits);
}

INSTANTIATE_TEST_SUITE_P(Corpus, DevGoldenTest, ::testing::ValuesIn(ListDocuments("dev")),
                         TestName);

// Per-language floors at the level reached (raise them as the rules improve; a regression
// fails). Prints the figures.
struct Floor {
  const char* lang;
  double precision;
  double recall;
};
// Measured 2026-11-27 after the recall work (ownership, supply, sites, sectors, topic and pair
// coreference): fr P 0.993 R 0.924, en P 0.993 R 0.943 (must + should).
constexpr Floor kDevFloors[] = {{"fr", 0.985, 0.92}, {"en", 0.985, 0.94}};

TEST(DevGoldenCorpus, MeetsPerLanguageFloors) {
  Result<EvalReport> report = EvaluateCorpus(CorpusDir("dev").string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const bool verbose = std::getenv("PRESSKG_EVAL_VERBOSE") != nullptr;
  std::cout << FormatEvalReport(*report, verbose);
  for (const Floor& floor : kDevFloors) {
    const EvalCounts& c = report->by_lang[floor.lang];
    EXPECT_GE(c.Precision(), floor.precision) << floor.lang;
    EXPECT_GE(c.Recall(), floor.recall) << floor.lang;
  }
}

// Scores the corpus folder `dir` (relative to the source tree), prints the figures, and checks
// its document count, the per-language floors and that no distractor comes out as stated.
void ExpectCorpusFloors(const fs::path& dir, std::size_t documents, std::span<const Floor> floors) {
  Result<EvalReport> report = EvaluateCorpus((testing::SourceDir() / dir).string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->documents.size(), documents);
  std::cout << FormatEvalReport(*report, std::getenv("PRESSKG_EVAL_VERBOSE") != nullptr);
  for (const Floor& floor : floors) {
    const EvalCounts& c = report->by_lang[floor.lang];
    EXPECT_GE(c.Precision(), floor.precision) << floor.lang;
    EXPECT_GE(c.Recall(), floor.recall) << floor.lang;
  }
  for (const DocumentEval& d : report->documents) {
    EXPECT_TRUE(d.distractor_hits.empty()) << d.name << Join(d.distractor_hits);
  }
}

// The held-out corpus (tests/data/heldout): 12 documents written after the rules were tuned on
// dev and never used to tune them, so its figures measure generalisation. Rules must not be
// added to catch its misses; the floors only stop a regression.
// Measured 2026-11-27: before any fix fr P 0.886 R 0.429, en P 0.786 R 0.340; after the
// false-positive fixes (plan cue "prévoit de", family names, vague descriptors, French
// "de la" names, first subject owns "its") fr P 1.000 R 0.473, en P 0.975 R 0.402.
constexpr Floor kHeldoutFloors[] = {{"fr", 0.95, 0.47}, {"en", 0.94, 0.43}};

TEST(HeldoutGoldenCorpus, MeetsPerLanguageFloorsAndStatesNoDistractor) {
  ExpectCorpusFloors(fs::path("tests") / "data" / "heldout", 12, kHeldoutFloors);
}

// The second development corpus (tests/data/corpus/dev2): 20 documents written without reading
// the rules, used to develop general rules after dev. Measured 2026-11-27: before any rule was
// written from it fr P 0.652 R 0.259, en P 0.735 R 0.341; after, fr P 0.881 R 0.511,
// en P 0.839 R 0.553 (must + should).
constexpr Floor kDev2Floors[] = {{"fr", 0.85, 0.49}, {"en", 0.82, 0.53}};

TEST(Dev2GoldenCorpus, MeetsPerLanguageFloorsAndStatesNoDistractor) {
  ExpectCorpusFloors(fs::path("tests") / "data" / "corpus" / "dev2", 20, kDev2Floors);
}

// The third development corpus (tests/data/corpus/dev3): 20 more documents written without
// reading the rules, in wire, trade-press and press-release styles. Measured 2026-11-27 before any
// rule was written from it: fr P 0.683 R 0.337, en P 0.726 R 0.440; after: fr P 0.783
// R 0.434, en P 0.810 R 0.537.
constexpr Floor kDev3Floors[] = {{"fr", 0.76, 0.42}, {"en", 0.79, 0.51}};

TEST(Dev3GoldenCorpus, MeetsPerLanguageFloorsAndStatesNoDistractor) {
  ExpectCorpusFloors(fs::path("tests") / "data" / "corpus" / "dev3", 20, kDev3Floors);
}

// The second held-out corpus (tests/data/heldout2): 12 documents written without reading the rules
// or any training text; never used to write rules. Measured 2026-11-27: at 0477bbe fr P 0.794
// R 0.417, en P 0.753 R 0.483; at the end of that day fr P 0.836 R 0.508, en P 0.824 R 0.583.
constexpr Floor kHeldout2Floors[] = {{"fr", 0.81, 0.49}, {"en", 0.80, 0.56}};

TEST(Heldout2GoldenCorpus, MeetsPerLanguageFloorsAndStatesNoDistractor) {
  ExpectCorpusFloors(fs::path("tests") / "data" / "heldout2", 12, kHeldout2Floors);
}

// The fourth development corpus (tests/data/corpus/dev4), first measured before any rule was
// written from it (2026-11-27, 026973e): fr P 0.825 R 0.465, en P 0.792 R 0.471.
// After rules developed on it (7fe0906): fr P 0.853 R 0.545, en P 0.824 R 0.557.
constexpr Floor kDev4Floors[] = {{"fr", 0.83, 0.52}, {"en", 0.80, 0.53}};

TEST(Dev4GoldenCorpus, MeetsPerLanguageFloorsAndStatesNoDistractor) {
  ExpectCorpusFloors(fs::path("tests") / "data" / "corpus" / "dev4", 20, kDev4Floors);
}

TEST(SeedGoldenCorpus, PrintsFigures) {
  Result<EvalReport> report = EvaluateCorpus(CorpusDir("seed").string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::cout << FormatEvalReport(*report, std::getenv("PRESSKG_EVAL_VERBOSE") != nullptr);
}

}  // namespace
}  // namespace presskg::ingest

namespace presskg::ingest {
namespace {

// PRESSKG_EXTRACT_DUMP=tests/data/corpus/dev/01.fr.txt prints every fact extracted from a file.
TEST(GoldenDebug, DumpsFactsOfOneFile) {
  const char* file = std::getenv("PRESSKG_EXTRACT_DUMP");
  if (file == nullptr) GTEST_SKIP() << "set PRESSKG_EXTRACT_DUMP to a corpus file";
  const fs::path path = testing::SourceDir() / file;
  Result<RawDocument> doc =
      ParseTextDocument(path.filename().string(), testing::ReadFileOrEmpty(path));
  ASSERT_TRUE(doc.ok());
  Result<graph::DocumentGraph> g = ExtractDocument(*doc);
  ASSERT_TRUE(g.ok());
  for (std::size_t i = 0; i < g->entities.size(); ++i) {
    std::cout << "entity " << i << " " << graph::NodeKindName(g->entities[i].kind) << " '"
              << g->entities[i].name << "'";
    for (const auto& a : g->entities[i].aliases) std::cout << " / " << a;
    std::cout << "\n";
  }
  auto name = [&](graph::EntityIndex i) {
    return i == graph::kThisDocument ? std::string("(doc)") : g->entities[i].name;
  };
  const auto& schema = graph::RelationSchema::Builtin();
  for (const auto& f : g->facts) {
    if (schema.Get(f.relation)->name == "mentions") continue;
    std::cout << graph::FactStatusName(f.evidence.status) << "\t" << name(f.subject) << "\t"
              << schema.Get(f.relation)->name << "\t" << name(f.object) << "\t" << f.evidence.rule;
    for (const auto& [k, v] : f.properties) {
      if (k != "quote") std::cout << " " << k << "=" << v;
    }
    std::cout << "\n";
  }
  for (const auto& l : g->literals) {
    std::cout << graph::FactStatusName(l.evidence.status) << "\t" << name(l.subject) << "\t"
              << l.type << "\t" << l.value << "\t" << l.evidence.rule << "\n";
  }
}

}  // namespace
}  // namespace presskg::ingest
