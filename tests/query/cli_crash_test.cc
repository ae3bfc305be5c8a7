// Crash test: `presskg ingest` of a few thousand documents is killed with SIGKILL at random
// moments; after each kill the store must be sound (`presskg check`), hold each document wholly
// or not at all, and a final run must ingest exactly the documents still missing.

#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "graph/store_check.h"
#include "tests/query/presskg_process.h"
#include "tests/test_support.h"

namespace presskg::query::testing {
namespace {

namespace fs = std::filesystem;
using presskg::testing::CommandResult;
using presskg::testing::ReadFileOrEmpty;
using presskg::testing::SourceDir;
using presskg::testing::TempDir;
using presskg::testing::WriteFile;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr int kDocuments = 2000;
// Under the sanitizers every run is ~3x slower: fewer kills keep the suite's time in bounds (the
// plain run does the 50 kills; the sanitized one checks the recovery path for memory errors).
constexpr int kKills = kSanitized ? 10 : 50;

// Writes `count` copies of the development corpus's documents into `dir`, each with a last line
// of its own so that no two have the same content hash. Returns their file names.
std::set<std::string> ReplicateCorpus(const fs::path& dir, int count) {
  std::vector<std::pair<std::string, std::string>> originals;
  for (const auto& entry : fs::directory_iterator(SourceDir() / "tests/data/corpus/dev")) {
    if (entry.path().extension() != ".txt") continue;
    originals.emplace_back(entry.path().filename().string(), ReadFileOrEmpty(entry.path()));
  }
  std::sort(originals.begin(), originals.end());
  EXPECT_FALSE(originals.empty());
  fs::create_directories(dir);
  std::set<std::string> names;
  for (int i = 0; i < count && !originals.empty(); ++i) {
    const auto& [name, text] = originals[static_cast<std::size_t>(i) % originals.size()];
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%05d-", i);
    const std::string copy = prefix + name;
    WriteFile(dir / copy, text + "\nRef. " + std::to_string(i) + ".\n");
    names.insert(copy);
  }
  return names;
}

// The documents of the store; fails the test on a duplicate or a document not from `corpus`.
std::set<std::string> PresentDocuments(const std::string& db, const std::set<std::string>& corpus) {
  std::set<std::string> present;
  for (const std::string& name : StoreDocumentNames(db)) {
    EXPECT_TRUE(corpus.contains(name)) << name;
    EXPECT_TRUE(present.insert(name).second) << "document twice in the store: " << name;
  }
  return present;
}

// `presskg check` as a command, or the same check in process (no process start-up).
void ExpectSound(const std::string& db, const std::string& when, bool command) {
  if (command) {
    CommandResult check = RunPresskg({"check", "--db", db});
    EXPECT_EQ(check.exit_code, 0) << when << "\n" << check.out << check.err;
    return;
  }
  Result<graph::StoreCheckReport> report = graph::CheckStore(db);
  ASSERT_TRUE(report.ok()) << when << ": " << report.status().ToString();
  for (const graph::StoreProblem& problem : report->problems) {
    ADD_FAILURE() << when << ": " << problem.kind << " " << problem.key << " " << problem.message;
  }
}

// Milliseconds `presskg ingest` takes to start, open the store and stop with nothing to do.
int StartUpMs(const TempDir& dir) {
  fs::create_directories(dir.path() / "nothing");
  const auto start = std::chrono::steady_clock::now();
  CommandResult run = RunPresskg({"ingest", dir.Sub("nothing"), "--db", dir.Sub("scratch")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - start)
                              .count());
}

TEST(CliCrashTest, KilledIngestLosesNothingAndARerunIngestsOnlyWhatIsMissing) {
  TempDir dir;
  const std::string corpus = dir.Sub("corpus");
  int generation = 0;
  std::string db = dir.Sub("db0");
  const std::set<std::string> names = ReplicateCorpus(corpus, kDocuments);
  ASSERT_EQ(names.size(), static_cast<std::size_t>(kDocuments));

  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  SCOPED_TRACE("random seed " + std::to_string(seed));
  // Kill moments span the end of start-up (reading files, loading tables) and the commits that
  // follow; the window is measured, since the machine's load sets how long start-up takes.
  const int start_up_ms = StartUpMs(dir);
  std::uniform_int_distribution<int> delay_ms(start_up_ms / 2,
                                              start_up_ms + (kSanitized ? 3000 : 1000));

  std::set<std::string> present;
  int kills = 0;
  int finished = 0;
  int kills_that_added = 0;
  const auto start = std::chrono::steady_clock::now();
  while (kills < kKills && finished < 20) {
    pid_t pid = SpawnPresskg({"ingest", corpus, "--db", db, "--quiet"});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    const int status = WaitFor(pid);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      ++kills;
    } else {
      ++finished;  // the run ended before the kill
    }
    ExpectSound(db, "after kill " + std::to_string(kills), /*command=*/kills % 10 == 0);
    std::set<std::string> now = PresentDocuments(db, names);
    EXPECT_TRUE(std::includes(now.begin(), now.end(), present.begin(), present.end()))
        << "a committed document disappeared after kill " << kills;
    if (now.size() > present.size()) ++kills_that_added;
    present = std::move(now);
    if (HasFailure()) break;
    if (present.size() == names.size() && kills < kKills) {
      // Everything is in: further runs would have nothing to commit. Go on with a new store.
      db = dir.Sub("db" + std::to_string(++generation));
      present.clear();
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ figures  ] %d SIGKILLs (%d runs finished first, %d kills after which more documents were in) "
              "in %.1f s over %d stores; start-up %d ms; %zu of %d documents committed before the final run\n",
              kills, finished, kills_that_added, seconds, generation + 1, start_up_ms, present.size(),
              kDocuments);
  EXPECT_GE(kills, kKills);

  CommandResult rerun = RunPresskg({"ingest", corpus, "--db", db, "--quiet"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const std::string expected = std::to_string(kDocuments - present.size()) + " ingested, " +
                               std::to_string(present.size()) + " already in the store";
  EXPECT_NE(rerun.out.find(expected), std::string::npos) << rerun.out;
  ExpectSound(db, "after the final run", /*command=*/true);
  EXPECT_EQ(PresentDocuments(db, names), names);
}

}  // namespace
}  // namespace presskg::query::testing
