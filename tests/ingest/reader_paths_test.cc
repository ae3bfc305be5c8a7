#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "ingest/reader/document_reader.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

TEST(ReaderPathsTest, FormatByExtension) {
  EXPECT_EQ(FormatForPath("a/b.txt"), DocumentFormat::kText);
  EXPECT_EQ(FormatForPath("b.TEXT"), DocumentFormat::kText);
  EXPECT_EQ(FormatForPath("b.md"), DocumentFormat::kText);
  EXPECT_EQ(FormatForPath("b.Html"), DocumentFormat::kHtml);
  EXPECT_EQ(FormatForPath("b.htm"), DocumentFormat::kHtml);
  EXPECT_EQ(FormatForPath("b.jsonl"), DocumentFormat::kJsonLines);
  EXPECT_EQ(FormatForPath("b.ndjson"), DocumentFormat::kJsonLines);
  EXPECT_EQ(FormatForPath("b.pdf"), DocumentFormat::kUnknown);
  EXPECT_EQ(FormatForPath("README"), DocumentFormat::kUnknown);
}

TEST(ReaderPathsTest, WalksAFolderInSortedOrderSkippingHiddenAndUnknown) {
  testing::TempDir dir;
  const std::filesystem::path root = dir.path() / "corpus";
  std::filesystem::create_directories(root / "sub" / "deeper");
  std::filesystem::create_directories(root / ".git");
  testing::WriteFile(root / "b.txt",
                     "date: 2024-01-02\nlang: fr\n\nLa société B emploie 10 personnes.\n");
  testing::WriteFile(root / "a.md", "The company A employs 10 people.\n");
  testing::WriteFile(root / "sub" / "c.html",
                     "<html lang=en><p>The company C employs 10 people.</p>");
  testing::WriteFile(root / "sub" / "deeper" / "d.jsonl",
                     "{\"id\":\"d1\",\"text\":\"La société D emploie 10 personnes.\"}\n"
                     "{\"id\":\"d2\",\"text\":\"The company D2\n");
  testing::WriteFile(root / ".hidden.txt", "Hidden text.");
  testing::WriteFile(root / ".git" / "config.txt", "Hidden folder.");
  testing::WriteFile(root / "notes.pdf", "%PDF-1.4");
  testing::WriteFile(root / "README", "No extension.");
  testing::WriteFile(root / "sub" / "Readme.md", "# What this folder holds\n");
  testing::WriteFile(root / "LICENSE.txt", "Some licence.\n");
  testing::WriteFile(root / "notes.pdf.txt", "A press release named oddly.\n");
  testing::WriteFile(root / "empty.txt", "");
  testing::WriteFile(root / "zbinary.txt", std::string("abc\0def", 7));
  testing::WriteFile(root / "zlatin1.txt", "Caf\xE9");
  std::filesystem::create_symlink(root / "nowhere.txt", root / "sub" / "dangling.txt");

  const ReadBatch batch = ReadPaths({root.string()});
  ASSERT_EQ(batch.documents.size(), 5u);
  EXPECT_EQ(batch.documents[0].name, "a.md");
  EXPECT_EQ(batch.documents[0].lang, "en");
  EXPECT_EQ(batch.documents[0].source, (root / "a.md").string());
  EXPECT_EQ(batch.documents[1].name, "b.txt");
  EXPECT_EQ(batch.documents[1].date, "2024-01-02");
  EXPECT_EQ(batch.documents[1].text, "La société B emploie 10 personnes.\n");
  EXPECT_EQ(batch.documents[2].name, "notes.pdf.txt");
  EXPECT_EQ(batch.documents[3].name, "c.html");
  EXPECT_EQ(batch.documents[3].lang, "en");
  EXPECT_EQ(batch.documents[4].name, "d.jsonl#d1");
  EXPECT_EQ(batch.documents[4].source, (root / "sub" / "deeper" / "d.jsonl").string());

  ASSERT_EQ(batch.errors.size(), 4u);
  EXPECT_EQ(batch.errors[0].path, (root / "empty.txt").string());
  EXPECT_EQ(batch.errors[0].reason, "empty file");
  EXPECT_EQ(batch.errors[1].path, (root / "sub" / "deeper" / "d.jsonl").string());
  EXPECT_EQ(batch.errors[1].line, 2u);
  EXPECT_TRUE(batch.errors[1].reason.starts_with("line 2: malformed or truncated JSON"))
      << batch.errors[1].reason;
  EXPECT_EQ(batch.errors[2].reason, "binary file (NUL byte at byte offset 3)");
  EXPECT_EQ(batch.errors[3].ToString(),
            (root / "zlatin1.txt").string() + ": invalid UTF-8 at byte offset 3");

  ASSERT_EQ(batch.skipped.size(), 4u);
  const std::string documentation = "the folder's documentation, not a press release";
  EXPECT_EQ(batch.skipped[0].path, (root / "LICENSE.txt").string());
  EXPECT_EQ(batch.skipped[0].reason, documentation);
  EXPECT_EQ(batch.skipped[1].path, (root / "README").string());
  EXPECT_EQ(batch.skipped[1].reason, documentation);
  EXPECT_EQ(batch.skipped[2].path, (root / "notes.pdf").string());
  EXPECT_EQ(batch.skipped[2].reason, "unsupported extension '.pdf'");
  EXPECT_EQ(batch.skipped[3].path, (root / "sub" / "Readme.md").string());
  EXPECT_EQ(batch.skipped[3].reason, documentation);
  // A file named on the command line is read whatever its name.
  const ReadBatch named = ReadPaths({(root / "sub" / "Readme.md").string()});
  EXPECT_EQ(named.documents.size(), 1u);
}

