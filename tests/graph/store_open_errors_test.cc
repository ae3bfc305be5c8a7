#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/testing/store_testing.h"
#include "tests/test_support.h"

namespace presskg::graph {
namespace {

namespace fs = std::filesystem;
using presskg::testing::ReadFileOrEmpty;
using presskg::testing::TempDir;
using presskg::testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A store with a few committed documents, closed, at `path`. Reopening it once replays the
// write-ahead log into table files, so the directory holds .sst files afterwards.
void MakeStore(const std::string& path) {
  for (int round = 0; round < 2; ++round) {
    Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (std::uint64_t i = 0; round == 0 && i < 20; ++i) {
      ASSERT_TRUE((*store)->CommitDocument(graph::testing::SyntheticDocument(1, i)).ok());
    }
  }
}

std::vector<fs::path> FilesNamed(const std::string& dir, const std::string& part) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (Contains(entry.path().filename().string(), part)) out.push_back(entry.path());
  }
  return out;
}

// Opening `path` fails cleanly (no crash) with Corruption naming the store, or, if RocksDB only
// notices on read, a full scan reports Corruption or IoError.
void ExpectDamageReported(const std::string& path) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  if (!store.ok()) {
    EXPECT_EQ(store.status().code(), Status::Code::kCorruption) << store.status().ToString();
    EXPECT_TRUE(Contains(store.status().message(), path)) << store.status().message();
    return;
  }
  Status scan = graph::testing::CheckStoreInvariants(*(*store)->Snapshot());
  EXPECT_TRUE(scan.code() == Status::Code::kCorruption || scan.code() == Status::Code::kIoError)
      << scan.ToString();
}

TEST(StoreOpenErrorsTest, AnotherSchemaVersionIsRefused) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  ASSERT_TRUE(graph::testing::OverwriteMetaForTesting(path, "schema_version", "999").ok());
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kFailedPrecondition);
    EXPECT_TRUE(Contains(store.status().message(), "999")) << store.status().message();
    EXPECT_TRUE(Contains(store.status().message(), path)) << store.status().message();
  }
}

TEST(StoreOpenErrorsTest, DirectoryOfOtherFilesIsRefusedAndLeftAlone) {
  TempDir dir;
  const std::string path = dir.Sub("photos");
  fs::create_directory(path);
  WriteFile(fs::path(path) / "holiday.jpg", "\xFF\xD8\xFF\xE0 not a database");
  WriteFile(fs::path(path) / "notes.txt", "hello");
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_TRUE(Contains(store.status().message(), path)) << store.status().message();
  EXPECT_EQ(FilesNamed(path, "").size(), 2U) << "nothing may be created in a foreign directory";

  const std::string file = dir.Sub("plain-file");
  WriteFile(file, "x");
  EXPECT_EQ(GraphStore::Open(file).status().code(), Status::Code::kFailedPrecondition);
}

TEST(StoreOpenErrorsTest, ReadOnlyOpenOfAMissingStoreIsNotFound) {
  TempDir dir;
  StoreOptions read_only;
  read_only.read_only = true;
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir.Sub("missing"), read_only);
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(Contains(store.status().message(), dir.Sub("missing")));
  EXPECT_FALSE(fs::exists(dir.Sub("missing"))) << "a read-only open creates nothing";

  StoreOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_EQ(GraphStore::Open(dir.Sub("missing"), no_create).status().code(),
            Status::Code::kNotFound);
  fs::create_directory(dir.Sub("empty"));
  EXPECT_EQ(GraphStore::Open(dir.Sub("empty"), read_only).status().code(), Status::Code::kNotFound);
}

TEST(StoreOpenErrorsTest, GarbageInCurrentIsReported) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  WriteFile(fs::path(path) / "CURRENT", "garbage\x01\x02 not a manifest name");
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(store.status().code() == Status::Code::kCorruption ||
              store.status().code() == Status::Code::kIoError)
      << store.status().ToString();
  EXPECT_TRUE(Contains(store.status().message(), path)) << store.status().message();
}

TEST(StoreOpenErrorsTest, GarbageManifestIsCorruption) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  std::vector<fs::path> manifests = FilesNamed(path, "MANIFEST-");
  ASSERT_FALSE(manifests.empty());
  for (const fs::path& manifest : manifests) {
    std::string bytes = ReadFileOrEmpty(manifest);
    for (std::size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    WriteFile(manifest, bytes);
  }
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorruption) << store.status().ToString();
  EXPECT_TRUE(Contains(store.status().message(), path)) << store.status().message();
}

TEST(StoreOpenErrorsTest, TruncatedTableFileIsReported) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  std::vector<fs::path> tables = FilesNamed(path, ".sst");
  ASSERT_FALSE(tables.empty()) << "the reopen should have flushed the log into table files";
  for (const fs::path& table : tables) fs::resize_file(table, fs::file_size(table) / 2);
  ExpectDamageReported(path);
}

TEST(StoreOpenErrorsTest, GarbledTableFileIsReported) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  MakeStore(path);
  std::vector<fs::path> tables = FilesNamed(path, ".sst");
  ASSERT_FALSE(tables.empty());
  for (const fs::path& table : tables) {
    std::string bytes = ReadFileOrEmpty(table);
    for (std::size_t i = 0; i < bytes.size(); i += 3) bytes[i] = static_cast<char>(~bytes[i]);
    WriteFile(table, bytes);
  }
  ExpectDamageReported(path);
}

}  // namespace
}  // namespace presskg::graph
