#pragma once

// Shared by the export_*_test.cc files: a real store with awkward names, the expectations
// (written independently of graph/export) that tests/graph/export_check.py compares an export
// with, and helpers to run xmllint and the checker.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/document_graph.h"
#include "graph/graph_store.h"
#include "graph/relation_schema.h"
#include "tests/test_support.h"

namespace presskg::graph::export_testing {

inline RelationId RelationIdOf(const char* name) {
  return RelationSchema::Builtin().Find(name)->id;
}

// "42-subsidiary_of-17", the edge id every format uses.
inline std::string EdgeId(const EdgeKey& key) {
  return std::to_string(key.source) + "-" + RelationSchema::Builtin().Get(key.relation)->name +
         "-" + std::to_string(key.target);
}

// A JSON value small enough for the expectations: null (absent), bool, number or string.
using JsonValue = std::variant<std::monostate, bool, double, std::string>;
using JsonObject = std::map<std::string, JsonValue>;

inline std::string JsonQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof(buffer), "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

inline std::string ToJson(const JsonValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "null";
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const double* d = std::get_if<double>(&value)) {
    char buffer[40];
    std::snprintf(buffer, sizeof(buffer), "%.9g", *d);
    return buffer;
  }
  return JsonQuote(std::get<std::string>(value));
}

inline std::string ToJson(const JsonObject& object) {
  std::string out = "{";
  for (const auto& [name, value] : object) {
    if (out.size() > 1) out += ",";
    out += JsonQuote(name) + ":" + ToJson(value);
  }
  return out + "}";
}

// What an export must contain. Each node and edge lists a subset of its attributes (null: absent
// or empty); an edge also names its "source" and "target".
struct Expectation {
  std::size_t node_count = 0;
  std::size_t edge_count = 0;
  std::map<std::string, JsonObject> nodes;
  std::map<std::string, JsonObject> edges;
  // GEXF: [start, end] of the single spell, or absent from the map when there must be none.
  std::map<std::string, std::pair<std::string, std::string>> node_spells;
  std::map<std::string, std::pair<std::string, std::string>> edge_spells;
  std::vector<std::string> node_header;  // CSV: the header must start with these fields
  std::vector<std::string> edge_header;

  std::string ToJsonText() const {
    auto objects = [](const std::map<std::string, JsonObject>& map) {
      std::string out = "{";
      for (const auto& [id, object] : map) {
        if (out.size() > 1) out += ",";
        out += JsonQuote(id) + ":" + ToJson(object);
      }
      return out + "}";
    };
    auto spells = [](const std::map<std::string, std::pair<std::string, std::string>>& map) {
      std::string out = "{";
      for (const auto& [id, span] : map) {
        if (out.size() > 1) out += ",";
        out += JsonQuote(id) + ":[" + JsonQuote(span.first) + "," + JsonQuote(span.second) + "]";
      }
      return out + "}";
    };
    auto list = [](const std::vector<std::string>& items) {
      std::string out = "[";
      for (const std::string& item : items) out += (out.size() > 1 ? "," : "") + JsonQuote(item);
      return out + "]";
    };
    return "{\"node_count\":" + std::to_string(node_count) +
           ",\"edge_count\":" + std::to_string(edge_count) + ",\"nodes\":" + objects(nodes) +
           ",\"edges\":" + objects(edges) + ",\"node_spells\":" + spells(node_spells) +
           ",\"edge_spells\":" + spells(edge_spells) + ",\"node_header\":" + list(node_header) +
           ",\"edge_header\":" + list(edge_header) + "}";
  }
};

// The names the exports must carry: the store's text without the control characters XML 1.0
// forbids.
inline std::string WithoutControls(const std::string& text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
  }
  return out;
}

