#include "graph/key_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace presskg::graph::keys {
namespace {

constexpr NodeId kIds[] = {1, 255, 256, 65535, 65536, NodeId{1} << 40, ~NodeId{0} - 1};

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

TEST(KeyCodecTest, FixedWidthIntegersAreBigEndian) {
  std::string out;
  PutFixed16(&out, 0x0102);
  PutFixed32(&out, 0x03040506);
  PutFixed64(&out, 0x0708090A0B0C0D0EULL);
  EXPECT_EQ(out, Bytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}));
  EXPECT_EQ(GetFixed16(out.data()), 0x0102);
  EXPECT_EQ(GetFixed32(out.data() + 2), 0x03040506U);
  EXPECT_EQ(GetFixed64(out.data() + 6), 0x0708090A0B0C0D0EULL);
  // High bytes must not sign-extend when read back.
  std::string high;
  PutFixed64(&high, 0xFFFEFDFCFBFAF9F8ULL);
  EXPECT_EQ(GetFixed64(high.data()), 0xFFFEFDFCFBFAF9F8ULL);
}

TEST(KeyCodecTest, NodeKeysAreFixedWidthAndSortNumerically) {
  std::vector<std::string> encoded;
  for (NodeId id : kIds) {
    std::string key = NodeKey(id);
    EXPECT_EQ(key.size(), kNodeIdSize);
    EXPECT_EQ(DecodeNodeKey(key), id);
    encoded.push_back(key);
  }
  for (std::size_t i = 1; i < encoded.size(); ++i) {
    EXPECT_LT(encoded[i - 1], encoded[i]) << "ids " << kIds[i - 1] << " and " << kIds[i];
  }
  EXPECT_EQ(NodeKey(256), Bytes({0, 0, 0, 0, 0, 0, 1, 0}));
  EXPECT_FALSE(DecodeNodeKey(NodeKey(1) + 'x'));
  EXPECT_FALSE(DecodeNodeKey(NodeKey(1).substr(1)));
}

TEST(KeyCodecTest, AdjacencyKeysRoundTripAndSortByNodeDirectionRelationNeighbour) {
  std::vector<std::string> ordered;
  for (NodeId node : {NodeId{1}, NodeId{256}}) {
    for (Direction dir : {Direction::kOut, Direction::kIn}) {
      for (RelationId rel : {RelationId{1}, RelationId{255}, RelationId{256}}) {
        for (NodeId neighbor : kIds) {
          AdjacencyEntry entry{node, dir, rel, neighbor};
          std::string key = AdjacencyKey(entry);
          ASSERT_EQ(key.size(), kAdjacencyKeySize);
          auto decoded = DecodeAdjacencyKey(key);
          ASSERT_TRUE(decoded);
          EXPECT_EQ(decoded->node, node);
          EXPECT_EQ(decoded->direction, dir);
          EXPECT_EQ(decoded->relation, rel);
          EXPECT_EQ(decoded->neighbor, neighbor);
          ordered.push_back(key);
        }
      }
    }
  }
  for (std::size_t i = 1; i < ordered.size(); ++i) EXPECT_LT(ordered[i - 1], ordered[i]) << i;
  std::string bad_dir = AdjacencyKey({1, Direction::kOut, 1, 2});
  bad_dir[8] = 2;
  EXPECT_FALSE(DecodeAdjacencyKey(bad_dir));
  EXPECT_FALSE(DecodeAdjacencyKey(bad_dir.substr(0, 18)));
}

TEST(KeyCodecTest, AdjacencyEntryNamesItsStoredEdge) {
  EXPECT_EQ((AdjacencyEntry{5, Direction::kOut, 3, 9}.edge()), (EdgeKey{5, 3, 9}));
  EXPECT_EQ((AdjacencyEntry{9, Direction::kIn, 3, 5}.edge()), (EdgeKey{5, 3, 9}));
}

TEST(KeyCodecTest, AdjacencyPrefixesNarrowToTheRightKeys) {
  const std::string key = AdjacencyKey({256, Direction::kIn, 7, NodeId{1} << 40});
  const std::string node = AdjacencyPrefix(256, std::nullopt, std::nullopt);
  const std::string node_dir = AdjacencyPrefix(256, Direction::kIn, std::nullopt);
  const std::string node_dir_rel = AdjacencyPrefix(256, Direction::kIn, 7);
  EXPECT_EQ(node.size(), 8U);
  EXPECT_EQ(node_dir.size(), 9U);
  EXPECT_EQ(node_dir_rel.size(), 11U);
  for (const std::string& prefix : {node, node_dir, node_dir_rel}) {
    EXPECT_TRUE(key.starts_with(prefix)) << prefix.size();
  }
  // Keys of another node, direction or relation fall outside the narrower prefixes.
  EXPECT_FALSE(AdjacencyKey({255, Direction::kIn, 7, 1}).starts_with(node));
  EXPECT_FALSE(AdjacencyKey({256, Direction::kOut, 7, 1}).starts_with(node_dir));
  EXPECT_TRUE(AdjacencyKey({256, Direction::kOut, 7, 1}).starts_with(node));
  EXPECT_FALSE(AdjacencyKey({256, Direction::kIn, 8, 1}).starts_with(node_dir_rel));
  EXPECT_FALSE(AdjacencyKey({256, Direction::kIn, 7 + 256, 1}).starts_with(node_dir_rel));
  // A relation without a direction cannot narrow a single prefix: the node prefix is returned.
  EXPECT_EQ(AdjacencyPrefix(256, std::nullopt, 7), node);
}

