// Cross-language resolution on the translated pairs: committing the French document alone and
// then with its English version must give the same entities (documents aside).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "graph/graph_store.h"
#include "ingest/pipeline.h"
#include "ingest/reader/text_reader.h"
#include "ingest/resolve/person_resolver.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

namespace fs = std::filesystem;
using graph::NodeKind;

// Pairs required to resolve fully. The others are reported (skipped) with the names that only
// the English version gives, which today come from the extractor (README: "Translated pairs").
const std::set<std::string> kResolvedPairs = {"seed/avl-maroc"};

fs::path CorpusFile(const std::string& stem, const std::string& lang) {
  return testing::SourceDir() / "tests" / "data" / "corpus" / (stem + "." + lang + ".txt");
}

Result<graph::CommitResult> Ingest(graph::GraphStore* store, const fs::path& path) {
  PRESSKG_ASSIGN_OR_RETURN(
      RawDocument raw,
      ParseTextDocument(path.filename().string(), testing::ReadFileOrEmpty(path)));
  PRESSKG_ASSIGN_OR_RETURN(graph::DocumentGraph doc, BuildDocumentGraph(raw));
  PRESSKG_RETURN_IF_ERROR(ResolvePersonsAgainstStore(*store->Snapshot(), &doc));
  return store->CommitDocument(doc);
}

std::map<NodeKind, std::uint64_t> EntityCounts(const graph::GraphStore& store) {
  std::map<NodeKind, std::uint64_t> counts = (*store.Snapshot()->GetStats()).nodes_by_kind;
  counts.erase(NodeKind::kDocument);
  return counts;
}

// Entities only `document` names, as "kind: label".
std::vector<std::string> OnlyIn(const graph::GraphStore& store, graph::NodeId document) {
  std::vector<std::string> out;
  Status s = store.Snapshot()->ForEachNode([&](const graph::Node& node) {
    if (node.kind == NodeKind::kDocument) return true;
    bool only = !node.aliases.empty();
    for (const graph::Alias& alias : node.aliases) {
      for (graph::NodeId d : alias.documents) only = only && d == document;
    }
    if (only) out.push_back(std::string(graph::NodeKindName(node.kind)) + ": " + node.label);
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::sort(out.begin(), out.end());
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n    " + line;
  return out;
}

class TranslatedPairTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TranslatedPairTest, EnglishVersionAddsNoEntity) {
  const std::string stem = GetParam();
  testing::TempDir dir;
  Result<std::unique_ptr<graph::GraphStore>> alone = graph::GraphStore::Open(dir.Sub("alone"));
  Result<std::unique_ptr<graph::GraphStore>> both = graph::GraphStore::Open(dir.Sub("both"));
  ASSERT_TRUE(alone.ok() && both.ok());
  ASSERT_TRUE(Ingest(alone->get(), CorpusFile(stem, "fr")).ok());
  ASSERT_TRUE(Ingest(both->get(), CorpusFile(stem, "fr")).ok());
  Result<graph::CommitResult> en = Ingest(both->get(), CorpusFile(stem, "en"));
  ASSERT_TRUE(en.ok()) << en.status().ToString();

  const std::vector<std::string> added = OnlyIn(**both, en->document);
  const bool same = EntityCounts(**alone) == EntityCounts(**both) && added.empty();
  if (kResolvedPairs.count(stem) == 0) {
    if (same) {
      GTEST_SKIP() << stem << " resolves fully (not required yet: kResolvedPairs)";
    }
    GTEST_SKIP() << stem << ": entities only the English version names:" << Join(added);
  }
  EXPECT_EQ(EntityCounts(**alone), EntityCounts(**both));
  EXPECT_TRUE(added.empty()) << "entities only the English version names:" << Join(added);
}

INSTANTIATE_TEST_SUITE_P(Corpus, TranslatedPairTest,
                         ::testing::Values("seed/avl-maroc", "dev/01", "dev/02", "dev/03",
                                           "dev/04", "dev/05", "dev/06", "dev/07", "dev/08"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '/', '_');
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace presskg::ingest
