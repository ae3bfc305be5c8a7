// Tests that need a second process: the write lock, and commits killed with SIGKILL. The second
// process is this test binary re-executed (not a bare fork, whose child would inherit RocksDB's
// background thread pools without their threads) running StoreChildProcess.Run.

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "graph/graph_store.h"
#include "graph/relation_schema.h"
#include "graph/testing/store_testing.h"
#include "graph/text_util.h"
#include "tests/test_support.h"

extern char** environ;

namespace presskg::graph {
namespace {

using presskg::testing::TempDir;

constexpr char kModeVar[] = "PRESSKG_STORE_CHILD";  // "hold" or "commit"
constexpr char kDbVar[] = "PRESSKG_STORE_CHILD_DB";
constexpr char kFdVar[] = "PRESSKG_STORE_CHILD_FD";  // the child writes one byte once open
constexpr char kCountVar[] = "PRESSKG_STORE_CHILD_COUNT";
constexpr std::uint64_t kSeed = 20221201;

// A child process running this binary; killed and reaped on destruction.
class Child {
 public:
  Child(const std::string& mode, const std::string& db, std::uint64_t count = 0) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
    env_strings.push_back(std::string(kModeVar) + "=" + mode);
    env_strings.push_back(std::string(kDbVar) + "=" + db);
    env_strings.push_back(std::string(kFdVar) + "=" + std::to_string(fds[1]));
    env_strings.push_back(std::string(kCountVar) + "=" + std::to_string(count));
    std::vector<char*> envp;
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string exe = "/proc/self/exe", filter = "--gtest_filter=StoreChildProcess.Run",
                brief = "--gtest_brief=1";
    char* argv[] = {exe.data(), filter.data(), brief.data(), nullptr};
    pid_ = fork();
    if (pid_ == 0) {
      close(fds[0]);
      execve(exe.c_str(), argv, envp.data());
      _exit(127);
    }
    close(fds[1]);
    ready_fd_ = fds[0];
  }
  ~Child() {
    Kill();
    close(ready_fd_);
  }
  // True once the child has the store open; false if it died or took longer than 60 s.
  bool WaitReady() {
    pollfd p{ready_fd_, POLLIN, 0};
    char byte = 0;
    return poll(&p, 1, 60000) == 1 && read(ready_fd_, &byte, 1) == 1;
  }
  // SIGKILLs the child (if still running) and returns its wait status.
  int Kill() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    pid_ = -1;
    return status_;
  }

 private:
  pid_t pid_ = -1;
  int ready_fd_ = -1;
  int status_ = 0;
};

// The child side: opens the store, reports readiness, then holds it or commits documents.
TEST(StoreChildProcess, Run) {
  const char* mode = std::getenv(kModeVar);
  if (mode == nullptr) GTEST_SKIP() << "runs only inside a child spawned by the tests below";
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(std::getenv(kDbVar));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const int fd = std::atoi(std::getenv(kFdVar));
  ASSERT_EQ(write(fd, "r", 1), 1);
  if (std::string(mode) == "hold") {
    for (;;) pause();
  }
  const std::uint64_t count = std::strtoull(std::getenv(kCountVar), nullptr, 10);
  for (std::uint64_t i = 0; i < count; ++i) {
    Result<CommitResult> r = (*store)->CommitDocument(graph::testing::SyntheticDocument(kSeed, i));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
}

TEST(StoreLockTest, SecondWriterIsBusyWhileAnotherProcessHoldsTheStore) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  Child holder("hold", path);
  ASSERT_TRUE(holder.WaitReady());

  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kBusy) << store.status().ToString();
  EXPECT_NE(store.status().message().find(path), std::string::npos);
  EXPECT_NE(store.status().message().find("in use by another process"), std::string::npos)
      << store.status().message();

  // Readers do not need the lock.
  StoreOptions read_only;
  read_only.read_only = true;
  EXPECT_TRUE(GraphStore::Open(path, read_only).ok());

  // The command line reports the same and fails.
  const std::string statements = dir.Sub("statements.tsv");
  presskg::testing::WriteFile(statements, "AVL Maroc\tsubsidiary_of\tAVL France\n");
  presskg::testing::CommandResult cli =
      presskg::testing::RunCommand(presskg::testing::PresskgBinary().string() +
                                   " import-statements " + statements + " --db " + path);
  EXPECT_NE(cli.exit_code, 0);
  EXPECT_NE(cli.err.find("in use by another process"), std::string::npos) << cli.err;

  // The lock dies with its holder.
  holder.Kill();
  EXPECT_TRUE(GraphStore::Open(path).ok());
}