// Three documents committed to a fresh store:
//  doc 1 (2022-03-15): AT&T <Inc>, "Quoted" Co, Ltd, Café 🚀 Rocket, شركة الأمل (Arabic), Jane
//    O'Doe, Casablanca; subsidiary_of (share_pct 51), partner_of (symmetric, given backwards),
//    has_role_at, located_in, mentions, quoted_in; literals employees 1200 and revenue.
//  doc 2 (2023-01): partner_of again, חברת אור (Hebrew) has_client Bad<U+0001>Name<U+000B>
//    (planned), AT&T acquired Line<LF>Break SA (amount, currency); employees 1500, founded.
//  doc 3 (undated): "Quoted" Co (alias "Tab<TAB>and CR<CR><LF>LF") has_client Line<LF>Break SA and
//  supplier_of AT&T (an edge
//    parallel to subsidiary_of).
class ExportTestGraph : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = GraphStore::Open(dir_.Sub("store"));
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    Commit1();
    Commit2();
    Commit3();
    snapshot_ = store_->Snapshot();
  }

  static EntityInput Entity(NodeKind kind, std::string name, std::string key,
                            std::vector<std::string> aliases = {}) {
    EntityInput entity;
    entity.kind = kind;
    entity.name = std::move(name);
    entity.lang = "en";
    entity.match_keys = {std::move(key)};
    entity.aliases = std::move(aliases);
    return entity;
  }

  static FactInput Fact(EntityIndex subject, const char* relation, EntityIndex object,
                        float confidence = 1.0F, std::map<std::string, std::string> props = {}) {
    FactInput fact;
    fact.subject = subject;
    fact.relation = RelationIdOf(relation);
    fact.object = object;
    fact.properties = std::move(props);
    fact.evidence.sentence = "sentence";
    fact.evidence.confidence = confidence;
    return fact;
  }

  static LiteralInput Literal(EntityIndex subject, const char* type, std::int64_t value) {
    LiteralInput literal;
    literal.subject = subject;
    literal.type = type;
    literal.value = value;
    return literal;
  }

  std::vector<NodeId> Commit(const std::string& name, const std::string& date,
                             DocumentGraph graph) {
    graph.document.name = name;
    graph.document.title = "Communiqué " + name;
    graph.document.date = date;
    graph.document.lang = "en";
    graph.document.url = "https://example.com/" + name + "?a=1&b=2";
    graph.document.text = "Body of " + name;
    auto result = store_->CommitDocument(graph);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) return {};
    documents_.push_back(result->document);
    return result->entity_ids;
  }

  void Commit1() {
    DocumentGraph g;
    g.entities = {Entity(NodeKind::kOrganization, "AT&T <Inc>", "att inc", {"AT&T"}),
                  Entity(NodeKind::kOrganization, "\"Quoted\" Co, Ltd", "quoted co"),
                  Entity(NodeKind::kOrganization, "Café 🚀 Rocket", "cafe rocket"),
                  Entity(NodeKind::kOrganization, "شركة الأمل", "amal"),
                  Entity(NodeKind::kPerson, "Jane O'Doe", "jane odoe"),
                  Entity(NodeKind::kPlace, "Casablanca", "casablanca")};
    g.entities[0].label_en = "AT&T <Inc>";
    g.entities[2].label_fr = "Café 🚀 Rocket";
    g.facts = {Fact(1, "subsidiary_of", 0, 0.9F, {{"share_pct", "51"}}),
               Fact(3, "partner_of", 2, 0.75F),
               Fact(4, "has_role_at", 0, 1.0F, {{"role", "CEO & founder"}}),
               Fact(0, "located_in", 5),
               Fact(kThisDocument, "mentions", 0),
               Fact(4, "quoted_in", kThisDocument, 1.0F, {{"quote", "\"We <grow>\" & go"}})};
    g.literals = {Literal(0, "employees", 1200), Literal(1, "revenue", 5000000)};
    g.literals[1].properties = {{"currency", "MAD"}};
    ids1_ = Commit("doc1", "2022-03-15", std::move(g));
  }

  void Commit2() {
    DocumentGraph g;
    g.entities = {Entity(NodeKind::kOrganization, "AT&T <Inc>", "att inc"),
                  Entity(NodeKind::kOrganization, "חברת אור", "or"),
                  Entity(NodeKind::kOrganization, "Bad\x01Name\x0b", "bad name"),
                  Entity(NodeKind::kOrganization, "شركة الأمل", "amal"),
                  Entity(NodeKind::kOrganization, "Café 🚀 Rocket", "cafe rocket"),
                  Entity(NodeKind::kOrganization, "Line\nBreak SA", "line break")};
    FactInput planned = Fact(1, "has_client", 2, 0.5F);
    planned.evidence.status = FactStatus::kPlanned;
    g.facts = {Fact(4, "partner_of", 3, 0.6F), planned,
               Fact(0, "acquired", 5, 0.8F, {{"amount", "10000000"}, {"currency", "EUR"}})};
    g.literals = {Literal(0, "employees", 1500), Literal(3, "founded", 1999)};
    ids2_ = Commit("doc2", "2023-01", std::move(g));
  }

  void Commit3() {
    DocumentGraph g;
    g.entities = {Entity(NodeKind::kOrganization, "\"Quoted\" Co, Ltd", "quoted co"),
                  Entity(NodeKind::kOrganization, "Line\nBreak SA", "line break")};
    g.entities.push_back(Entity(NodeKind::kOrganization, "AT&T <Inc>", "att inc"));
    g.entities[0].aliases = {"Tab\tand CR\r\nLF"};
    g.facts = {Fact(0, "has_client", 1), Fact(0, "supplier_of", 2)};  // parallel to subsidiary_of
    Commit("doc3", "", std::move(g));
  }

  NodeId att() const { return ids1_[0]; }
  NodeId quoted() const { return ids1_[1]; }
  NodeId cafe() const { return ids1_[2]; }
  NodeId amal() const { return ids1_[3]; }
  NodeId jane() const { return ids1_[4]; }
  NodeId casablanca() const { return ids1_[5]; }
  NodeId hebrew() const { return ids2_[1]; }
  NodeId bad() const { return ids2_[2]; }
  NodeId line_break() const { return ids2_[5]; }
  EdgeKey Key(NodeId source, const char* relation, NodeId target) const {
    RelationId id = RelationIdOf(relation);
    if (RelationSchema::Builtin().Get(id)->symmetric && target < source) {
      std::swap(source, target);
    }
    return {source, id, target};
  }

  // The expectations for an export of the store restricted to `node_ids` / `edge_keys` (all when
  // nullopt): generic attributes of every node and edge read from the snapshot, plus the awkward
  // values checked by hand.
  Expectation Expect(bool include_documents) const {
    Expectation e;
    EXPECT_TRUE(snapshot_
                    ->ForEachNode([&](const Node& node) {
                      if (!include_documents && node.kind == NodeKind::kDocument) return true;
                      JsonObject& object = e.nodes[std::to_string(node.id)];
                      object["presskg_id"] = static_cast<double>(node.id);
                      object["kind"] = std::string(NodeKindName(node.kind));
                      object["label"] = WithoutControls(node.label);
                      return true;
                    })
                    .ok());
    EXPECT_TRUE(snapshot_
                    ->ForEachEdge([&](const Edge& edge) {
                      const RelationType* type = RelationSchema::Builtin().Get(edge.key.relation);
                      bool document_edge = type->name == "mentions" || type->name == "quoted_in";
                      if (!include_documents && document_edge) return true;
                      JsonObject& object = e.edges[EdgeId(edge.key)];
                      object["source"] = std::to_string(edge.key.source);
                      object["target"] = std::to_string(edge.key.target);
                      object["relation"] = type->name;
                      object["label_fr"] = type->label_fr;
                      object["sources"] = static_cast<double>(edge.source_count);
                      object["status"] = std::string(FactStatusName(edge.status));
                      object["confidence"] = static_cast<double>(edge.confidence);
                      object["symmetric"] = type->symmetric;
                      object["first_seen"] =
                          edge.first_seen.empty() ? JsonValue{} : edge.first_seen;
                      return true;
                    })
                    .ok());
    e.node_count = e.nodes.size();
    e.edge_count = e.edges.size();

    JsonObject& att_node = e.nodes[std::to_string(att())];
    att_node["label"] = std::string("AT&T <Inc>");
    att_node["label_en"] = std::string("AT&T <Inc>");
    att_node["aliases"] = std::string("AT&T <Inc> | AT&T");
    att_node["employees"] = 1500.0;  // the later of 1200 (2022-03-15) and 1500 (2023-01)
    att_node["revenue"] = JsonValue{};
    e.nodes[std::to_string(quoted())]["revenue"] = 5000000.0;
    e.nodes[std::to_string(quoted())]["label"] = std::string("\"Quoted\" Co, Ltd");
    e.nodes[std::to_string(quoted())]["aliases"] =
        std::string("\"Quoted\" Co, Ltd | Tab\tand CR\r\nLF");
    e.nodes[std::to_string(cafe())]["label_fr"] = std::string("Café 🚀 Rocket");
    e.nodes[std::to_string(amal())]["label"] = std::string("شركة الأمل");
    e.nodes[std::to_string(amal())]["founded"] = 1999.0;
    e.nodes[std::to_string(hebrew())]["label"] = std::string("חברת אור");
    e.nodes[std::to_string(bad())]["label"] = std::string("BadName");
    e.nodes[std::to_string(line_break())]["label"] = std::string("Line\nBreak SA");
    e.nodes[std::to_string(jane())]["label"] = std::string("Jane O'Doe");

    JsonObject& subsidiary = e.edges[EdgeId(Key(quoted(), "subsidiary_of", att()))];
    subsidiary["share_pct"] = std::string("51");
    subsidiary["confidence"] = 0.9;
    JsonObject& partner = e.edges[EdgeId(Key(cafe(), "partner_of", amal()))];
    partner["sources"] = 2.0;
    partner["symmetric"] = true;
    partner["first_seen"] = std::string("2022-03-15");
    partner["last_seen"] = std::string("2023-01");
    e.edges[EdgeId(Key(jane(), "has_role_at", att()))]["role"] = std::string("CEO & founder");
    JsonObject& acquired = e.edges[EdgeId(Key(att(), "acquired", line_break()))];
    acquired["amount"] = std::string("10000000");
    acquired["currency"] = std::string("EUR");
    e.edges[EdgeId(Key(hebrew(), "has_client", bad()))]["status"] = std::string("planned");
    e.edges[EdgeId(Key(quoted(), "has_client", line_break()))]["last_seen"] = JsonValue{};
    return e;
  }

  presskg::testing::TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  std::unique_ptr<GraphSnapshot> snapshot_;
  std::vector<NodeId> ids1_;
  std::vector<NodeId> ids2_;
  std::vector<NodeId> documents_;
};

