// Journalist corrections in the store: merge, split and revert keep every invariant, lose no
// evidence, survive a reopen, and steer later documents.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "graph/graph_store.h"
#include "graph/relation_schema.h"
#include "graph/store_check.h"
#include "graph/testing/store_testing.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;

// Every edge of the store with its evidence (document, sentence) list: the state a correction and
// its revert must give back exactly.
using EdgeDump = std::map<EdgeKey, std::vector<std::pair<NodeId, std::string>>>;

EdgeDump DumpEdges(const GraphStore& store) {
  auto snapshot = store.Snapshot();
  EdgeDump out;
  EXPECT_TRUE(snapshot
                  ->ForEachEdge([&](const Edge& edge) {
                    auto evidence = snapshot->GetEvidence(edge.key);
                    EXPECT_TRUE(evidence.ok());
                    for (const Evidence& e : *evidence) {
                      out[edge.key].emplace_back(e.document, e.sentence);
                    }
                    return true;
                  })
                  .ok());
  return out;
}

std::set<NodeId> Neighbors(const GraphSnapshot& snapshot, NodeId node) {
  std::set<NodeId> out;
  EXPECT_TRUE(snapshot
                  .ForEachNeighbor(node, std::nullopt, std::nullopt,
                                   [&](const AdjacencyEntry& e) {
                                     out.insert(e.neighbor);
                                     return true;
                                   })
                  .ok());
  return out;
}

NodeId Lookup(const GraphStore& store, const std::string& key) {
  auto ids = store.Snapshot()->LookupNameKey(key);
  EXPECT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 1U) << key;
  return ids->empty() ? 0 : ids->front();
}

// Both checkers: the snapshot invariants and `presskg check`'s full scan (counters, the
// corrections log, redirects).
void ExpectSound(const GraphStore& store) {
  Status status = testing::CheckStoreInvariants(*store.Snapshot());
  EXPECT_TRUE(status.ok()) << status.message();
  Result<StoreCheckReport> report = CheckStore(store.path());
  ASSERT_TRUE(report.ok()) << report.status().message();
  for (const StoreProblem& problem : report->problems) {
    ADD_FAILURE() << problem.kind << " " << problem.key << ": " << problem.message;
  }
}

// A one-fact document: `subject` (named `name`, indexed under `keys`) -has_client-> `client`.
DocumentGraph ClientDocument(const std::string& text, const std::string& name,
                             std::vector<std::string> keys, const std::string& client) {
  DocumentGraph doc;
  doc.document.name = text + ".txt";
  doc.document.text = text;
  doc.document.lang = "en";
  doc.document.date = "2024-01-02";
  EntityInput subject;
  subject.name = name;
  subject.match_keys = std::move(keys);
  EntityInput object;
  object.name = client;
  object.match_keys = {client};
  doc.entities = {subject, object};
  FactInput fact;
  fact.subject = 0;
  fact.object = 1;
  fact.relation = RelationSchema::Builtin().Find("has_client")->id;
  fact.evidence.sentence = text;
  fact.evidence.lang = "en";
  fact.evidence.rule = "test";
  doc.facts.push_back(fact);
  return doc;
}

class StoreCorrectionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = GraphStore::Open(dir_.Sub("store"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    for (std::uint64_t i = 0; i < 40; ++i) {
      ASSERT_TRUE(store_->CommitDocument(testing::SyntheticDocument(7, i)).ok());
    }
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(StoreCorrectionsTest, MergeMovesEveryFactAndRevertGivesTheStoreBack) {
  const NodeId keep = Lookup(*store_, "org-1");
  const NodeId absorb = Lookup(*store_, "org-2");
  const EdgeDump before = DumpEdges(*store_);
  const StoreStats stats_before = *store_->Snapshot()->GetStats();
  std::set<NodeId> expected = Neighbors(*store_->Snapshot(), keep);
  for (NodeId n : Neighbors(*store_->Snapshot(), absorb)) expected.insert(n);
  expected.erase(keep);
  expected.erase(absorb);
  std::size_t evidence_before = 0;
  for (const auto& [key, list] : before) evidence_before += list.size();

  Result<Correction> merged =
      store_->MergeNodes({keep, absorb, "same company, renamed in 2023", {"org-2"}});
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->kind, CorrectionKind::kMerge);
  EXPECT_FALSE(merged->facts.empty());
  ExpectSound(*store_);
  {
    auto snapshot = store_->Snapshot();
    EXPECT_EQ(snapshot->GetNode(absorb).status().code(), Status::Code::kNotFound);
    EXPECT_EQ(*snapshot->FollowRedirect(absorb), std::optional<NodeId>(keep));
    EXPECT_EQ(*snapshot->LookupNameKey("org-2"), std::vector<NodeId>{keep});
    EXPECT_EQ(Neighbors(*snapshot, keep), expected);
    Node node = *snapshot->GetNode(keep);
    bool has_alias = false;
    for (const Alias& alias : node.aliases) has_alias = has_alias || alias.name == "org-2";
    EXPECT_TRUE(has_alias);
    StoreStats stats = *snapshot->GetStats();
    EXPECT_EQ(stats.nodes_by_kind[NodeKind::kOrganization],
              stats_before.nodes_by_kind.at(NodeKind::kOrganization) - 1);
    EXPECT_EQ(stats.evidence + merged->loops_parked, stats_before.evidence);
    EXPECT_EQ(stats.corrections, 1U);
    std::size_t evidence_after = 0;
    for (const auto& [key, list] : DumpEdges(*store_)) evidence_after += list.size();
    EXPECT_EQ(evidence_after + merged->loops_parked, evidence_before);
  }

  Result<Correction> reverted = store_->RevertCorrection(merged->id, "they are two companies");
  ASSERT_TRUE(reverted.ok()) << reverted.status().message();
  ExpectSound(*store_);
  EXPECT_EQ(DumpEdges(*store_), before);
  auto snapshot = store_->Snapshot();
  EXPECT_EQ(*snapshot->LookupNameKey("org-2"), std::vector<NodeId>{absorb});
  EXPECT_EQ(*snapshot->FollowRedirect(absorb), std::nullopt);
  StoreStats stats = *snapshot->GetStats();
  EXPECT_EQ(stats.nodes_by_kind, stats_before.nodes_by_kind);
  EXPECT_EQ(stats.edges_by_relation, stats_before.edges_by_relation);
  EXPECT_EQ(stats.evidence, stats_before.evidence);
  std::vector<Correction> log = *snapshot->ListCorrections(0);
  ASSERT_EQ(log.size(), 2U);
  EXPECT_EQ(log[0].reverted_by, reverted->id);
  EXPECT_EQ(log[1].reverts, merged->id);
  EXPECT_EQ(log[0].why, "same company, renamed in 2023");
  EXPECT_FALSE(log[0].when.empty());
}

TEST_F(StoreCorrectionsTest, LaterDocumentsAndReopenFollowTheMerge) {
  const NodeId keep = Lookup(*store_, "org-1");
  const NodeId absorb = Lookup(*store_, "org-2");
  ASSERT_TRUE(store_->MergeNodes({keep, absorb, "duplicate", {"org-2"}}).ok());

  // A document naming only the absorbed name lands on the kept node.
  auto commit = store_->CommitDocument(ClientDocument("org-2 serves acme.", "org-2", {"org-2"}, "acme"));
  ASSERT_TRUE(commit.ok());
  EXPECT_EQ(commit->entity_ids[0], keep);
  // So does an explicit reference to the old id (statements that name node ids).
  DocumentGraph by_id = ClientDocument("old id serves beta.", "org-2", {"org-2"}, "beta");
  by_id.entities[0].id = absorb;
  commit = store_->CommitDocument(by_id);
  ASSERT_TRUE(commit.ok()) << commit.status().message();
  EXPECT_EQ(commit->entity_ids[0], keep);
  ExpectSound(*store_);

  store_.reset();
  auto reopened = GraphStore::Open(dir_.Sub("store"));
  ASSERT_TRUE(reopened.ok());
  auto log = (*reopened)->Snapshot()->ListCorrections(absorb);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ((*log)[0].to, keep);
  commit = (*reopened)->CommitDocument(ClientDocument("org-2 again.", "org-2", {"org-2"}, "gamma"));
  ASSERT_TRUE(commit.ok());
  EXPECT_EQ(commit->entity_ids[0], keep);
}

TEST_F(StoreCorrectionsTest, SplitMovesTheFactsOfDocumentsThatUsedOnlyTheSplitNames) {
  auto a = store_->CommitDocument(ClientDocument("Acme serves one.", "Acme", {"acme"}, "one"));
  auto b = store_->CommitDocument(
      ClientDocument("Acme Holdings serves two.", "Acme Holdings", {"acme", "acme holdings"}, "two"));
  ASSERT_TRUE(a.ok() && b.ok());
  const NodeId acme = a->entity_ids[0];
  ASSERT_EQ(b->entity_ids[0], acme);  // resolved together through the shared key
  const NodeId two = b->entity_ids[1];
  const EdgeDump before = DumpEdges(*store_);

  Result<Correction> split =
      store_->SplitNode({acme, {"Acme Holdings"}, "the holding is another company", {"acme holdings"}});
  ASSERT_TRUE(split.ok()) << split.status().message();
  ExpectSound(*store_);
  const NodeId holdings = split->to;
  auto snapshot = store_->Snapshot();
  EXPECT_EQ(snapshot->GetNode(holdings)->label, "Acme Holdings");
  EXPECT_EQ(snapshot->GetNode(acme)->label, "Acme");
  EXPECT_EQ(Neighbors(*snapshot, holdings), std::set<NodeId>({two}));
  EXPECT_FALSE(Neighbors(*snapshot, acme).contains(two));
  EXPECT_EQ(*snapshot->LookupNameKey("acme holdings"), std::vector<NodeId>{holdings});
  EXPECT_EQ(*snapshot->LookupNameKey("acme"), std::vector<NodeId>{acme});

  // A later document naming the split-off name lands on the new node.
  auto later = store_->CommitDocument(
      ClientDocument("Acme Holdings serves three.", "Acme Holdings", {"acme holdings"}, "three"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->entity_ids[0], holdings);

  Result<Correction> reverted = store_->RevertCorrection(split->id, "it was the same after all");
  ASSERT_TRUE(reverted.ok()) << reverted.status().message();
  ExpectSound(*store_);
  snapshot = store_->Snapshot();
  EXPECT_EQ(*snapshot->FollowRedirect(holdings), std::optional<NodeId>(acme));
  std::set<NodeId> neighbors = Neighbors(*snapshot, acme);
  EXPECT_TRUE(neighbors.contains(two));
  EXPECT_TRUE(neighbors.contains(later->entity_ids[1]));
  EdgeDump after = DumpEdges(*store_);
  for (const auto& [key, evidence] : before) EXPECT_EQ(after[key], evidence);
}

TEST_F(StoreCorrectionsTest, RefusedCorrectionsChangeNothing) {
  const NodeId org = Lookup(*store_, "org-1");
  const NodeId person = Lookup(*store_, "person-1");
  const EdgeDump before = DumpEdges(*store_);
  auto code = [](const auto& result) { return result.status().code(); };
  EXPECT_EQ(code(store_->MergeNodes({org, org, "x", {}})), Status::Code::kInvalidArgument);
  EXPECT_EQ(code(store_->MergeNodes({org, person, "x", {}})), Status::Code::kInvalidArgument);
  EXPECT_EQ(code(store_->MergeNodes({org, Lookup(*store_, "org-3"), "  ", {}})),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(code(store_->MergeNodes({org, 999999, "x", {}})), Status::Code::kNotFound);
  EXPECT_EQ(code(store_->SplitNode({org, {"no such name"}, "x", {}})), Status::Code::kInvalidArgument);
  const Node org_node = store_->Snapshot()->GetNode(org).value();
  std::vector<std::string> every_name;
  for (const Alias& alias : org_node.aliases) every_name.push_back(alias.name);
  EXPECT_EQ(code(store_->SplitNode({org, every_name, "x", {}})), Status::Code::kInvalidArgument);
  EXPECT_EQ(code(store_->RevertCorrection(42, "x")), Status::Code::kNotFound);
  EXPECT_EQ(DumpEdges(*store_), before);
  EXPECT_EQ(store_->Snapshot()->GetStats()->corrections, 0U);

  auto merged = store_->MergeNodes({org, Lookup(*store_, "org-3"), "dup", {"org-3"}});
  ASSERT_TRUE(merged.ok());
  auto reverted = store_->RevertCorrection(merged->id, "undo");
  ASSERT_TRUE(reverted.ok());
  EXPECT_EQ(code(store_->RevertCorrection(merged->id, "again")), Status::Code::kInvalidArgument);
  EXPECT_EQ(code(store_->RevertCorrection(reverted->id, "redo")), Status::Code::kInvalidArgument);
  ExpectSound(*store_);
}

}  // namespace
}  // namespace presskg::graph
