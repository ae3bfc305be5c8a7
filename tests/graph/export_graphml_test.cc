#include <gtest/gtest.h>

#include <sstream>

#include "graph/export/export.h"
#include "tests/graph/export_test_graph.h"

namespace presskg::graph::export_testing {
namespace {

using presskg::testing::CommandResult;

class ExportGraphmlTest : public ExportTestGraph {
 protected:
  // The GraphML export of the store with `filter`, also written to a file; "" on failure.
  std::string Export(const ExportFilter& filter, const std::string& file) {
    std::ostringstream out;
    Status status = ExportGraph(*snapshot_, ExportFormat::kGraphml, filter, out);
    EXPECT_TRUE(status.ok()) << status.ToString();
    presskg::testing::WriteFile(dir_.Sub(file), out.str());
    return out.str();
  }

  // Skips the calling test when /usr/bin/python3 lacks networkx or igraph.
  static bool PythonGraphLibrariesPresent() {
    return presskg::testing::RunCommand(std::string(kPython) + " -c 'import networkx, igraph'")
               .exit_code == 0;
  }
};

TEST_F(ExportGraphmlTest, ValidatesAgainstTheGraphmlSchema) {
  for (bool documents : {false, true}) {
    ExportFilter filter;
    filter.include_documents = documents;
    std::string file = documents ? "with-documents.graphml" : "entities.graphml";
    Export(filter, file);
    CommandResult lint = Xmllint(dir_.Sub(file), true);
    EXPECT_EQ(lint.exit_code, 0) << lint.err;
  }
}

TEST_F(ExportGraphmlTest, DeclaresTypedKeysAndADirectedGraph) {
  std::string text = Export({}, "g.graphml");
  EXPECT_NE(text.find("<key id=\"n_label\" for=\"node\" attr.name=\"label\" "
                      "attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("<key id=\"n_employees\" for=\"node\" attr.name=\"employees\" "
                      "attr.type=\"long\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("<key id=\"e_sources\" for=\"edge\" attr.name=\"sources\" "
                      "attr.type=\"int\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("<key id=\"e_symmetric\" for=\"edge\" attr.name=\"symmetric\" "
                      "attr.type=\"boolean\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("<key id=\"e_share_pct\" for=\"edge\" attr.name=\"share_pct\" "
                      "attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("<graph id=\"presskg\" edgedefault=\"directed\">"), std::string::npos);
}

TEST_F(ExportGraphmlTest, EscapesMarkupAndDropsForbiddenCharacters) {
  std::string text = Export({}, "g.graphml");
  EXPECT_NE(text.find(">AT&amp;T &lt;Inc&gt;</data>"), std::string::npos);
  EXPECT_NE(text.find(">\"Quoted\" Co, Ltd</data>"), std::string::npos);
  EXPECT_NE(text.find(">Line\nBreak SA</data>"), std::string::npos);
  EXPECT_NE(text.find("Tab\tand CR&#13;\nLF</data>"), std::string::npos);
  EXPECT_NE(text.find(">Café 🚀 Rocket</data>"), std::string::npos);
  EXPECT_NE(text.find(">شركة الأمل</data>"), std::string::npos);
  EXPECT_NE(text.find(">חברת אור</data>"), std::string::npos);
  EXPECT_NE(text.find(">BadName</data>"), std::string::npos);
  EXPECT_EQ(text.find('\x01'), std::string::npos);
  EXPECT_EQ(text.find('\x0b'), std::string::npos);
}

TEST_F(ExportGraphmlTest, LoadsInNetworkxAndIgraphWithTheStoreValues) {
  if (!PythonGraphLibrariesPresent()) {
    GTEST_SKIP() << kPython << " lacks networkx or igraph (Debian python3-networkx, "
                 << "python3-igraph)";
  }
  for (bool documents : {false, true}) {
    ExportFilter filter;
    filter.include_documents = documents;
    std::string file = documents ? "with-documents.graphml" : "entities.graphml";
    Export(filter, file);
    Expectation expected = Expect(documents);
    EXPECT_EQ(expected.node_count, documents ? 12U : 9U);
    EXPECT_EQ(expected.edge_count, documents ? 10U : 8U);
    CommandResult check = RunChecker("graphml", dir_.Sub(file), expected, dir_);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
}

TEST_F(ExportGraphmlTest, AFilterListingEveryNodeGivesTheSameBytesAsTheWholeGraph) {
  std::vector<NodeId> all;
  ASSERT_TRUE(snapshot_
                  ->ForEachNode([&](const Node& node) {
                    all.push_back(node.id);
                    return true;
                  })
                  .ok());
  for (bool documents : {false, true}) {
    ExportFilter whole;
    whole.include_documents = documents;
    ExportFilter listed = whole;
    listed.nodes = all;
    EXPECT_EQ(Export(whole, "whole.graphml"), Export(listed, "listed.graphml"));
  }
}

TEST_F(ExportGraphmlTest, WritesToAFileAndReportsAnUnwritableOne) {
  std::string path = dir_.Sub("out.graphml");
  ASSERT_TRUE(ExportGraphToPath(*snapshot_, ExportFormat::kGraphml, {}, path).ok());
  EXPECT_EQ(presskg::testing::ReadFileOrEmpty(path), Export({}, "again.graphml"));
  Status status =
      ExportGraphToPath(*snapshot_, ExportFormat::kGraphml, {}, dir_.Sub("missing/dir/x.graphml"));
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find("missing/dir/x.graphml"), std::string::npos);
}

}  // namespace
}  // namespace presskg::graph::export_testing
