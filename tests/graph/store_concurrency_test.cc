#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "graph/graph_store.h"
#include "graph/testing/store_testing.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;

// One writer commits while readers check that each snapshot shows whole documents only and
// counters that match its own contents.
TEST(StoreConcurrencyTest, SnapshotsSeeWholeDocumentsWhileAWriterCommits) {
  constexpr std::uint64_t kDocuments = 300;
  constexpr int kReaders = 3;
  TempDir dir;
  Result<std::unique_ptr<GraphStore>> opened = GraphStore::Open(dir.Sub("db"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  GraphStore& store = **opened;

  std::atomic<bool> done{false};
  std::atomic<int> checks{0};
  std::mutex failures_mu;
  std::vector<std::string> failures;
  auto fail = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(failures_mu);
    failures.push_back(what);
  };

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] {
      std::uint64_t last_seen = 0;
      // At least one check after the writer finished, so the final state is checked too.
      for (bool last = false; !last;) {
        last = done.load();
        std::unique_ptr<GraphSnapshot> snap = store.Snapshot();
        Result<StoreStats> stats = snap->GetStats();
        if (!stats.ok()) return fail(stats.status().ToString());
        Status status = graph::testing::CheckStoreInvariants(*snap);
        if (!status.ok()) return fail(status.ToString());
        if (stats->documents < last_seen) return fail("a later snapshot shows fewer documents");
        last_seen = stats->documents;
        ++checks;
      }
      if (last_seen != kDocuments) fail("the final snapshot misses documents");
    });
  }
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    Result<CommitResult> r = store.CommitDocument(graph::testing::SyntheticDocument(77, i));
    if (!r.ok()) {
      fail("commit: " + r.status().ToString());
      break;
    }
    if (i % 50 == 0) std::this_thread::yield();
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_GT(checks.load(), kReaders) << "readers should overlap the writer";
}

// Snapshots are frozen: a snapshot taken before a commit does not see it.
TEST(StoreConcurrencyTest, SnapshotDoesNotSeeLaterCommits) {
  TempDir dir;
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir.Sub("db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->CommitDocument(graph::testing::SyntheticDocument(5, 0)).ok());
  std::unique_ptr<GraphSnapshot> before = (*store)->Snapshot();
  Result<CommitResult> second = (*store)->CommitDocument(graph::testing::SyntheticDocument(5, 1));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(before->GetStats()->documents, 1U);
  EXPECT_EQ(before->GetDocument(second->document).status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(graph::testing::CheckStoreInvariants(*before).ok());
  EXPECT_EQ((*store)->Snapshot()->GetStats()->documents, 2U);
}

}  // namespace
}  // namespace presskg::graph
