#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/relation_schema.h"
#include "graph/testing/store_testing.h"
#include "graph/text_util.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;

RelationId Rel(std::string_view name) { return RelationSchema::Builtin().Find(name)->id; }

EntityInput Entity(NodeKind kind, std::string name, std::vector<std::string> aliases = {}) {
  EntityInput e;
  e.kind = kind;
  e.name = name;
  e.lang = "fr";
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  e.match_keys = {name};
  e.aliases = std::move(aliases);
  return e;
}

FactInput Fact(EntityIndex subject, std::string_view relation, EntityIndex object,
               FactStatus status = FactStatus::kStated, std::uint32_t start = 0) {
  FactInput f;
  f.subject = subject;
  f.relation = Rel(relation);
  f.object = object;
  f.evidence.sentence = "sentence about " + std::string(relation);
  f.evidence.start = start;
  f.evidence.end = start + 25;
  f.evidence.lang = "fr";
  f.evidence.rule = "test." + std::string(relation);
  f.evidence.confidence = 0.75F;
  f.evidence.status = status;
  return f;
}

// Entities: 0 AVL Maroc, 1 AVL France, 2 Stellantis, 3 Jean Dupont (person), 4 Rabat (place).
DocumentGraph AvlDocument(const std::string& text, const std::string& date,
                          FactStatus client_status) {
  DocumentGraph doc;
  doc.document.name = "avl.txt";
  doc.document.source = "/data/avl.txt";
  doc.document.title = "AVL s'installe a Rabat";
  doc.document.date = date;
  doc.document.lang = "fr";
  doc.document.url = "https://example.com/avl";
  doc.document.text = text;
  doc.entities = {Entity(NodeKind::kOrganization, "AVL Maroc", {"AVL Morocco"}),
                  Entity(NodeKind::kOrganization, "AVL France"),
                  Entity(NodeKind::kOrganization, "Stellantis"),
                  Entity(NodeKind::kPerson, "Jean Dupont"), Entity(NodeKind::kPlace, "Rabat")};
  doc.entities[0].label_fr = "AVL Maroc";
  doc.facts = {Fact(0, "subsidiary_of", 1, FactStatus::kStated, 10),
               Fact(0, "partner_of", 2),
               Fact(2, "partner_of", 0),  // the same symmetric edge, given the other way round
               Fact(3, "quoted_in", kThisDocument),
               Fact(0, "located_in", 4, FactStatus::kPlanned),
               Fact(0, "has_client", 2, FactStatus::kDenied),
               Fact(0, "has_client", 2, client_status)};
  doc.facts[0].properties["share_pct"] = "100";
  doc.facts[0].evidence.date = "2022-11";
  LiteralInput employees;
  employees.subject = 0;
  employees.type = "employees";
  employees.value = 120;
  employees.properties["as_of"] = "2022";
  employees.evidence.sentence = "AVL Maroc emploie 120 personnes.";
  employees.evidence.lang = "fr";
  employees.evidence.rule = "test.employees";
  LiteralInput investment = employees;
  investment.subject = kThisDocument;
  investment.type = "investment";
  investment.value = -5;
  doc.literals = {employees, investment};
  return doc;
}

