#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

#include "graph/query/adjacency_index.h"
#include "graph/query/date_key.h"
#include "tests/graph/query_test_graph.h"

namespace presskg::graph {
namespace {

using testing::Dump;
using testing::EntryDump;
using testing::FakeSnapshot;
using testing::IndexDump;
using testing::MakeEdge;
using testing::MakeNode;
using testing::RandomGraph;
using testing::Rel;
using testing::TestGraph;

TEST(QueryAdjacencyIndexTest, PacksDates) {
  EXPECT_EQ(PackDate("2022-12-01"), 20221201U);
  EXPECT_EQ(PackDate("2022-12"), 20221200U);
  EXPECT_EQ(PackDate("2022-12", DatePad::kHigh), 20221299U);
  EXPECT_EQ(PackDate("2022", DatePad::kHigh), 20229999U);
  EXPECT_EQ(PackDate(""), kUndated);
  EXPECT_EQ(PackDate("2022-13"), kUndated);
  EXPECT_EQ(PackDate("22-12-01"), kUndated);
  EXPECT_EQ(PackDate("2022-12-01T10:00"), kUndated);
  EXPECT_EQ(ParseDateBound("", DatePad::kLow).value(), kUndated);
  EXPECT_FALSE(ParseDateBound("soon", DatePad::kLow).ok());
}

TEST(QueryAdjacencyIndexTest, FormatsPackedDatesBack) {
  for (const char* iso : {"2022-12-01", "2022-12", "2022", "1999-01-31", ""}) {
    EXPECT_EQ(FormatDate(PackDate(iso)), iso);
  }
}

TEST(QueryAdjacencyIndexTest, NodeLabelRecordsRoundTrip) {
  const std::string long_name(300, 'x');  // a length over one varint byte
  struct Case {
    std::string label, fr, en;
  };
  for (const Case& c : std::vector<Case>{{"Groupe AVL", "Groupe AVL", "AVL Group"},
                                         {"Maroc", "", "Morocco"},
                                         {"", "", ""},
                                         {long_name, long_name + "é", ""},
                                         {"STELLANTIS", "STELLANTIS", "STELLANTIS"}}) {
    std::string record;
    AppendNodeLabels(c.label, c.fr, c.en, &record);
    const NodeLabels back = DecodeNodeLabels(record);
    EXPECT_EQ(back.label, c.label);
    EXPECT_EQ(back.label_fr, c.fr);
    EXPECT_EQ(back.label_en, c.en);
  }
  std::string same;
  AppendNodeLabels("Stellantis", "Stellantis", "Stellantis", &same);
  EXPECT_EQ(same.size(), std::string("Stellantis").size() + 3) << "a repeated name is not stored";
  // A truncated record gives shorter names, never a read past its end.
  std::string record;
  AppendNodeLabels("Renault", "Groupe Renault", "Renault Group", &record);
  for (std::size_t n = 0; n < record.size(); ++n) {
    const NodeLabels cut = DecodeNodeLabels(std::string_view(record).substr(0, n));
    EXPECT_LE(cut.label.size() + cut.label_fr.size() + cut.label_en.size(), n);
  }
}

TEST(QueryAdjacencyIndexTest, EveryEdgeAppearsOnceAtEachEndpoint) {
  TestGraph graph;
  for (NodeId id : {10, 20, 30}) graph.nodes.push_back(MakeNode(id));
  graph.edges = {MakeEdge(10, "subsidiary_of", 20, "2021-02-03", "2022", 3),
                 MakeEdge(30, "partner_of", 20),   // symmetric, given target < source
                 MakeEdge(10, "has_client", 10)};  // self-loop: not indexed
  Result<AdjacencyIndex> index = graph.BuildIndex();
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->num_edges(), 2U);
  EXPECT_EQ(index->num_vertices(), 3U);
  IndexDump dump = Dump(*index);
  const int source = kEntryIsSource;
  const int sym = kEntrySymmetric;
  EXPECT_EQ(dump.lists[10],
            (std::vector<EntryDump>{{20, Rel("subsidiary_of"), source, 0, 3, 20210203, 20220000}}));
  EXPECT_EQ(dump.lists[20],
            (std::vector<EntryDump>{{10, Rel("subsidiary_of"), 0, 0, 3, 20210203, 20220000},
                                    {30, Rel("partner_of"), source | sym, 0, 1, 0, 0}}));
  EXPECT_EQ(dump.lists[30], (std::vector<EntryDump>{{20, Rel("partner_of"), sym, 0, 1, 0, 0}}));
  const VertexIndex v30 = *index->Find(30);
  EXPECT_EQ(index->KeyOf(v30, index->Adjacent(v30).hot[0]), (EdgeKey{20, Rel("partner_of"), 30}));
  EXPECT_FALSE(index->Find(11).has_value());
  EXPECT_GT(index->memory_bytes(), 0U);
}

TEST(QueryAdjacencyIndexTest, FollowsHonoursDirectionAndSymmetry) {
  using D = TraversalDirection;
  EXPECT_TRUE(Follows(D::kOut, kEntryIsSource));
  EXPECT_FALSE(Follows(D::kOut, 0));
  EXPECT_TRUE(Follows(D::kOut, kEntrySymmetric));
  EXPECT_FALSE(Follows(D::kIn, kEntryIsSource));
  EXPECT_TRUE(Follows(D::kIn, 0));
  EXPECT_TRUE(Follows(D::kIn, kEntryIsSource | kEntrySymmetric));
  EXPECT_TRUE(Follows(D::kBoth, 0));
  EXPECT_TRUE(Follows(D::kBoth, kEntryIsSource));
}

TEST(QueryAdjacencyIndexTest, BuilderRejectsBadInput) {
  auto build = [](std::vector<Node> nodes, std::vector<Edge> edges) {
    TestGraph graph{std::move(nodes), std::move(edges)};
    return graph.BuildIndex().status().code();
  };
  const auto invalid = Status::Code::kInvalidArgument;
  EXPECT_EQ(build({MakeNode(1), MakeNode(1)}, {}), invalid);
  EXPECT_EQ(build({MakeNode(0)}, {}), invalid);
  EXPECT_EQ(build({MakeNode(1)}, {MakeEdge(1, "owns", 2)}), invalid);
  EXPECT_EQ(
      build({MakeNode(1), MakeNode(2)}, {MakeEdge(1, "owns", 2), MakeEdge(1, "owns", 2, "2020")}),
      invalid);
  EXPECT_EQ(build({MakeNode(1), MakeNode(2)},
                  {MakeEdge(1, "partner_of", 2), MakeEdge(2, "partner_of", 1)}),
            invalid);
  Edge unknown = MakeEdge(1, "owns", 2);
  unknown.key.relation = 999;
  EXPECT_EQ(build({MakeNode(1), MakeNode(2)}, {unknown}), invalid);
  EXPECT_EQ(build({MakeNode(1), MakeNode(2)}, {MakeEdge(1, "owns", 2), MakeEdge(2, "owns", 1)}),
            Status::Code::kOk);
}

TEST(QueryAdjacencyIndexTest, BuildFromSnapshotMatchesBulkBuilder) {
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const TestGraph graph = RandomGraph(seed, 200, 800, seed % 2 == 0);
    FakeSnapshot snapshot(graph);
    Result<AdjacencyIndex> from_snapshot = AdjacencyIndex::Build(snapshot);
    ASSERT_TRUE(from_snapshot.ok()) << from_snapshot.status().ToString();
    Result<AdjacencyIndex> bulk = graph.BuildIndex();
    ASSERT_TRUE(bulk.ok());
    EXPECT_EQ(Dump(*from_snapshot), Dump(*bulk));
    EXPECT_EQ(from_snapshot->num_edges(), graph.edges.size());
    EXPECT_EQ(from_snapshot->version(), 0U);
  }
}