// The canonical edges document `doc` must support, resolved through the name index.
std::set<EdgeKey> ExpectedEdges(const GraphSnapshot& snap, const DocumentGraph& doc,
                                NodeId doc_id) {
  std::vector<NodeId> ids;
  for (const EntityInput& entity : doc.entities) {
    NodeId id = 0;
    const std::vector<NodeId> candidates = *snap.LookupNameKey(entity.match_keys.front());
    for (NodeId candidate : candidates) {
      if (snap.GetNode(candidate)->kind == entity.kind) id = candidate;
    }
    ids.push_back(id);
  }
  std::set<EdgeKey> edges;
  for (const FactInput& fact : doc.facts) {
    NodeId s = fact.subject == kThisDocument ? doc_id : ids[fact.subject];
    NodeId o = fact.object == kThisDocument ? doc_id : ids[fact.object];
    if (RelationSchema::Builtin().Get(fact.relation)->symmetric && o < s) std::swap(s, o);
    edges.insert({s, fact.relation, o});
  }
  return edges;
}

// Checks the store after a crash; returns how many documents (a prefix of the sequence) it holds.
std::uint64_t CheckAfterCrash(const std::string& path, std::uint64_t total) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return 0;
  auto snap = (*store)->Snapshot();
  Status invariants = graph::testing::CheckStoreInvariants(*snap);
  EXPECT_TRUE(invariants.ok()) << invariants.ToString();
  std::uint64_t present = 0;
  for (std::uint64_t i = 0; i < total; ++i) {
    DocumentGraph doc = graph::testing::SyntheticDocument(kSeed, i);
    std::optional<NodeId> id = *snap->FindDocumentByHash(Sha256Hex(doc.document.text));
    if (!id) break;
    ++present;
    std::vector<EdgeKey> stored = *snap->GetDocumentEdges(*id);
    EXPECT_EQ(std::set<EdgeKey>(stored.begin(), stored.end()), ExpectedEdges(*snap, doc, *id))
        << "document " << i;
    EXPECT_EQ(snap->GetDocumentLiterals(*id)->size(), doc.literals.size()) << "document " << i;
  }
  for (std::uint64_t i = present; i < total; ++i) {
    DocumentGraph doc = graph::testing::SyntheticDocument(kSeed, i);
    EXPECT_FALSE(snap->FindDocumentByHash(Sha256Hex(doc.document.text))->has_value())
        << "document " << i << " committed although " << present << " is missing";
  }
  EXPECT_EQ(snap->GetStats()->documents, present);
  return present;
}

TEST(StoreCrashTest, KilledWritersLeaveWholeDocumentsOnly) {
  constexpr std::uint64_t kDocuments = 2000;
  // Each round scans the whole store; under the sanitizers (~3x slower) fewer rounds keep the
  // suite's time in bounds, the plain run does all ten.
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kRounds = 4;
#else
  constexpr int kRounds = 10;
#endif
  TempDir dir;
  const std::string path = dir.Sub("db");
  std::uint64_t present = 0;
  int killed_mid_way = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::mt19937 rng(1000 + round);
    const auto delay = std::chrono::milliseconds(10 + rng() % 600);
    {
      Child writer("commit", path, kDocuments);
      ASSERT_TRUE(writer.WaitReady()) << "round " << round;
      std::this_thread::sleep_for(delay);
      const int status = writer.Kill();
      if (WIFSIGNALED(status)) ++killed_mid_way;
      ASSERT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
          << "the writer failed on its own in round " << round;
    }
    const std::uint64_t now = CheckAfterCrash(path, kDocuments);
    ASSERT_FALSE(::testing::Test::HasFailure()) << "round " << round;
    EXPECT_GE(now, present) << "committed documents were lost";
    present = now;
    std::cout << "round " << round << ": killed after " << delay.count() << " ms, " << present
              << " documents\n";
  }
  EXPECT_GT(killed_mid_way, 0) << "no round killed a writer before it finished";

  // Re-running the whole sequence ingests exactly the missing documents.
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_TRUE(store.ok());
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    Result<CommitResult> r = (*store)->CommitDocument(graph::testing::SyntheticDocument(kSeed, i));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->already_present, i < present) << "document " << i;
  }
  store->reset();
  EXPECT_EQ(CheckAfterCrash(path, kDocuments), kDocuments);
}

}  // namespace
}  // namespace presskg::graph