// Every node, edge, evidence record and counter, as text, to compare whole stores.
std::string Dump(const GraphSnapshot& snap) {
  std::ostringstream out;
  EXPECT_TRUE(snap.ForEachNode([&](const Node& n) {
                    out << "node " << n.id << " " << NodeKindName(n.kind) << " " << n.label << "|"
                        << n.label_fr << "|" << n.label_en;
                    for (const Alias& a : n.aliases) {
                      out << " [" << a.name << " " << a.lang;
                      for (NodeId d : a.documents) out << " " << d;
                      out << "]";
                    }
                    Result<std::vector<LiteralFact>> literals = snap.GetLiterals(n.id);
                    EXPECT_TRUE(literals.ok()) << literals.status().ToString();
                    if (!literals.ok()) return false;
                    for (const LiteralFact& l : *literals) out << " " << l.type << "=" << l.value;
                    out << "\n";
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(snap.ForEachEdge([&](const Edge& e) {
                    out << "edge " << e.key.source << " " << e.key.relation << " " << e.key.target
                        << " " << e.first_seen << " " << e.last_seen << " " << e.source_count << " "
                        << e.evidence_count << " " << static_cast<int>(e.status) << " "
                        << e.confidence;
                    for (const auto& [k, v] : e.properties) out << " " << k << "=" << v;
                    Result<std::vector<Evidence>> evidence = snap.GetEvidence(e.key);
                    EXPECT_TRUE(evidence.ok()) << evidence.status().ToString();
                    if (!evidence.ok()) return false;
                    for (const Evidence& ev : *evidence) out << " ev" << ev.document << ev.sentence;
                    out << "\n";
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(snap.ForEachDocument(true,
                                   [&](const Document& d) {
                                     out << "doc " << d.id << " " << d.content_hash << " "
                                         << d.text.size() << "\n";
                                     return true;
                                   })
                  .ok());
  Result<StoreStats> stats = snap.GetStats();
  EXPECT_TRUE(stats.ok());
  out << "stats " << stats->documents << " " << stats->evidence << " " << stats->literals;
  for (const auto& [kind, n] : stats->nodes_by_kind) out << " " << NodeKindName(kind) << n;
  for (const auto& [rel, n] : stats->edges_by_relation) out << " " << rel << n;
  return out.str();
}

std::vector<AdjacencyEntry> Neighbors(const GraphSnapshot& snap, NodeId node,
                                      std::optional<Direction> dir = std::nullopt,
                                      std::optional<RelationId> rel = std::nullopt) {
  std::vector<AdjacencyEntry> out;
  EXPECT_TRUE(snap.ForEachNeighbor(node, dir, rel,
                                   [&](const AdjacencyEntry& e) {
                                     out.push_back(e);
                                     return true;
                                   })
                  .ok());
  return out;
}

bool SameEntry(const AdjacencyEntry& a, const AdjacencyEntry& b) {
  return a.node == b.node && a.direction == b.direction && a.relation == b.relation &&
         a.neighbor == b.neighbor;
}

#define EXPECT_ENTRIES(actual, ...)                                        \
  do {                                                                     \
    const std::vector<AdjacencyEntry> expected_entries = {__VA_ARGS__};    \
    const std::vector<AdjacencyEntry> actual_entries = (actual);           \
    ASSERT_EQ(actual_entries.size(), expected_entries.size());             \
    for (std::size_t i = 0; i < actual_entries.size(); ++i) {              \
      EXPECT_TRUE(SameEntry(actual_entries[i], expected_entries[i])) << i; \
    }                                                                      \
  } while (0)

class StoreRoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen(StoreOptions options = {}) {
    store_.reset();
    Result<std::unique_ptr<GraphStore>> opened = GraphStore::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  CommitResult Commit(const DocumentGraph& doc) {
    Result<CommitResult> result = store_->CommitDocument(doc);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : CommitResult{};
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(StoreRoundTripTest, CommitsAndReadsBackEverything) {
  const DocumentGraph input =
      AvlDocument("AVL Maroc, filiale d'AVL France.", "2022-12-01", FactStatus::kPlanned);
  const CommitResult r = Commit(input);
  EXPECT_FALSE(r.already_present);
  EXPECT_EQ(r.nodes_created, 5U);
  EXPECT_EQ(r.edges_created, 5U);
  EXPECT_EQ(r.evidence_written, 7U);
  EXPECT_EQ(r.literals_written, 2U);
  ASSERT_EQ(r.entity_ids.size(), 5U);
  const NodeId doc = r.document, maroc = r.entity_ids[0], france = r.entity_ids[1],
               stellantis = r.entity_ids[2], person = r.entity_ids[3], rabat = r.entity_ids[4];
  EXPECT_EQ(doc, 1U);
  EXPECT_EQ(std::set<NodeId>(r.entity_ids.begin(), r.entity_ids.end()).size(), 5U);
  auto snap = store_->Snapshot();

  // Nodes, with aliases and the documents that used them.
  Result<Node> node = snap->GetNode(maroc);
  ASSERT_TRUE(node.ok()) << node.status().ToString();
  EXPECT_EQ(node->kind, NodeKind::kOrganization);
  EXPECT_EQ(node->label, "AVL Maroc");
  EXPECT_EQ(node->label_fr, "AVL Maroc");
  ASSERT_EQ(node->aliases.size(), 2U);
  EXPECT_EQ(node->aliases[0].name, "AVL Maroc");
  EXPECT_EQ(node->aliases[0].lang, "fr");
  EXPECT_EQ(node->aliases[0].documents, std::vector<NodeId>{doc});
  EXPECT_EQ(node->aliases[1].name, "AVL Morocco");
  EXPECT_EQ(snap->GetNode(person)->kind, NodeKind::kPerson);
  EXPECT_EQ(snap->GetNode(rabat)->kind, NodeKind::kPlace);
  EXPECT_EQ(snap->GetNode(doc)->kind, NodeKind::kDocument);
  EXPECT_EQ(snap->GetNode(doc)->label, input.document.title);
  EXPECT_EQ(snap->GetNode(999).status().code(), Status::Code::kNotFound);

  // Edges: properties, dates, counts and status.
  Result<Edge> subsidiary = snap->GetEdge({maroc, Rel("subsidiary_of"), france});
  ASSERT_TRUE(subsidiary.ok()) << subsidiary.status().ToString();
  EXPECT_EQ(subsidiary->properties.at("share_pct"), "100");
  EXPECT_EQ(subsidiary->first_seen, "2022-11");
  EXPECT_EQ(subsidiary->last_seen, "2022-11");
  EXPECT_EQ(subsidiary->source_count, 1U);
  EXPECT_EQ(subsidiary->evidence_count, 1U);
  EXPECT_EQ(subsidiary->status, FactStatus::kStated);
  EXPECT_EQ(subsidiary->confidence, 0.75F);
  Result<Edge> partner = snap->GetEdge({maroc, Rel("partner_of"), stellantis});
  ASSERT_TRUE(partner.ok()) << "symmetric edge stored with source < target";
  EXPECT_EQ(partner->evidence_count, 2U);
  EXPECT_EQ(partner->source_count, 1U);
  EXPECT_EQ(partner->first_seen, "2022-12-01");  // the document date when evidence has none
  EXPECT_EQ(snap->GetEdge({stellantis, Rel("partner_of"), maroc}).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(snap->GetEdge({maroc, Rel("has_client"), stellantis})->status, FactStatus::kPlanned)
      << "planned beats denied";
  EXPECT_EQ(snap->GetEdge({maroc, Rel("located_in"), rabat})->status, FactStatus::kPlanned);
  EXPECT_TRUE(snap->GetEdge({person, Rel("quoted_in"), doc}).ok());

  // Evidence.
  Result<std::vector<Evidence>> evidence = snap->GetEvidence(subsidiary->key);
  ASSERT_TRUE(evidence.ok());
  ASSERT_EQ(evidence->size(), 1U);
  const Evidence& ev = evidence->front();
  EXPECT_EQ(ev.document, doc);
  EXPECT_EQ(ev.sentence, "sentence about subsidiary_of");
  EXPECT_EQ(ev.start, 10U);
  EXPECT_EQ(ev.end, 35U);
  EXPECT_EQ(ev.lang, "fr");
  EXPECT_EQ(ev.rule, "test.subsidiary_of");
  EXPECT_EQ(ev.date, "2022-11");
  EXPECT_EQ(snap->GetEvidence(partner->key)->size(), 2U);

  // Literals, by node and by document.
  Result<std::vector<LiteralFact>> literals = snap->GetLiterals(maroc);
  ASSERT_TRUE(literals.ok());
  ASSERT_EQ(literals->size(), 1U);
  EXPECT_EQ(literals->front().type, "employees");
  EXPECT_EQ(literals->front().value, 120);
  EXPECT_EQ(literals->front().properties.at("as_of"), "2022");
  EXPECT_EQ(literals->front().evidence.document, doc);
  EXPECT_EQ(literals->front().evidence.sentence, "AVL Maroc emploie 120 personnes.");
  EXPECT_EQ(literals->front().evidence.date, "2022-12-01");
  EXPECT_EQ(snap->GetLiterals(doc)->front().value, -5);
  EXPECT_EQ(snap->GetDocumentLiterals(doc)->size(), 2U);

  // The document, its hash and the edges it supports.
  Result<Document> document = snap->GetDocument(doc);
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->id, doc);
  EXPECT_EQ(document->name, "avl.txt");
  EXPECT_EQ(document->source, "/data/avl.txt");
  EXPECT_EQ(document->title, input.document.title);
  EXPECT_EQ(document->date, "2022-12-01");
  EXPECT_EQ(document->lang, "fr");
  EXPECT_EQ(document->url, "https://example.com/avl");
  EXPECT_EQ(document->text, input.document.text);
  EXPECT_EQ(document->content_hash, Sha256Hex(input.document.text));
  EXPECT_EQ(snap->GetDocument(doc, false)->text, "");
  EXPECT_EQ(snap->GetDocument(maroc).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(snap->FindDocumentByHash(document->content_hash)->value_or(0), doc);
  EXPECT_FALSE(snap->FindDocumentByHash(Sha256Hex("other"))->has_value());
  EXPECT_EQ(snap->GetDocumentEdges(doc)->size(), 5U);

  // Neighbours: out-edges first, by relation then neighbour; each filter narrows the scan.
  const RelationId sub = Rel("subsidiary_of"), client = Rel("has_client"),
                   partner_of = Rel("partner_of"), located = Rel("located_in");
  EXPECT_ENTRIES(Neighbors(*snap, maroc), {maroc, Direction::kOut, sub, france},
                 {maroc, Direction::kOut, client, stellantis},
                 {maroc, Direction::kOut, partner_of, stellantis},
                 {maroc, Direction::kOut, located, rabat});
  EXPECT_ENTRIES(Neighbors(*snap, stellantis), {stellantis, Direction::kIn, client, maroc},
                 {stellantis, Direction::kIn, partner_of, maroc});
  EXPECT_ENTRIES(Neighbors(*snap, stellantis, Direction::kIn, partner_of),
                 {stellantis, Direction::kIn, partner_of, maroc});
  EXPECT_TRUE(Neighbors(*snap, stellantis, Direction::kOut).empty());
  EXPECT_ENTRIES(Neighbors(*snap, maroc, Direction::kOut, located),
                 {maroc, Direction::kOut, located, rabat});
  EXPECT_ENTRIES(Neighbors(*snap, doc, Direction::kIn),
                 {doc, Direction::kIn, Rel("quoted_in"), person});
  EXPECT_TRUE(Neighbors(*snap, maroc, Direction::kIn, sub).empty());
  int calls = 0;
  ASSERT_TRUE(snap->ForEachNeighbor(maroc, std::nullopt, std::nullopt,
                                    [&](const AdjacencyEntry&) { return ++calls < 2; })
                  .ok());
  EXPECT_EQ(calls, 2) << "the walk stops when fn returns false";

  // Name index.
  EXPECT_EQ(*snap->LookupNameKey("avl maroc"), std::vector<NodeId>{maroc});
  EXPECT_TRUE(snap->LookupNameKey("avl")->empty());
  std::vector<std::pair<std::string, NodeId>> names;
  ASSERT_TRUE(snap->ForEachNameKey("avl ",
                                   [&](std::string_view key, NodeId id) {
                                     names.emplace_back(key, id);
                                     return true;
                                   })
                  .ok());
  EXPECT_EQ(names, (std::vector<std::pair<std::string, NodeId>>{{"avl france", france},
                                                                {"avl maroc", maroc}}));

  // Counters.
  Result<StoreStats> stats = snap->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1U);
  EXPECT_EQ(stats->evidence, 7U);
  EXPECT_EQ(stats->literals, 2U);
  EXPECT_EQ(stats->nodes_by_kind, (std::map<NodeKind, std::uint64_t>{{NodeKind::kOrganization, 3},
                                                                     {NodeKind::kPerson, 1},
                                                                     {NodeKind::kPlace, 1},
                                                                     {NodeKind::kDocument, 1}}));
  EXPECT_EQ(stats->edges_by_relation, (std::map<std::string, std::uint64_t>{{"subsidiary_of", 1},
                                                                            {"partner_of", 1},
                                                                            {"quoted_in", 1},
                                                                            {"located_in", 1},
                                                                            {"has_client", 1}}));
  EXPECT_TRUE(presskg::graph::testing::CheckStoreInvariants(*snap).ok());

  // Everything survives closing and reopening.
  const std::string before = Dump(*snap);
  snap.reset();
  Reopen();
  EXPECT_EQ(Dump(*store_->Snapshot()), before);
}

TEST_F(StoreRoundTripTest, RecommittingTheSameContentChangesNothing) {
  const DocumentGraph input = AvlDocument("Same text.", "2022-12-01", FactStatus::kStated);
  const CommitResult first = Commit(input);
  const std::string before = Dump(*store_->Snapshot());

  CommitResult again = Commit(input);
  EXPECT_TRUE(again.already_present);
  EXPECT_EQ(again.document, first.document);
  EXPECT_EQ(again.nodes_created + again.edges_created + again.evidence_written, 0U);
  EXPECT_EQ(Dump(*store_->Snapshot()), before);

  // Same text under other metadata is the same content; so after a reopen.
  DocumentGraph renamed = input;
  renamed.document.name = "copy.txt";
  renamed.facts.pop_back();
  Reopen();
  again = Commit(renamed);
  EXPECT_TRUE(again.already_present);
  EXPECT_EQ(again.document, first.document);
  EXPECT_EQ(Dump(*store_->Snapshot()), before);
}

TEST_F(StoreRoundTripTest, SecondDocumentAddsEvidenceButNoNodesOrEdges) {
  const CommitResult first = Commit(AvlDocument("First text.", "2022-12-01", FactStatus::kPlanned));
  const CommitResult second =
      Commit(AvlDocument("Second text.", "2023-01-15", FactStatus::kStated));
  EXPECT_FALSE(second.already_present);
  EXPECT_NE(second.document, first.document);
  EXPECT_EQ(second.nodes_created, 0U);
  EXPECT_EQ(second.edges_created, 1U) << "only quoted_in, which points at the new document";
  EXPECT_EQ(second.evidence_written, 7U);
  EXPECT_EQ(second.entity_ids, first.entity_ids);

  auto snap = store_->Snapshot();
  const NodeId maroc = first.entity_ids[0], france = first.entity_ids[1],
               stellantis = first.entity_ids[2];
  Result<Edge> partner = snap->GetEdge({maroc, Rel("partner_of"), stellantis});
  ASSERT_TRUE(partner.ok());
  EXPECT_EQ(partner->source_count, 2U);
  EXPECT_EQ(partner->evidence_count, 4U);
  EXPECT_EQ(partner->first_seen, "2022-12-01");
  EXPECT_EQ(partner->last_seen, "2023-01-15");
  Result<Edge> client = snap->GetEdge({maroc, Rel("has_client"), stellantis});
  EXPECT_EQ(client->status, FactStatus::kStated) << "stated beats planned";
  EXPECT_EQ(client->source_count, 2U);
  Result<std::vector<Evidence>> evidence = snap->GetEvidence({maroc, Rel("subsidiary_of"), france});
  ASSERT_EQ(evidence->size(), 2U);
  EXPECT_EQ((*evidence)[0].document, first.document);
  EXPECT_EQ((*evidence)[1].document, second.document);
  EXPECT_EQ(snap->GetNode(maroc)->aliases[0].documents,
            (std::vector<NodeId>{first.document, second.document}));
  EXPECT_EQ(snap->GetLiterals(maroc)->size(), 2U);

  Result<StoreStats> stats = snap->GetStats();
  EXPECT_EQ(stats->documents, 2U);
  EXPECT_EQ(stats->evidence, 14U);
  EXPECT_EQ(stats->literals, 4U);
  EXPECT_EQ(stats->nodes_by_kind.at(NodeKind::kOrganization), 3U);
  EXPECT_EQ(stats->nodes_by_kind.at(NodeKind::kDocument), 2U);
  EXPECT_EQ(stats->edges_by_relation.at("partner_of"), 1U);
  EXPECT_EQ(stats->edges_by_relation.at("quoted_in"), 2U);
  Status invariants = presskg::graph::testing::CheckStoreInvariants(*snap);
  EXPECT_TRUE(invariants.ok()) << invariants.ToString();
}

TEST_F(StoreRoundTripTest, EntitiesMatchByKeyAndKind) {
  DocumentGraph doc = AvlDocument("One.", "2022-12-01", FactStatus::kStated);
  const CommitResult first = Commit(doc);
  DocumentGraph next;
  next.document.text = "Two.";
  next.entities = {Entity(NodeKind::kPerson, "AVL Maroc"),  // same key, other kind
                   Entity(NodeKind::kOrganization, "AVL Maroc SA")};
  next.entities[1].match_keys = {"avl maroc sa", "avl maroc"};  // the second key matches
  next.facts = {Fact(0, "has_role_at", 1)};
  const CommitResult second = Commit(next);
  EXPECT_EQ(second.nodes_created, 1U);
  EXPECT_NE(second.entity_ids[0], first.entity_ids[0]);
  EXPECT_EQ(second.entity_ids[1], first.entity_ids[0]);
  auto snap = store_->Snapshot();
  std::vector<NodeId> both = *snap->LookupNameKey("avl maroc");
  std::sort(both.begin(), both.end());
  EXPECT_EQ(both, (std::vector<NodeId>{first.entity_ids[0], second.entity_ids[0]}));
  EXPECT_EQ(*snap->LookupNameKey("avl maroc sa"), std::vector<NodeId>{first.entity_ids[0]});
  // An entity given by id reuses that node.
  DocumentGraph by_id;
  by_id.document.text = "Three.";
  by_id.entities = {Entity(NodeKind::kOrganization, "Renamed")};
  by_id.entities[0].id = first.entity_ids[1];
  by_id.facts = {Fact(0, "has_client", 0)};
  EXPECT_EQ(Commit(by_id).entity_ids, std::vector<NodeId>{first.entity_ids[1]});
}

// Name keys are stored as key 0x00 id: a key that extends another by a NUL byte must not be
// taken for it, neither when matching entities nor in LookupNameKey.
TEST_F(StoreRoundTripTest, NameKeysMatchExactlyEvenWithNulBytes) {
  DocumentGraph first;
  first.document.text = "One.";
  first.entities = {Entity(NodeKind::kOrganization, "Acme B")};
  first.entities[0].match_keys = {std::string("acme\0b", 6)};
  first.facts = {Fact(0, "has_client", 0)};
  const CommitResult a = Commit(first);
  DocumentGraph second = first;
  second.document.text = "Two.";
  second.entities[0].match_keys = {"acme"};
  const CommitResult b = Commit(second);
  EXPECT_EQ(b.nodes_created, 1U);
  EXPECT_NE(b.entity_ids, a.entity_ids);
  auto snap = store_->Snapshot();
  EXPECT_EQ(*snap->LookupNameKey("acme"), b.entity_ids);
  EXPECT_EQ(*snap->LookupNameKey(std::string("acme\0b", 6)), a.entity_ids);
}

TEST_F(StoreRoundTripTest, InvalidDocumentsAreRefusedAndWriteNothing) {
  const CommitResult first = Commit(AvlDocument("Valid.", "2022-12-01", FactStatus::kStated));
  const std::string before = Dump(*store_->Snapshot());

  std::vector<std::pair<std::string, DocumentGraph>> invalid;
  auto variant = [&](const std::string& what) -> DocumentGraph& {
    invalid.emplace_back(what, AvlDocument("Invalid: " + what, "2022-12-02", FactStatus::kStated));
    return invalid.back().second;
  };
  variant("unknown relation id").facts.back().relation = 999;
  variant("relation id 0").facts.front().relation = 0;
  variant("subject out of range").facts.back().subject = 5;
  variant("object out of range").facts.back().object = 77;
  variant("entity without match keys").entities.back().match_keys.clear();
  variant("entity of kind document").entities.back().kind = NodeKind::kDocument;
  variant("missing node id").entities.back().id = 123456;
  variant("unknown literal type").literals.back().type = "turnover";
  variant("literal out of range").literals.front().subject = 9;
  variant("entity kind out of range").entities.front().kind = static_cast<NodeKind>(0);
  variant("evidence status out of range").facts.back().evidence.status = static_cast<FactStatus>(7);
  variant("literal status out of range").literals.back().evidence.status =
      static_cast<FactStatus>(3);
  for (const auto& [what, doc] : invalid) {
    Result<CommitResult> result = store_->CommitDocument(doc);
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument) << what;
    EXPECT_EQ(Dump(*store_->Snapshot()), before) << what;
  }
  // No node id was consumed by the refused documents, even after a reopen.
  Reopen();
  const CommitResult next = Commit(AvlDocument("Valid again.", "2022-12-03", FactStatus::kStated));
  EXPECT_EQ(next.document, first.document + 1 + first.nodes_created);
  EXPECT_TRUE(presskg::graph::testing::CheckStoreInvariants(*store_->Snapshot()).ok());
}

TEST_F(StoreRoundTripTest, ReadOnlyStoreRefusesCommits) {
  Commit(AvlDocument("Text.", "2022-12-01", FactStatus::kStated));
  StoreOptions options;
  options.read_only = true;
  Reopen(options);
  Result<CommitResult> result =
      store_->CommitDocument(AvlDocument("Other.", "2022-12-01", FactStatus::kStated));
  EXPECT_EQ(result.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(store_->Snapshot()->GetStats()->documents, 1U);
}

}  // namespace
}  // namespace presskg::graph
