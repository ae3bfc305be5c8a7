#include "graph/bulk_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/query/adjacency_index.h"
#include "graph/relation_schema.h"
#include "graph/store_check.h"
#include "graph/testing/store_testing.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;

constexpr char kDate[] = "2024-05-01";

// A random graph: every kind but document, names with accents, shared and secondary name keys,
// every relation (symmetric ones in both orientations), duplicate edges and a self-loop.
BulkGraph RandomGraph(std::uint32_t nodes, std::uint32_t edges, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const NodeKind kinds[] = {NodeKind::kOrganization, NodeKind::kPerson, NodeKind::kPlace,
                            NodeKind::kSector};
  BulkGraph graph;
  for (std::uint32_t i = 0; i < nodes; ++i) {
    BulkNode node;
    node.kind = kinds[rng() % 4];
    node.name = "Société n°" + std::to_string(i);
    node.lang = i % 3 == 0 ? "fr" : (i % 3 == 1 ? "en" : "");
    if (i % 5 == 0) node.label_fr = node.name;
    if (i % 7 == 0) node.label_en = "Company no " + std::to_string(i);
    node.name_keys = {"societe " + std::to_string(i)};
    if (i % 4 == 0) node.name_keys.push_back("alias " + std::to_string(i));
    graph.nodes.push_back(std::move(node));
  }
  // One key shared by an organization and a place: different kinds are never merged.
  graph.nodes[0].kind = NodeKind::kOrganization;
  graph.nodes[1].kind = NodeKind::kPlace;
  graph.nodes[0].name_keys.push_back("mercury");
  graph.nodes[1].name_keys.push_back("mercury");

  const auto relations = static_cast<RelationId>(RelationSchema::Builtin().relations().size());
  for (std::uint32_t i = 0; i < edges; ++i) {
    BulkEdge edge;
    edge.source = rng() % nodes;
    edge.target = rng() % nodes;
    edge.relation = static_cast<RelationId>(1 + rng() % relations);
    edge.status = static_cast<FactStatus>(rng() % 3);
    edge.confidence = static_cast<float>(1 + rng() % 100) / 100.0F;
    graph.edges.push_back(edge);
  }
  for (std::uint32_t i = 0; i < edges / 20; ++i) {  // duplicates, some reversed
    BulkEdge edge = graph.edges[rng() % graph.edges.size()];
    if (i % 2 == 0) std::swap(edge.source, edge.target);
    edge.status = static_cast<FactStatus>(rng() % 3);
    graph.edges.push_back(edge);
  }
  graph.edges.push_back({3, 3, 1, FactStatus::kStated, 0.5F});
  return graph;
}

// The same graph as one document for CommitDocument.
DocumentGraph AsDocument(const BulkGraph& graph, const BulkLoadOptions& options) {
  DocumentGraph doc;
  doc.document.name = options.document_name;
  doc.document.title = options.document_title;
  doc.document.date = options.document_date;
  doc.document.text = "Bulk import of " + std::to_string(graph.nodes.size()) + " nodes and " +
                      std::to_string(graph.edges.size()) + " edges.";
  for (const BulkNode& node : graph.nodes) {
    EntityInput entity;
    entity.kind = node.kind;
    entity.name = node.name;
    entity.lang = node.lang;
    entity.label_fr = node.label_fr;
    entity.label_en = node.label_en;
    entity.match_keys = node.name_keys;
    doc.entities.push_back(std::move(entity));
  }
  for (const BulkEdge& edge : graph.edges) {
    FactInput fact;
    fact.subject = static_cast<EntityIndex>(edge.source);
    fact.object = static_cast<EntityIndex>(edge.target);
    fact.relation = edge.relation;
    fact.evidence.status = edge.status;
    fact.evidence.confidence = edge.confidence;
    fact.evidence.rule = options.rule;
    doc.facts.push_back(std::move(fact));
  }
  return doc;
}

template <typename T>
T Get(Result<T> result) {
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? std::move(result).value() : T{};
}

void DumpNode(const GraphSnapshot& snapshot, const Node& node, std::ostream& out) {
  out << "node " << node.id << ' ' << NodeKindName(node.kind) << ' ' << node.label << '|'
      << node.label_fr << '|' << node.label_en;
  for (const Alias& alias : node.aliases) {
    out << " alias " << alias.name << '|' << alias.lang;
    for (NodeId doc : alias.documents) out << ',' << doc;
  }
  out << '\n';
  Status status =
      snapshot.ForEachNeighbor(node.id, std::nullopt, std::nullopt, [&](const AdjacencyEntry& e) {
        out << " adj " << static_cast<int>(e.direction) << ' ' << e.relation << ' ' << e.neighbor
            << '\n';
        return true;
      });
  EXPECT_TRUE(status.ok()) << status.ToString();
}

