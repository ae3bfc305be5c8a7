// Bad inputs: `presskg ingest` of a folder mixing good documents with broken or hostile ones
// (tests/data/bad, plus large files generated here) reports each bad file by name with its
// reason, ingests the good ones, and the store holds nothing from the bad ones.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/query/presskg_process.h"
#include "tests/test_support.h"

namespace presskg::query::testing {
namespace {

namespace fs = std::filesystem;
using presskg::testing::CommandResult;
using presskg::testing::SourceDir;
using presskg::testing::TempDir;
using presskg::testing::WriteFile;

const char* const kGoodFiles[] = {"01.en.txt", "01.fr.txt", "21.en.txt"};

void CopyGoodFiles(const fs::path& to) {
  fs::create_directories(to);
  for (const char* name : kGoodFiles) {
    fs::copy_file(SourceDir() / "tests/data/corpus/dev" / name, to / name);
  }
}

// HTML with scripts around 100,000 nested tags; its only text is inside the scripts.
std::string DeeplyNestedHtml() {
  std::string html = "<html><head><script>var a = 'Evilcorp Scripting, a subsidiary of Xploit "
                     "Holdings';</script></head><body>";
  for (int i = 0; i < 100000; ++i) html += i % 2 == 0 ? "<div>" : "<span class=x>";
  html += "<script>alert('Evilcorp Scripting, a subsidiary of Xploit Holdings')</script>";
  for (int i = 100000; i > 0; --i) html += i % 2 == 1 ? "</div>" : "</span>";
  return html + "</body></html>";
}

// A 100 MB text file written in chunks.
void WriteHugeText(const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  const std::string chunk(1 << 20, 'a');
  out << "title: Huge\nlang: en\n\n";
  for (int i = 0; i < 100; ++i) out << chunk;
}

// One line of 10 MB: words without a sentence end.
std::string TenMegabyteLine() {
  std::string line = "title: Long line\nlang: en\n\n";
  while (line.size() < (10u << 20)) line += "Zorvex Trading signed with Quillon Partners ";
  return line + "\n";
}

nlohmann::json Stats(const std::string& db) {
  CommandResult stats = RunPresskg({"stats", "--json", "--db", db});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  return nlohmann::json::parse(stats.out, nullptr, /*allow_exceptions=*/false);
}

TEST(CliBadInputTest, BadFilesAreReportedAndTheRestOfTheBatchGoesIn) {
  TempDir dir;
  const fs::path batch = dir.path() / "batch";
  CopyGoodFiles(batch);
  for (const auto& entry : fs::directory_iterator(SourceDir() / "tests/data/bad")) {
    if (entry.path().extension() != ".md") fs::copy_file(entry.path(), batch / entry.path().filename());
  }
  WriteFile(batch / "nested.html", DeeplyNestedHtml());
  WriteFile(batch / "long_line.txt", TenMegabyteLine());
  WriteHugeText(batch / "huge.txt");

  const std::string db = dir.Sub("db");
  CommandResult ingest = RunPresskg({"ingest", batch.string(), "--db", db});
  EXPECT_EQ(ingest.exit_code, 1) << "errors make the exit code 1\n" << ingest.err;

  // Each bad file is named in an error line with its reason.
  struct Expected {
    const char* file;
    const char* reason;
  };
  const Expected expected[] = {
      {"invalid_utf8.txt", "invalid UTF-8"}, {"binary.txt", "binary"},
      {"empty.txt", "empty"},                {"blank.txt", "empty"},
      {"truncated.jsonl", "line 2"},         {"huge.txt", "too large"},
      {"scripts.html", ""},                  {"nested.html", ""},
      {"long_line.txt", "bytes long"},
  };
  std::vector<std::string> lines;
  std::string line;
  for (std::istringstream in(ingest.err); std::getline(in, line);) lines.push_back(line);
  for (const Expected& bad : expected) {
    const std::string path = (batch / bad.file).string();
    bool found = false;
    for (const std::string& l : lines) {
      found = found || (l.find("error") != std::string::npos &&
                        l.find(path) != std::string::npos && l.find(bad.reason) != std::string::npos);
    }
    EXPECT_TRUE(found) << bad.file << " (" << bad.reason << ") not reported in:\n" << ingest.err;
  }

  // The good documents (and the good line of truncated.jsonl) went in; the store is exactly what
  // ingesting only those gives.
  const fs::path good = dir.path() / "good";
  CopyGoodFiles(good);
  const std::string truncated =
      presskg::testing::ReadFileOrEmpty(SourceDir() / "tests/data/bad/truncated.jsonl");
  WriteFile(good / "truncated.jsonl", truncated.substr(0, truncated.find('\n') + 1));
  const std::string reference = dir.Sub("reference");
  CommandResult good_ingest = RunPresskg({"ingest", good.string(), "--db", reference});
  ASSERT_EQ(good_ingest.exit_code, 0) << good_ingest.err;
  EXPECT_EQ(Stats(db), Stats(reference));
  EXPECT_EQ(Stats(db)["documents"], 4);

  CommandResult check = RunPresskg({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  // Nothing from scripts, styles or attributes became an entity.
  for (const char* name : {"Evilcorp", "Xploit", "Stylecorp"}) {
    CommandResult search = RunPresskg({"search", name, "--json", "--db", db});
    nlohmann::json found = nlohmann::json::parse(search.out, nullptr, false);
    for (const nlohmann::json& hit : found["results"]) {
      EXPECT_EQ(hit.dump().find(name), std::string::npos) << hit.dump();
    }
  }
}

}  // namespace
}  // namespace presskg::query::testing