// Splits a random graph into a base and batches of changes (new nodes, new edges, and updates of
// existing edges), applies them one by one, and compares with an index built from the end state.
TEST(QueryAdjacencyIndexTest, IncrementalChangesEqualARebuild) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    TestGraph final_graph = RandomGraph(seed, 150, 600);
    std::mt19937 rng(seed);
    // Base: the first 100 nodes and the edges among them.
    TestGraph base;
    base.nodes.assign(final_graph.nodes.begin(), final_graph.nodes.begin() + 100);
    for (const Edge& edge : final_graph.edges) {
      if (base.KindOf(edge.key.source) && base.KindOf(edge.key.target) && rng() % 2 == 0) {
        base.edges.push_back(edge);
        base.edges.back().source_count = 1;  // updated to the final value later
        base.edges.back().status = FactStatus::kPlanned;
      }
    }
    Result<AdjacencyIndex> index = base.BuildIndex();
    ASSERT_TRUE(index.ok());
    const IndexDump base_dump = Dump(*index);
    std::vector<AdjacencyIndex> versions = {*index};

    std::vector<Edge> pending = final_graph.edges;
    std::shuffle(pending.begin(), pending.end(), rng);
    std::size_t next_node = 100;
    while (!pending.empty()) {
      std::vector<IndexNode> nodes;
      for (int i = 0; i < 7 && next_node < final_graph.nodes.size(); ++i, ++next_node) {
        nodes.push_back({final_graph.nodes[next_node].id, final_graph.nodes[next_node].kind});
      }
      std::vector<IndexEdge> edges;
      for (std::size_t i = 0; i < pending.size();) {
        const Edge& edge = pending[i];
        auto known = [&](NodeId id) {
          if (versions.back().Find(id)) return true;
          return std::any_of(nodes.begin(), nodes.end(),
                             [&](const IndexNode& n) { return n.id == id; });
        };
        if (edges.size() < 40 && known(edge.key.source) && known(edge.key.target)) {
          IndexEdge changed = ToIndexEdge(edge);
          if (testing::IsSymmetric(edge.key.relation) && rng() % 2 == 0) {
            std::swap(changed.source, changed.target);  // either orientation is accepted
          }
          edges.push_back(changed);
          pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
          ++i;
        }
      }
      Result<AdjacencyIndex> next = versions.back().WithChanges(nodes, edges);
      ASSERT_TRUE(next.ok()) << next.status().ToString();
      EXPECT_EQ(next->version(), versions.back().version() + 1);
      versions.push_back(*next);
    }
    // Nodes never reached by an edge still have to arrive.
    std::vector<IndexNode> rest;
    for (; next_node < final_graph.nodes.size(); ++next_node) {
      rest.push_back({final_graph.nodes[next_node].id, final_graph.nodes[next_node].kind});
    }
    versions.push_back(*versions.back().WithChanges(rest, {}));

    const AdjacencyIndex& last = versions.back();
    const IndexDump expected = Dump(*final_graph.BuildIndex());
    EXPECT_EQ(Dump(last), expected) << "seed " << seed;
    EXPECT_EQ(last.num_edges(), final_graph.edges.size());
    Result<AdjacencyIndex> compacted = last.Compacted();
    ASSERT_TRUE(compacted.ok()) << compacted.status().ToString();
    EXPECT_EQ(Dump(*compacted), expected);
    EXPECT_EQ(compacted->version(), last.version());
    EXPECT_FALSE(compacted->ShouldCompact());
    // Older versions are untouched.
    EXPECT_EQ(Dump(versions.front()), base_dump);
  }
}