void DumpEdge(const GraphSnapshot& snapshot, const Edge& edge, std::ostream& out) {
  out << "edge " << edge.key.source << ' ' << edge.key.relation << ' ' << edge.key.target << ' '
      << edge.first_seen << ' ' << edge.last_seen << ' ' << edge.source_count << ' '
      << edge.evidence_count << ' ' << FactStatusName(edge.status) << ' ' << edge.confidence << ' '
      << edge.properties.size() << '\n';
  for (const Evidence& e : Get(snapshot.GetEvidence(edge.key))) {
    out << " evidence " << e.document << ' ' << e.sentence << '|' << e.start << '|' << e.end << '|'
        << e.lang << '|' << e.rule << '|' << e.confidence << '|' << FactStatusName(e.status) << '|'
        << e.date << '\n';
  }
}

void DumpDocument(const GraphSnapshot& snapshot, const Document& doc, std::ostream& out) {
  out << "document " << doc.id << ' ' << doc.name << '|' << doc.title << '|' << doc.date << '|'
      << doc.content_hash << '|' << doc.text << '\n';
  for (const EdgeKey& key : Get(snapshot.GetDocumentEdges(doc.id))) {
    out << " fact " << key.source << ' ' << key.relation << ' ' << key.target << '\n';
  }
}

// Everything a snapshot shows, as text: nodes with their adjacency, edges with their evidence,
// the names index, documents with their facts, and the counters.
std::string Dump(const GraphSnapshot& snapshot) {
  std::ostringstream out;
  const Status scans[] = {snapshot.ForEachNode([&](const Node& node) {
                            DumpNode(snapshot, node, out);
                            return true;
                          }),
                          snapshot.ForEachEdge([&](const Edge& edge) {
                            DumpEdge(snapshot, edge, out);
                            return true;
                          }),
                          snapshot.ForEachNameKey("",
                                                  [&](std::string_view key, NodeId node) {
                                                    out << "name " << key << ' ' << node << '\n';
                                                    return true;
                                                  }),
                          snapshot.ForEachDocument(true, [&](const Document& doc) {
                            DumpDocument(snapshot, doc, out);
                            return true;
                          })};
  for (const Status& status : scans) EXPECT_TRUE(status.ok()) << status.ToString();
  StoreStats stats = Get(snapshot.GetStats());
  out << "stats documents " << stats.documents << " evidence " << stats.evidence << " literals "
      << stats.literals << '\n';
  for (const auto& [kind, n] : stats.nodes_by_kind) {
    out << " nodes " << NodeKindName(kind) << ' ' << n << '\n';
  }
  for (const auto& [relation, n] : stats.edges_by_relation) {
    out << " edges " << relation << ' ' << n << '\n';
  }
  return out.str();
}

// A document with one new entity and one fact, to see which ids each store hands out next.
DocumentGraph NextDocument() {
  DocumentGraph doc;
  doc.document.name = "next.txt";
  doc.document.text = "A later document.";
  EntityInput entity;
  entity.name = "Later Org";
  entity.match_keys = {"later org"};
  doc.entities.push_back(entity);
  FactInput fact;
  fact.subject = 0;
  fact.relation = 1;
  fact.object = 0;
  doc.facts.push_back(fact);
  return doc;
}

