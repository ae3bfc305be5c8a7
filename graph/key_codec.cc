#include "graph/key_codec.h"

namespace presskg::graph::keys {

void PutFixed16(std::string* out, std::uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xFF));
}

void PutFixed32(std::string* out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xFF));
}

void PutFixed64(std::string* out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xFF));
}

std::uint16_t GetFixed16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint16_t>((u[0] << 8) | u[1]);
}

std::uint32_t GetFixed32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) |
         std::uint32_t{u[3]};
}

std::uint64_t GetFixed64(const char* p) {
  return (std::uint64_t{GetFixed32(p)} << 32) | GetFixed32(p + 4);
}

std::string NodeKey(NodeId id) {
  std::string key;
  PutFixed64(&key, id);
  return key;
}

std::optional<NodeId> DecodeNodeKey(std::string_view key) {
  if (key.size() != kNodeIdSize) return std::nullopt;
  return GetFixed64(key.data());
}

std::string AdjacencyKey(const AdjacencyEntry& entry) {
  std::string key;
  key.reserve(kAdjacencyKeySize);
  PutFixed64(&key, entry.node);
  key.push_back(static_cast<char>(entry.direction));
  PutFixed16(&key, entry.relation);
  PutFixed64(&key, entry.neighbor);
  return key;
}

std::string AdjacencyPrefix(NodeId node, std::optional<Direction> direction,
                            std::optional<RelationId> relation) {
  std::string key;
  PutFixed64(&key, node);
  if (direction) {
    key.push_back(static_cast<char>(*direction));
    if (relation) PutFixed16(&key, *relation);
  }
  return key;
}

std::optional<AdjacencyEntry> DecodeAdjacencyKey(std::string_view key) {
  if (key.size() != kAdjacencyKeySize) return std::nullopt;
  auto dir = static_cast<unsigned char>(key[8]);
  if (dir > 1) return std::nullopt;
  AdjacencyEntry entry;
  entry.node = GetFixed64(key.data());
  entry.direction = static_cast<Direction>(dir);
  entry.relation = GetFixed16(key.data() + 9);
  entry.neighbor = GetFixed64(key.data() + 11);
  return entry;
}

std::string EdgeKeyBytes(const EdgeKey& edge) {
  std::string key;
  key.reserve(kEdgeKeySize);
  PutFixed64(&key, edge.source);
  PutFixed16(&key, edge.relation);
  PutFixed64(&key, edge.target);
  return key;
}

std::optional<EdgeKey> DecodeEdgeKey(std::string_view key) {
  if (key.size() < kEdgeKeySize) return std::nullopt;
  return EdgeKey{GetFixed64(key.data()), GetFixed16(key.data() + 8), GetFixed64(key.data() + 10)};
}

std::string EvidenceKey(const EdgeKey& edge, NodeId document, std::uint32_t seq) {
  std::string key = EdgeKeyBytes(edge);
  PutFixed64(&key, document);
  PutFixed32(&key, seq);
  return key;
}

std::optional<NodeId> EvidenceDocument(std::string_view key) {
  if (key.size() != kEdgeKeySize + 12) return std::nullopt;
  return GetFixed64(key.data() + kEdgeKeySize);
}

std::string LiteralKey(NodeId node, std::uint8_t type, NodeId document, std::uint32_t seq) {
  std::string key;
  PutFixed64(&key, node);
  key.push_back(static_cast<char>(type));
  PutFixed64(&key, document);
  PutFixed32(&key, seq);
  return key;
}

std::string DocumentMetaKey(NodeId document) { return NodeKey(document) + 'm'; }
std::string DocumentTextKey(NodeId document) { return NodeKey(document) + 't'; }

std::string DocEdgeKey(NodeId document, const EdgeKey& edge) {
  return NodeKey(document) + 'e' + EdgeKeyBytes(edge);
}

std::string DocLiteralKey(NodeId document, NodeId node, std::uint8_t type, std::uint32_t seq) {
  std::string key = NodeKey(document) + 'l';
  PutFixed64(&key, node);
  key.push_back(static_cast<char>(type));
  PutFixed32(&key, seq);
  return key;
}

std::string DocHashKey(std::string_view content_hash) {
  std::string key = "h";
  key.append(content_hash);
  return key;
}

std::string NameKey(std::string_view name_key, NodeId node) {
  std::string key(name_key);
  key.push_back('\0');
  PutFixed64(&key, node);
  return key;
}

std::optional<std::pair<std::string_view, NodeId>> DecodeNameKey(std::string_view key) {
  if (key.size() < kNodeIdSize + 1 || key[key.size() - kNodeIdSize - 1] != '\0') {
    return std::nullopt;
  }
  return std::make_pair(key.substr(0, key.size() - kNodeIdSize - 1),
                        GetFixed64(key.data() + key.size() - kNodeIdSize));
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    auto last = static_cast<unsigned char>(out.back());
    if (last != 0xFF) {
      out.back() = static_cast<char>(last + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

std::string CorrectionKey(std::uint64_t id) {
  std::string out;
  PutFixed64(&out, id);
  return out;
}

std::string ParkedKey(std::uint64_t correction, std::string_view evidence_key) {
  std::string out;
  PutFixed64(&out, correction);
  out.append(evidence_key);
  return out;
}

}  // namespace presskg::graph::keys