TEST(QueryAdjacencyIndexTest, WithChangesRejectsUnknownEndpoints) {
  TestGraph graph;
  graph.nodes = {MakeNode(1), MakeNode(2)};
  AdjacencyIndex index = *graph.BuildIndex();
  Result<AdjacencyIndex> next = index.WithChanges({}, {ToIndexEdge(MakeEdge(1, "owns", 3))});
  EXPECT_EQ(next.status().code(), Status::Code::kInvalidArgument);
  next = index.WithChanges({{3, NodeKind::kPerson}}, {ToIndexEdge(MakeEdge(1, "owns", 3))});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->kind(*next->Find(3)), NodeKind::kPerson);
  EXPECT_EQ(next->degree(*next->Find(1)), 1U);
  EXPECT_EQ(index.degree(*index.Find(1)), 0U);
}

TEST(QueryAdjacencyIndexTest, EmptyIndexAcceptsChanges) {
  AdjacencyIndex empty;
  EXPECT_EQ(empty.num_vertices(), 0U);
  Result<AdjacencyIndex> next =
      empty.WithChanges({{5, NodeKind::kOrganization}, {6, NodeKind::kPlace}},
                        {ToIndexEdge(MakeEdge(5, "located_in", 6))});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->num_edges(), 1U);
  EXPECT_EQ(next->degree(*next->Find(6)), 1U);
}