// Keeps the expectations about `node_ids` and `edge_ids` only, with counts to match.
inline Expectation Restrict(Expectation e, const std::vector<NodeId>& node_ids,
                            const std::vector<EdgeKey>& edge_keys) {
  std::map<std::string, JsonObject> nodes;
  std::map<std::string, JsonObject> edges;
  for (NodeId id : node_ids) nodes[std::to_string(id)] = e.nodes.at(std::to_string(id));
  for (const EdgeKey& key : edge_keys) edges[EdgeId(key)] = e.edges.at(EdgeId(key));
  e.nodes = std::move(nodes);
  e.edges = std::move(edges);
  e.node_count = e.nodes.size();
  e.edge_count = e.edges.size();
  return e;
}

// xmllint on `path`: well-formedness only, or validity against tests/data/graphml/graphml.xsd
// (offline: the schema set imports its parts by relative path).
inline presskg::testing::CommandResult Xmllint(const std::string& path, bool graphml_schema) {
  std::string command = "xmllint --nonet --noout ";
  if (graphml_schema) {
    command += "--schema '" +
               (presskg::testing::SourceDir() / "tests/data/graphml/graphml.xsd").string() + "' ";
  }
  return presskg::testing::RunCommand(command + "'" + path + "'");
}

inline const char kPython[] = "/usr/bin/python3";

inline std::string CheckerPath() {
  return (presskg::testing::SourceDir() / "tests" / "graph" / "export_check.py").string();
}

// Runs export_check.py on `path` against `expected`; the report on failure.
inline presskg::testing::CommandResult RunChecker(const std::string& format,
                                                  const std::string& path,
                                                  const Expectation& expected,
                                                  const presskg::testing::TempDir& dir) {
  std::string expected_path = dir.Sub("expected-" + format + ".json");
  presskg::testing::WriteFile(expected_path, expected.ToJsonText());
  return presskg::testing::RunCommand(std::string(kPython) + " " + CheckerPath() + " " + format +
                                      " '" + path + "' '" + expected_path + "'");
}

}  // namespace presskg::graph::export_testing