TEST(ReaderPathsTest, ExplicitFilesMissingPathsAndUnknownExtensions) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "page.xyz", "<p>The company employs 10 people.</p>");
  testing::WriteFile(dir.path() / "plain.xyz", "La société emploie 10 personnes.");
  const ReadBatch batch =
      ReadPaths({dir.Sub("page.xyz"), dir.Sub("missing.txt"), dir.Sub("plain.xyz")});
  ASSERT_EQ(batch.documents.size(), 2u);
  EXPECT_EQ(batch.documents[0].text, "The company employs 10 people.") << "sniffed as HTML";
  EXPECT_EQ(batch.documents[1].text, "La société emploie 10 personnes.");
  ASSERT_EQ(batch.errors.size(), 1u);
  EXPECT_EQ(batch.errors[0].path, dir.Sub("missing.txt"));
  EXPECT_EQ(batch.errors[0].reason, "no such file or folder");
}

TEST(ReaderPathsTest, FilesOverTheSizeLimitAreRejectedUnread) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "big.txt", std::string(5000, 'a'));
  ReaderOptions options;
  options.max_file_bytes = 4096;
  const ReadBatch batch = ReadPaths({dir.Sub("big.txt")}, options);
  EXPECT_TRUE(batch.documents.empty());
  ASSERT_EQ(batch.errors.size(), 1u);
  EXPECT_EQ(batch.errors[0].reason, "file too large (5000 bytes, limit 4096)");
  Result<std::string> bytes = ReadFileBytes(dir.Sub("big.txt"), 4096);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), Status::Code::kResourceExhausted);
  EXPECT_TRUE(ReadFileBytes(dir.Sub("big.txt"), 5000).ok());
}

TEST(ReaderPathsTest, ReadsTheWholeSharedCorpus) {
  const ReadBatch batch = ReadPaths({(testing::SharedDir() / "corpus").string()});
  EXPECT_TRUE(batch.errors.empty());
  EXPECT_EQ(batch.documents.size(), 42u);  // the press releases
  EXPECT_EQ(batch.skipped.size(), 34u);    // the .gold.tsv files and dev/README.md
  for (const RawDocument& document : batch.documents) {
    EXPECT_EQ(document.lang, document.name.find(".fr.") != std::string::npos ? "fr" : "en");
    EXPECT_FALSE(document.date.empty()) << document.name;
  }
}

}  // namespace
}  // namespace presskg::ingest