// Names come from the build, follow a commit that renames a node, and survive compaction.
TEST(QueryAdjacencyIndexTest, LabelsFollowCommitsAndCompaction) {
  TestGraph before;
  before.nodes = {MakeNode(1), MakeNode(2, NodeKind::kPlace)};
  before.nodes[0].label = before.nodes[0].label_fr = "Groupe AVL";
  before.nodes[1].label = before.nodes[1].label_fr = "Maroc";
  before.edges = {MakeEdge(1, "located_in", 2)};
  FakeSnapshot first(before);
  AdjacencyIndex index = *AdjacencyIndex::Build(first);
  EXPECT_EQ(index.labels(*index.Find(1)).label, "Groupe AVL");
  EXPECT_EQ(index.labels(*index.Find(1)).label_en, "");
  EXPECT_EQ(index.labels(*index.Find(2)).label_fr, "Maroc");

  TestGraph after = before;
  after.nodes[0].label_en = "AVL Group";  // an English document named it
  after.nodes.push_back(MakeNode(3));
  after.nodes[2].label = after.nodes[2].label_en = "Stellantis";
  after.nodes.push_back(MakeNode(10, NodeKind::kDocument));
  after.nodes[3].label = "avl.en.txt";
  after.edges.push_back(MakeEdge(1, "has_client", 3));
  after.edges.push_back(MakeEdge(10, "mentions", 1));
  FakeSnapshot second(after, {{10, {after.edges[1].key, after.edges[2].key}}});
  CommitResult commit;
  commit.document = 10;
  commit.entity_ids = {1, 3};
  Result<AdjacencyIndex> next = index.WithCommit(second, commit);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  Result<AdjacencyIndex> compacted = next->Compacted();
  ASSERT_TRUE(compacted.ok());
  for (const AdjacencyIndex* version : {&*next, &*compacted}) {
    const NodeLabels avl = version->labels(*version->Find(1));
    EXPECT_EQ(avl.label, "Groupe AVL");
    EXPECT_EQ(avl.label_fr, "Groupe AVL");
    EXPECT_EQ(avl.label_en, "AVL Group");
    EXPECT_EQ(version->labels(*version->Find(3)).label_en, "Stellantis");
    EXPECT_EQ(version->labels(*version->Find(10)).label, "avl.en.txt");
    EXPECT_EQ(version->labels(*version->Find(2)).label, "Maroc");
  }
  // The version the readers held keeps its names.
  EXPECT_EQ(index.labels(*index.Find(1)).label_en, "");
}

TEST(QueryAdjacencyIndexTest, WithCommitReadsTheCommitBack) {
  TestGraph before;
  before.nodes = {MakeNode(1), MakeNode(2)};
  before.edges = {MakeEdge(1, "has_client", 2, "2020", "2020", 1)};
  AdjacencyIndex index = *before.BuildIndex();

  // Document 10 restates 1 -> 2 (now two sources) and adds 3 (an entity) with 1 -> 3.
  TestGraph after = before;
  after.nodes.push_back(MakeNode(3));
  after.nodes.push_back(MakeNode(10, NodeKind::kDocument));
  after.edges[0] = MakeEdge(1, "has_client", 2, "2020", "2023-04-05", 2);
  after.edges.push_back(MakeEdge(1, "owns", 3, "2023-04-05"));
  after.edges.push_back(MakeEdge(10, "mentions", 1));
  after.edges.push_back(MakeEdge(10, "mentions", 3));
  std::vector<EdgeKey> doc_edges;
  for (const Edge& edge : after.edges) doc_edges.push_back(edge.key);
  FakeSnapshot snapshot(after, {{10, doc_edges}});
  CommitResult commit;
  commit.document = 10;
  commit.entity_ids = {1, 3};
  Result<AdjacencyIndex> next = index.WithCommit(snapshot, commit);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(Dump(*next), Dump(*after.BuildIndex()));
  // Applying the same commit again changes nothing.
  Result<AdjacencyIndex> again = next->WithCommit(snapshot, commit);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Dump(*again), Dump(*next));
  commit.already_present = true;
  EXPECT_EQ(index.WithCommit(snapshot, commit)->version(), index.version());
}

}  // namespace
}  // namespace presskg::graph
