#include <gtest/gtest.h>

#include <string>

#include "ingest/reader/jsonl_reader.h"
#include "tests/test_support.h"

namespace presskg::ingest {
namespace {

TEST(ReaderJsonLinesTest, GoodLinesComeThroughAndBadLinesAreNamed) {
  const std::string bytes = testing::ReadFileOrEmpty(testing::SourceDir() / "tests" / "data" /
                                                     "ingest" / "readers" / "records.jsonl");
  ASSERT_FALSE(bytes.empty());
  const JsonLinesResult result = ParseJsonLines("records.jsonl", bytes);

  ASSERT_EQ(result.documents.size(), 3u);
  const RawDocument& first = result.documents[0];
  EXPECT_EQ(first.name, "records.jsonl#a1");
  EXPECT_EQ(first.title, "Acme Maroc");
  EXPECT_EQ(first.date, "2024-03-12");
  EXPECT_EQ(first.lang, "fr");
  EXPECT_EQ(first.url, "https://example.com/a1");
  EXPECT_EQ(first.text, "Acme Maroc a inauguré son usine de Kénitra.");
  EXPECT_EQ(result.documents[1].name, "records.jsonl#7");
  EXPECT_EQ(result.documents[1].lang, "en") << "detected";
  EXPECT_EQ(result.documents[2].name, "records.jsonl#line7");
  EXPECT_EQ(result.documents[2].lang, "fr");

  ASSERT_EQ(result.errors.size(), 4u);
  EXPECT_EQ(result.errors[0].line, 4u);
  EXPECT_EQ(result.errors[0].path, "records.jsonl");
  EXPECT_TRUE(
      result.errors[0].reason.starts_with("records.jsonl line 4: malformed or truncated JSON"))
      << result.errors[0].reason;
  EXPECT_EQ(result.errors[1].line, 5u);
  EXPECT_EQ(result.errors[1].reason, "records.jsonl line 5: expected a JSON object");
  EXPECT_EQ(result.errors[2].line, 6u);
  EXPECT_NE(result.errors[2].reason.find("\"text\""), std::string::npos);
  EXPECT_EQ(result.errors[3].line, 8u);
  EXPECT_EQ(result.errors[3].reason, "records.jsonl line 8: field \"lang\" is not a string");
}

TEST(ReaderJsonLinesTest, TruncatedLastLineAndInvalidUtf8) {
  const std::string bytes =
      "{\"id\": \"ok\", \"text\": \"The company employs 120 people.\"}\r\n"
      "{\"id\": \"bad\", \"text\": \"Caf\xE9\"}\n"
      "{\"id\": \"cut\", \"text\": \"The comp";
  const JsonLinesResult result = ParseJsonLines("feed.ndjson", bytes);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].name, "feed.ndjson#ok");
  ASSERT_EQ(result.errors.size(), 2u);
  const std::size_t bad_offset = bytes.find('\xE9');
  EXPECT_EQ(result.errors[0].reason,
            "feed.ndjson line 2: invalid UTF-8 at byte offset " + std::to_string(bad_offset));
  EXPECT_EQ(result.errors[1].line, 3u);
  EXPECT_TRUE(result.errors[1].reason.starts_with("feed.ndjson line 3: malformed or truncated"));
}

TEST(ReaderJsonLinesTest, EmptyOrBinaryFileIsOneError) {
  JsonLinesResult empty = ParseJsonLines("e.jsonl", "\n\n");
  EXPECT_TRUE(empty.documents.empty());
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].reason, "e.jsonl: empty file");
  JsonLinesResult binary = ParseJsonLines("b.jsonl", std::string("{\"text\":\"a\"}\n\0", 14));
  EXPECT_TRUE(binary.documents.empty());
  ASSERT_EQ(binary.errors.size(), 1u);
  EXPECT_NE(binary.errors[0].reason.find("binary"), std::string::npos);
}

TEST(ReaderJsonLinesTest, DeeplyNestedJsonIsAnErrorNotACrash) {
  const std::string nested = std::string(100000, '[') + std::string(100000, ']') + "\n";
  const JsonLinesResult result = ParseJsonLines("n.jsonl", nested);
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 1u);
}

}  // namespace
}  // namespace presskg::ingest
