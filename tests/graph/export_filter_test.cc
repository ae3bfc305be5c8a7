#include <gtest/gtest.h>

#include <sstream>

#include "graph/export/export.h"
#include "tests/graph/export_test_graph.h"

namespace presskg::graph::export_testing {
namespace {

class ExportFilterTest : public ExportTestGraph {
 protected:
  // The GraphML export with `filter`, checked against the schema.
  std::string Export(const ExportFilter& filter) {
    std::ostringstream out;
    Status status = ExportGraph(*snapshot_, ExportFormat::kGraphml, filter, out);
    EXPECT_TRUE(status.ok()) << status.ToString();
    std::string file = dir_.Sub("filtered-" + std::to_string(++exports_) + ".graphml");
    presskg::testing::WriteFile(file, out.str());
    presskg::testing::CommandResult lint = Xmllint(file, true);
    EXPECT_EQ(lint.exit_code, 0) << lint.err;
    return out.str();
  }

  // The node ids and edge ids an export holds, in order.
  static std::vector<std::string> Ids(const std::string& text, const std::string& element) {
    std::vector<std::string> ids;
    std::string open = "<" + element + " id=\"";
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
      at += open.size();
      ids.push_back(text.substr(at, text.find('"', at) - at));
    }
    return ids;
  }
  static std::vector<std::string> NodeIds(std::vector<NodeId> ids) {
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> out;
    for (NodeId id : ids) out.push_back(std::to_string(id));
    return out;
  }
  static std::vector<std::string> EdgeIds(std::vector<EdgeKey> keys) {
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> out;
    for (const EdgeKey& key : keys) out.push_back(EdgeId(key));
    return out;
  }

  int exports_ = 0;
};

TEST_F(ExportFilterTest, NodesAloneBringTheEdgesBetweenThem) {
  ExportFilter filter;
  filter.nodes = {jane(), att(), quoted(), jane()};
  std::string text = Export(filter);
  EXPECT_EQ(Ids(text, "node"), NodeIds({jane(), att(), quoted()}));
  EXPECT_EQ(Ids(text, "edge"),
            EdgeIds({Key(quoted(), "subsidiary_of", att()), Key(quoted(), "supplier_of", att()),
                     Key(jane(), "has_role_at", att())}));
}

TEST_F(ExportFilterTest, EdgesAloneBringTheirEndpoints) {
  ExportFilter filter;
  filter.edges = {Key(cafe(), "partner_of", amal())};
  std::string text = Export(filter);
  EXPECT_EQ(Ids(text, "node"), NodeIds({cafe(), amal()}));
  EXPECT_EQ(Ids(text, "edge"), EdgeIds({Key(cafe(), "partner_of", amal())}));
}

TEST_F(ExportFilterTest, NodesAndEdgesTogetherKeepOnlyTheListedEdges) {
  ExportFilter filter;
  filter.nodes = {att(), quoted(), casablanca()};
  filter.edges = {Key(att(), "located_in", casablanca()), Key(hebrew(), "has_client", bad())};
  std::string text = Export(filter);
  EXPECT_EQ(Ids(text, "node"), NodeIds({att(), quoted(), casablanca(), hebrew(), bad()}));
  EXPECT_EQ(Ids(text, "edge"),
            EdgeIds({Key(att(), "located_in", casablanca()), Key(hebrew(), "has_client", bad())}));
}

TEST_F(ExportFilterTest, DocumentsStayOutUnlessIncluded) {
  const NodeId doc1 = documents_[0];
  ExportFilter filter;
  filter.nodes = {doc1, jane(), att()};
  std::string text = Export(filter);
  EXPECT_EQ(Ids(text, "node"), NodeIds({jane(), att()}));
  EXPECT_EQ(Ids(text, "edge"), EdgeIds({Key(jane(), "has_role_at", att())}));

  filter.include_documents = true;
  text = Export(filter);
  EXPECT_EQ(Ids(text, "node"), NodeIds({doc1, jane(), att()}));
  EXPECT_EQ(Ids(text, "edge"),
            EdgeIds({Key(jane(), "has_role_at", att()), Key(doc1, "mentions", att()),
                     Key(jane(), "quoted_in", doc1)}));
  EXPECT_NE(text.find(">https://example.com/doc1?a=1&amp;b=2</data>"), std::string::npos);
}

TEST_F(ExportFilterTest, AListedDocumentEdgeIsDroppedWithoutDocuments) {
  ExportFilter filter;
  filter.edges = {Key(documents_[0], "mentions", att())};
  std::string text = Export(filter);
  EXPECT_TRUE(Ids(text, "node").empty());
  EXPECT_TRUE(Ids(text, "edge").empty());
}

TEST_F(ExportFilterTest, EmptyListsGiveAnEmptyGraph) {
  ExportFilter filter;
  filter.nodes = std::vector<NodeId>{};
  std::string text = Export(filter);
  EXPECT_TRUE(Ids(text, "node").empty());
  EXPECT_NE(text.find("</graphml>"), std::string::npos);
}

TEST_F(ExportFilterTest, MissingNodesAndEdgesAreNotFound) {
  std::ostringstream out;
  ExportFilter filter;
  filter.nodes = {att(), 999999};
  Status status = ExportGraph(*snapshot_, ExportFormat::kGexf, filter, out);
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  EXPECT_NE(status.message().find("999999"), std::string::npos);

  filter.nodes.reset();
  filter.edges = {Key(att(), "has_client", casablanca())};
  status = ExportGraph(*snapshot_, ExportFormat::kGraphml, filter, out);
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace presskg::graph::export_testing