TEST(KeyCodecTest, EdgeAndEvidenceKeysRoundTrip) {
  for (NodeId source : kIds) {
    EdgeKey edge{source, 513, NodeId{1} << 40};
    std::string bytes = EdgeKeyBytes(edge);
    ASSERT_EQ(bytes.size(), kEdgeKeySize);
    EXPECT_EQ(DecodeEdgeKey(bytes), edge);
    std::string evidence = EvidenceKey(edge, 300, 7);
    EXPECT_TRUE(evidence.starts_with(bytes));
    EXPECT_EQ(EvidenceDocument(evidence), NodeId{300});
    EXPECT_EQ(DecodeEdgeKey(evidence), edge);  // the first 18 bytes
    EXPECT_EQ(GetFixed32(evidence.data() + kEdgeKeySize + 8), 7U);
  }
  EXPECT_FALSE(DecodeEdgeKey(std::string(17, '\0')));
  EXPECT_FALSE(EvidenceDocument(EvidenceKey({1, 1, 2}, 3, 4) + 'x'));
  // Evidence of one edge sorts by document, then sequence.
  EXPECT_LT(EvidenceKey({1, 1, 2}, 255, 9), EvidenceKey({1, 1, 2}, 256, 0));
  EXPECT_LT(EvidenceKey({1, 1, 2}, 256, 255), EvidenceKey({1, 1, 2}, 256, 256));
}

TEST(KeyCodecTest, LiteralAndDocumentKeysHaveTheDocumentedLayout) {
  std::string literal = LiteralKey(256, 3, 1000, 2);
  ASSERT_EQ(literal.size(), 8U + 1 + 8 + 4);
  EXPECT_TRUE(literal.starts_with(NodeKey(256)));
  EXPECT_EQ(literal[8], 3);
  EXPECT_EQ(GetFixed64(literal.data() + 9), 1000U);
  EXPECT_EQ(GetFixed32(literal.data() + 17), 2U);

  EXPECT_EQ(DocumentMetaKey(256), NodeKey(256) + 'm');
  EXPECT_EQ(DocumentTextKey(256), NodeKey(256) + 't');

  std::string doc_edge = DocEdgeKey(256, {1, 2, 3});
  EXPECT_EQ(doc_edge, NodeKey(256) + 'e' + EdgeKeyBytes({1, 2, 3}));
  EXPECT_EQ(DecodeEdgeKey(std::string_view(doc_edge).substr(9)), (EdgeKey{1, 2, 3}));

  std::string doc_literal = DocLiteralKey(256, 9, 4, 5);
  ASSERT_EQ(doc_literal.size(), 22U);
  EXPECT_EQ(doc_literal.substr(0, 9), NodeKey(256) + 'l');
  EXPECT_EQ(GetFixed64(doc_literal.data() + 9), 9U);
  EXPECT_EQ(doc_literal[17], 4);
  EXPECT_EQ(GetFixed32(doc_literal.data() + 18), 5U);

  EXPECT_EQ(DocHashKey("abc"), "habc");
}

TEST(KeyCodecTest, NameKeysRoundTripWithAnyBytes) {
  const std::vector<std::string> names = {"",
                                          "avl maroc",
                                          "\xFF",
                                          "a\xFF\xFF",
                                          "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF",
                                          std::string("with\0nul", 8),
                                          "soci\xC3\xA9t\xC3\xA9"};
  for (const std::string& name : names) {
    for (NodeId id : kIds) {
      std::string key = NameKey(name, id);
      auto decoded = DecodeNameKey(key);
      ASSERT_TRUE(decoded) << name;
      EXPECT_EQ(decoded->first, name);
      EXPECT_EQ(decoded->second, id);
    }
  }
  EXPECT_FALSE(DecodeNameKey("short"));
  EXPECT_FALSE(DecodeNameKey(std::string(9, '\x01')));  // no separator before the id
  // All keys of one name sort together and before longer names with that prefix.
  EXPECT_LT(NameKey("ab", ~NodeId{0}), NameKey("ab\x01", 0));
  EXPECT_LT(NameKey("ab", 255), NameKey("ab", 256));
}

TEST(KeyCodecTest, PrefixSuccessorEdgeCases) {
  EXPECT_EQ(PrefixSuccessor(""), "");
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor("a\xFF"), "b");
  EXPECT_EQ(PrefixSuccessor("a\xFF\xFF"), "b");
  EXPECT_EQ(PrefixSuccessor("\xFF"), "");
  EXPECT_EQ(PrefixSuccessor("\xFF\xFF\xFF"), "");
  EXPECT_EQ(PrefixSuccessor(Bytes({0, 0xFE})), Bytes({0, 0xFF}));
  EXPECT_EQ(PrefixSuccessor(std::string(1, '\0')), Bytes({1}));
  // The successor bounds every key with the prefix and nothing below it.
  const std::string prefix = AdjacencyPrefix(0x00FF, Direction::kIn, 0xFFFF);
  const std::string upper = PrefixSuccessor(prefix);
  EXPECT_LT(AdjacencyKey({0x00FF, Direction::kIn, 0xFFFF, ~NodeId{0}}), upper);
  EXPECT_GE(AdjacencyKey({0x0100, Direction::kOut, 0, 0}), upper);
  EXPECT_EQ(PrefixSuccessor(NodeKey(~NodeId{0})), "");
}

}  // namespace
}  // namespace presskg::graph::keys
