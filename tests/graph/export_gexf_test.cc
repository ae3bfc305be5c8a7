#include <gtest/gtest.h>

#include <sstream>

#include "graph/export/export.h"
#include "tests/graph/export_test_graph.h"

namespace presskg::graph::export_testing {
namespace {

using presskg::testing::CommandResult;
using Span = std::pair<std::string, std::string>;

// The xsd:date span of the store dates this graph uses: a day, or the whole of January 2023.
std::optional<Span> SpanOf(const std::string& first, const std::string& last) {
  auto start = [](const std::string& date) { return date == "2023-01" ? "2023-01-01" : date; };
  auto end = [](const std::string& date) { return date == "2023-01" ? "2023-01-31" : date; };
  if (first.empty()) return std::nullopt;
  return Span{start(first), end(last)};
}

void Widen(std::map<std::string, Span>* spans, const std::string& id, const Span& span) {
  auto [it, inserted] = spans->try_emplace(id, span);
  if (inserted) return;
  it->second.first = std::min(it->second.first, span.first);
  it->second.second = std::max(it->second.second, span.second);
}

class ExportGexfTest : public ExportTestGraph {
 protected:
  std::string Export(const ExportFilter& filter, const std::string& file) {
    std::ostringstream out;
    Status status = ExportGraph(*snapshot_, ExportFormat::kGexf, filter, out);
    EXPECT_TRUE(status.ok()) << status.ToString();
    presskg::testing::WriteFile(dir_.Sub(file), out.str());
    return out.str();
  }

  // Expect() plus spells: an edge spans its first_seen .. last_seen, a node the union of its
  // exported edges' spans and, for a document, its own date.
  Expectation ExpectWithSpells(bool include_documents) const {
    Expectation e = Expect(include_documents);
    EXPECT_TRUE(snapshot_
                    ->ForEachEdge([&](const Edge& edge) {
                      std::string id = EdgeId(edge.key);
                      if (e.edges.count(id) == 0) return true;
                      std::optional<Span> span = SpanOf(edge.first_seen, edge.last_seen);
                      if (!span) return true;
                      e.edge_spells[id] = *span;
                      Widen(&e.node_spells, std::to_string(edge.key.source), *span);
                      Widen(&e.node_spells, std::to_string(edge.key.target), *span);
                      return true;
                    })
                    .ok());
    if (include_documents) {
      for (NodeId doc : documents_) {
        auto meta = snapshot_->GetDocument(doc, false);
        EXPECT_TRUE(meta.ok());
        if (auto span = SpanOf(meta->date, meta->date))
          Widen(&e.node_spells, std::to_string(doc), *span);
      }
    }
    return e;
  }
};

TEST_F(ExportGexfTest, IsWellFormedGexf13InDynamicMode) {
  std::string text = Export({}, "g.gexf");
  CommandResult lint = Xmllint(dir_.Sub("g.gexf"), false);
  EXPECT_EQ(lint.exit_code, 0) << lint.err;
  EXPECT_NE(text.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(text.find("version=\"1.3\""), std::string::npos);
  EXPECT_NE(text.find("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">"),
            std::string::npos);
  EXPECT_NE(text.find("<attribute id=\"employees\" title=\"employees\" type=\"long\"/>"),
            std::string::npos);
  EXPECT_NE(text.find("label=\"AT&amp;T &lt;Inc&gt;\""), std::string::npos);
  EXPECT_NE(text.find("label=\"Line&#10;Break SA\""), std::string::npos);
  EXPECT_EQ(text.find('\x01'), std::string::npos);
}

TEST_F(ExportGexfTest, CarriesTheStoreValuesAndSpells) {
  for (bool documents : {false, true}) {
    ExportFilter filter;
    filter.include_documents = documents;
    std::string file = documents ? "with-documents.gexf" : "entities.gexf";
    Export(filter, file);
    Expectation expected = ExpectWithSpells(documents);
    // Hand-checked spans: the partner_of edge was seen on 2022-03-15 and in January 2023; the
    // undated has_client edge has no spell, nor has a node with only undated edges.
    EXPECT_EQ(expected.edge_spells.at(EdgeId(Key(cafe(), "partner_of", amal()))),
              Span("2022-03-15", "2023-01-31"));
    EXPECT_EQ(expected.edge_spells.count(EdgeId(Key(quoted(), "has_client", line_break()))), 0U);
    EXPECT_EQ(expected.node_spells.at(std::to_string(line_break())),
              Span("2023-01-01", "2023-01-31"));
    CommandResult check = RunChecker("gexf", dir_.Sub(file), expected, dir_);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
}

}  // namespace
}  // namespace presskg::graph::export_testing
