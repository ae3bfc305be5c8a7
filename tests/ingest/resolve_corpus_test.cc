// Cross-language resolution on the translated pairs: committing one version alone and then with
// the other must give the same entities (documents aside), in both orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "graph/graph_store.h"
#include "ingest/pipeline.h"
#include "ingest/reader/text_reader.h"
#include "ingest/resolve/person_resolver.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

namespace fs = std::filesystem;
using graph::NodeKind;

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

class TranslatedPairTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Commits the `first` version alone in one store, `first` then `second` in another, and
  // expects the second version to add no entity.
  void ExpectSecondAddsNothing(const std::string& first, const std::string& second) {
    const std::string stem = GetParam();
    testing::TempDir dir;
    Result<std::unique_ptr<graph::GraphStore>> alone = graph::GraphStore::Open(dir.Sub("alone"));
    Result<std::unique_ptr<graph::GraphStore>> both = graph::GraphStore::Open(dir.Sub("both"));
    ASSERT_TRUE(alone.ok() && both.ok());
    ASSERT_TRUE(Ingest(alone->get(), CorpusFile(stem, first)).ok());
    ASSERT_TRUE(Ingest(both->get(), CorpusFile(stem, first)).ok());
    Result<graph::CommitResult> added_doc = Ingest(both->get(), CorpusFile(stem, second));
    ASSERT_TRUE(added_doc.ok()) << added_doc.status().ToString();

    const std::vector<std::string> added = OnlyIn(**both, added_doc->document);
    EXPECT_EQ(EntityCounts(**alone), EntityCounts(**both)) << stem << ": " << first << ", then "
                                                            << second;
    EXPECT_TRUE(added.empty()) << stem << ": entities only the " << second
                               << " version names:" << Join(added);
  }
};

TEST_P(TranslatedPairTest, EnglishVersionAddsNoEntity) { ExpectSecondAddsNothing("fr", "en"); }

TEST_P(TranslatedPairTest, FrenchVersionAddsNoEntity) { ExpectSecondAddsNothing("en", "fr"); }

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