TEST(BulkLoaderTest, WritesWhatCommittingTheSameGraphWrites) {
  TempDir dir;
  const BulkGraph graph = RandomGraph(2000, 6000, 7);
  BulkLoadOptions options;
  options.document_date = kDate;
  options.sst_file_bytes = 64 << 10;  // several files per column family
  options.sst_file_entries = 2000;

  Result<BulkLoadResult> loaded = BulkLoad(dir.Sub("bulk"), graph, options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->document, 1U);
  EXPECT_EQ(loaded->first_node, 2U);
  EXPECT_EQ(loaded->nodes, graph.nodes.size() + 1);
  EXPECT_EQ(loaded->evidence, graph.edges.size());
  Result<StoreCheckReport> check = CheckStore(dir.Sub("bulk"));
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->sound()) << check->problems.front().message;
  EXPECT_EQ(check->edges, loaded->edges);

  auto bulk = GraphStore::Open(dir.Sub("bulk"));
  ASSERT_TRUE(bulk.ok()) << bulk.status().ToString();
  auto normal = GraphStore::Open(dir.Sub("normal"));
  ASSERT_TRUE(normal.ok()) << normal.status().ToString();
  Result<CommitResult> committed = (*normal)->CommitDocument(AsDocument(graph, options));
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  ASSERT_EQ(committed->entity_ids.front(), loaded->first_node);
  EXPECT_EQ(committed->edges_created, loaded->edges);

  auto bulk_snapshot = (*bulk)->Snapshot();
  const std::string bulk_dump = Dump(*bulk_snapshot);
  EXPECT_EQ(bulk_dump, Dump(*(*normal)->Snapshot()));
  EXPECT_NE(bulk_dump.find("name mercury 2\nname mercury 3\n"), std::string::npos);
  Status invariants = testing::CheckStoreInvariants(*bulk_snapshot);
  EXPECT_TRUE(invariants.ok()) << invariants.ToString();
  EXPECT_EQ(Get(bulk_snapshot->LookupNameKey("alias 4")), std::vector<NodeId>{6});

  // The in-memory index the server builds reads the store (self-loops are not indexed).
  Result<AdjacencyIndex> index = AdjacencyIndex::Build(*bulk_snapshot);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->num_vertices(), loaded->nodes);
  std::uint64_t self_loops = 0;
  ASSERT_TRUE(bulk_snapshot
                  ->ForEachEdge([&](const Edge& edge) {
                    self_loops += edge.key.source == edge.key.target ? 1 : 0;
                    return true;
                  })
                  .ok());
  EXPECT_GE(self_loops, 1U);
  EXPECT_EQ(index->num_edges(), loaded->edges - self_loops);

  // The counters and next node id carry on: a later commit gets the same ids in both stores.
  Result<CommitResult> next_bulk = (*bulk)->CommitDocument(NextDocument());
  Result<CommitResult> next_normal = (*normal)->CommitDocument(NextDocument());
  ASSERT_TRUE(next_bulk.ok() && next_normal.ok());
  EXPECT_EQ(next_bulk->document, next_normal->document);
  EXPECT_EQ(next_bulk->entity_ids, next_normal->entity_ids);
  EXPECT_EQ(Dump(*(*bulk)->Snapshot()), Dump(*(*normal)->Snapshot()));
}

TEST(BulkLoaderTest, LoadsAnEmptyGraph) {
  TempDir dir;
  Result<BulkLoadResult> loaded = BulkLoad(dir.Sub("store"), BulkGraph{});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->edges, 0U);
  auto store = GraphStore::Open(dir.Sub("store"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  StoreStats stats = Get((*store)->Snapshot()->GetStats());
  EXPECT_EQ(stats.documents, 1U);
  EXPECT_EQ(stats.nodes_by_kind[NodeKind::kDocument], 1U);
  EXPECT_TRUE(stats.edges_by_relation.empty());
}

TEST(BulkLoaderTest, RefusesANonEmptyStore) {
  TempDir dir;
  const BulkGraph graph = RandomGraph(50, 100, 1);
  ASSERT_TRUE(BulkLoad(dir.Sub("store"), graph).ok());
  Result<BulkLoadResult> again = BulkLoad(dir.Sub("store"), graph);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("not empty"), std::string::npos);

  auto store = GraphStore::Open(dir.Sub("store"));
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(Get((*store)->Snapshot()->GetStats()).documents, 1U);  // unchanged
}

TEST(BulkLoaderTest, RejectsABadGraphBeforeWritingAnything) {
  TempDir dir;
  BulkGraph graph = RandomGraph(10, 20, 2);
  graph.edges.push_back({0, 10, 1, FactStatus::kStated, 1.0F});
  Result<BulkLoadResult> out_of_range = BulkLoad(dir.Sub("a"), graph);
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("a")));

  graph.edges.back() = {0, 1, 999, FactStatus::kStated, 1.0F};
  EXPECT_EQ(BulkLoad(dir.Sub("b"), graph).status().code(), Status::Code::kInvalidArgument);

  graph.edges.pop_back();
  graph.nodes[4].kind = NodeKind::kDocument;
  EXPECT_EQ(BulkLoad(dir.Sub("c"), graph).status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace presskg::graph
