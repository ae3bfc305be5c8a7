#include "graph/value_codec.h"

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <random>
#include <string>

namespace presskg::graph::values {
namespace {

Evidence SampleEvidence() {
  Evidence e;
  e.document = 77;
  e.sentence = "AVL Maroc, filiale d'AVL France, ouvre un site \xC3\xA0 Rabat.";
  e.start = 120;
  e.end = 300000;
  e.lang = "fr";
  e.rule = "fr.subsidiary_of.apposition";
  e.confidence = 0.875F;
  e.status = FactStatus::kPlanned;
  e.date = "2022-12-01";
  return e;
}

void ExpectSameEvidence(const Evidence& a, const Evidence& b) {
  EXPECT_EQ(a.document, b.document);
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.date, b.date);
}

// Every strict prefix of a valid value, and the value with a byte appended, is Corruption.
void ExpectTruncationsAreCorruption(const std::string& bytes,
                                    const std::function<Status(std::string_view)>& decode) {
  ASSERT_TRUE(decode(bytes).ok());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    Status s = decode(std::string_view(bytes).substr(0, n));
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << "truncated to " << n << " bytes";
  }
  EXPECT_EQ(decode(bytes + '\0').code(), Status::Code::kCorruption) << "trailing byte";
  std::string wrong_version = bytes;
  wrong_version[0] = 2;
  EXPECT_EQ(decode(wrong_version).code(), Status::Code::kCorruption) << "format version";
}

// Random bytes and random single-byte flips never crash; they decode or give Corruption.
void ExpectGarbageIsSafe(const std::string& bytes,
                         const std::function<Status(std::string_view)>& decode) {
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string garbage = bytes;
    if (round % 2 == 0) {
      garbage.resize(rng() % 64);
      for (char& c : garbage) c = static_cast<char>(rng());
      if (!garbage.empty() && round % 4 == 0) garbage[0] = 1;  // get past the version byte
    } else {
      garbage[rng() % garbage.size()] = static_cast<char>(rng());
    }
    Status s = decode(garbage);
    EXPECT_TRUE(s.ok() || s.code() == Status::Code::kCorruption) << s.ToString();
  }
  // Lengths far beyond the input and overlong varints.
  std::string huge_length = {1, '\xFF', '\xFF', '\xFF', '\xFF', '\x0F'};
  EXPECT_EQ(decode(huge_length).code(), Status::Code::kCorruption);
  std::string overlong(12, '\xFF');
  overlong[0] = 1;
  EXPECT_EQ(decode(overlong).code(), Status::Code::kCorruption);
}

TEST(ValueCodecTest, DocumentMetaRoundTrips) {
  Document doc;
  doc.name = "avl.txt";
  doc.source = "/data/avl.txt";
  doc.title = "AVL s'installe \xC3\xA0 Rabat";
  doc.date = "2022-12-01";
  doc.lang = "fr";
  doc.url = "https://example.com/avl";
  doc.content_hash = std::string(64, 'a');
  doc.text = "not stored in the metadata";
  std::string bytes = EncodeDocumentMeta(doc);
  Result<Document> decoded = DecodeDocumentMeta(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->name, doc.name);
  EXPECT_EQ(decoded->source, doc.source);
  EXPECT_EQ(decoded->title, doc.title);
  EXPECT_EQ(decoded->date, doc.date);
  EXPECT_EQ(decoded->lang, doc.lang);
  EXPECT_EQ(decoded->url, doc.url);
  EXPECT_EQ(decoded->content_hash, doc.content_hash);
  EXPECT_EQ(decoded->text, "");
  auto decode = [](std::string_view b) { return DecodeDocumentMeta(b).status(); };
  ExpectTruncationsAreCorruption(bytes, decode);
  ExpectGarbageIsSafe(bytes, decode);
}

