#include <gtest/gtest.h>

#include <sstream>

#include "graph/export/export.h"
#include "tests/graph/export_test_graph.h"

namespace presskg::graph::export_testing {
namespace {

using presskg::testing::CommandResult;
using presskg::testing::ReadFileOrEmpty;

const std::vector<std::string> kNodeHeader = {"id:ID",    ":LABEL",   "name",   "kind",
                                              "label_fr", "label_en", "aliases"};
const std::vector<std::string> kEdgeHeader = {
    ":START_ID",   ":END_ID",    ":TYPE",     "relation", "label_fr",        "label_en",
    "sources:int", "first_seen", "last_seen", "status",   "confidence:float"};

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string Joined(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) out += (out.empty() ? "" : ",") + field;
  return out;
}

class ExportCsvTest : public ExportTestGraph {};

TEST_F(ExportCsvTest, WritesNeo4jImportFilesThatRoundTrip) {
  for (bool documents : {false, true}) {
    ExportFilter filter;
    filter.include_documents = documents;
    std::string dir = dir_.Sub(documents ? "with-documents" : "entities");
    Status status = ExportGraphToPath(*snapshot_, ExportFormat::kCsv, filter, dir);
    ASSERT_TRUE(status.ok()) << status.ToString();
    Expectation expected = Expect(documents);
    expected.node_header = kNodeHeader;
    expected.edge_header = kEdgeHeader;
    CommandResult check = RunChecker("csv", dir, expected, dir_);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
}

TEST_F(ExportCsvTest, HeadersStartWithTheNeo4jFieldsAndFieldsAreQuotedPerRfc4180) {
  std::ostringstream nodes;
  std::ostringstream relationships;
  ASSERT_TRUE(ExportCsv(*snapshot_, {}, nodes, relationships).ok());
  EXPECT_EQ(FirstLine(nodes.str()).rfind(Joined(kNodeHeader) + ",", 0), 0U) << nodes.str();
  EXPECT_EQ(FirstLine(relationships.str()).rfind(Joined(kEdgeHeader) + ",", 0), 0U);
  EXPECT_NE(nodes.str().find(std::to_string(quoted()) +
                             ",Organization,\"\"\"Quoted\"\" Co, Ltd\",organization,"),
            std::string::npos)
      << nodes.str();
  EXPECT_NE(nodes.str().find(",\"Line\nBreak SA\","), std::string::npos);
  EXPECT_NE(nodes.str().find(",AT&T <Inc>,"), std::string::npos);
  EXPECT_NE(nodes.str().find(",BadName,"), std::string::npos);
  EXPECT_NE(relationships.str().find(std::to_string(quoted()) + "," + std::to_string(att()) +
                                     ",SUBSIDIARY_OF,subsidiary_of,filiale de,subsidiary of,1,"),
            std::string::npos)
      << relationships.str();
}

TEST_F(ExportCsvTest, TheStreamAndDirectoryVariantsAgree) {
  std::ostringstream nodes;
  std::ostringstream relationships;
  ASSERT_TRUE(ExportCsv(*snapshot_, {}, nodes, relationships).ok());
  std::string dir = dir_.Sub("csv");
  ASSERT_TRUE(ExportGraphToPath(*snapshot_, ExportFormat::kCsv, {}, dir).ok());
  EXPECT_EQ(ReadFileOrEmpty(dir + "/nodes.csv"), nodes.str());
  EXPECT_EQ(ReadFileOrEmpty(dir + "/relationships.csv"), relationships.str());
}

TEST_F(ExportCsvTest, OneStreamIsRefusedForCsv) {
  std::ostringstream out;
  Status status = ExportGraph(*snapshot_, ExportFormat::kCsv, {}, out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace presskg::graph::export_testing