TEST(ValueCodecTest, NodeRoundTrips) {
  Node node;
  node.kind = NodeKind::kPerson;
  node.label = "Ryad Mezzour";
  node.label_fr = "Ryad Mezzour";
  node.label_en = "";
  node.aliases = {{"R. Mezzour", "fr", {3, 300, NodeId{1} << 40}}, {"Mezzour", "", {}}};
  std::string bytes = EncodeNode(node);
  Result<Node> decoded = DecodeNode(9, bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->id, 9U);
  EXPECT_EQ(decoded->kind, NodeKind::kPerson);
  EXPECT_EQ(decoded->label, node.label);
  EXPECT_EQ(decoded->label_fr, node.label_fr);
  EXPECT_EQ(decoded->label_en, node.label_en);
  ASSERT_EQ(decoded->aliases.size(), 2U);
  EXPECT_EQ(decoded->aliases[0].name, "R. Mezzour");
  EXPECT_EQ(decoded->aliases[0].lang, "fr");
  EXPECT_EQ(decoded->aliases[0].documents, node.aliases[0].documents);
  EXPECT_TRUE(decoded->aliases[1].documents.empty());
  auto decode = [](std::string_view b) { return DecodeNode(1, b).status(); };
  ExpectTruncationsAreCorruption(bytes, decode);
  ExpectGarbageIsSafe(bytes, decode);

  std::string bad_kind = bytes;
  bad_kind[1] = 0;
  EXPECT_EQ(decode(bad_kind).code(), Status::Code::kCorruption);
  bad_kind[1] = 6;
  EXPECT_EQ(decode(bad_kind).code(), Status::Code::kCorruption);
}

TEST(ValueCodecTest, EdgeRoundTrips) {
  Edge edge;
  edge.properties = {{"share_pct", "51"}, {"currency", "MAD"}};
  edge.first_seen = "2021-03";
  edge.last_seen = "2022-12-01";
  edge.source_count = 3;
  edge.evidence_count = 70000;
  edge.status = FactStatus::kDenied;
  edge.confidence = 0.5F;
  std::string bytes = EncodeEdge(edge);
  EdgeKey key{1, 2, 3};
  Result<Edge> decoded = DecodeEdge(key, bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->key, key);
  EXPECT_EQ(decoded->properties, edge.properties);
  EXPECT_EQ(decoded->first_seen, edge.first_seen);
  EXPECT_EQ(decoded->last_seen, edge.last_seen);
  EXPECT_EQ(decoded->source_count, 3U);
  EXPECT_EQ(decoded->evidence_count, 70000U);
  EXPECT_EQ(decoded->status, FactStatus::kDenied);
  EXPECT_EQ(decoded->confidence, 0.5F);
  auto decode = [&](std::string_view b) { return DecodeEdge(key, b).status(); };
  ExpectTruncationsAreCorruption(bytes, decode);
  ExpectGarbageIsSafe(bytes, decode);

  // A status byte outside stated/planned/denied is refused.
  // version, map size, 2 empty strings, 2 counts, status, confidence: one byte each.
  std::string plain_bytes = EncodeEdge(Edge{});
  ASSERT_EQ(plain_bytes.size(), 8U);
  plain_bytes[6] = 3;
  EXPECT_EQ(DecodeEdge(key, plain_bytes).status().code(), Status::Code::kCorruption);
}

TEST(ValueCodecTest, EvidenceRoundTrips) {
  Evidence e = SampleEvidence();
  std::string bytes = EncodeEvidence(e);
  Result<Evidence> decoded = DecodeEvidence(77, bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ExpectSameEvidence(*decoded, e);
  auto decode = [](std::string_view b) { return DecodeEvidence(1, b).status(); };
  ExpectTruncationsAreCorruption(bytes, decode);
  ExpectGarbageIsSafe(bytes, decode);
}

TEST(ValueCodecTest, LiteralRoundTripsWithNegativeAndExtremeValues) {
  for (std::int64_t value :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{30000000},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    LiteralFact literal;
    literal.node = 5;
    literal.type = "investment";
    literal.value = value;
    literal.properties = {{"currency", "MAD"}, {"text", "30 MDH"}};
    literal.evidence = SampleEvidence();
    std::string bytes = EncodeLiteral(literal);
    Result<LiteralFact> decoded = DecodeLiteral(5, bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(decoded->node, 5U);
    EXPECT_EQ(decoded->type, "investment");
    EXPECT_EQ(decoded->value, value);
    EXPECT_EQ(decoded->properties, literal.properties);
    ExpectSameEvidence(decoded->evidence, literal.evidence);
    auto decode = [](std::string_view b) { return DecodeLiteral(5, b).status(); };
    ExpectTruncationsAreCorruption(bytes, decode);
    ExpectGarbageIsSafe(bytes, decode);
  }
}

}  // namespace
}  // namespace presskg::graph::values
