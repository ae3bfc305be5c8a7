#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/graph_store.h"
#include "graph/model.h"

// Key layouts of the RocksDB column families. All integers are fixed-width big-endian so that
// byte order equals numeric order and a node's keys are contiguous.
//
//   nodes       node(8)                                   -> Node
//   adjacency   node(8) dir(1) relation(2) neighbour(8)   -> ""        prefix extractor: 8 bytes
//   edges       source(8) relation(2) target(8)           -> Edge
//   evidence    source(8) relation(2) target(8) doc(8) seq(4) -> Evidence   prefix: 18 bytes
//   literals    node(8) type(1) doc(8) seq(4)             -> LiteralFact   prefix: 8 bytes
//   documents   doc(8) 'm'                                -> document metadata
//               doc(8) 't'                                -> document text
//   doc_facts   doc(8) 'e' source(8) relation(2) target(8) -> ""   edges a document supports
//               doc(8) 'l' node(8) type(1) seq(4)          -> ""   literals a document states
//   doc_index   'h' sha256-hex                            -> doc(8)
//   names       name-key 0x00 node(8)                     -> ""
//   meta        ascii name                                -> value (counters are fixed64)
namespace presskg::graph::keys {

inline constexpr std::size_t kNodeIdSize = 8;
inline constexpr std::size_t kEdgeKeySize = 18;
inline constexpr std::size_t kAdjacencyKeySize = 19;

void PutFixed16(std::string* out, std::uint16_t v);
void PutFixed32(std::string* out, std::uint32_t v);
void PutFixed64(std::string* out, std::uint64_t v);
// Precondition: `p` points at 2 / 4 / 8 readable bytes.
std::uint16_t GetFixed16(const char* p);
std::uint32_t GetFixed32(const char* p);
std::uint64_t GetFixed64(const char* p);

std::string NodeKey(NodeId id);
// nullopt unless `key` is exactly 8 bytes.
std::optional<NodeId> DecodeNodeKey(std::string_view key);

std::string AdjacencyKey(const AdjacencyEntry& entry);
// The prefix shared by the adjacency keys of `node`, narrowed to one direction and, when a
// direction is given, one relation.
std::string AdjacencyPrefix(NodeId node, std::optional<Direction> direction,
                            std::optional<RelationId> relation);
std::optional<AdjacencyEntry> DecodeAdjacencyKey(std::string_view key);

std::string EdgeKeyBytes(const EdgeKey& edge);
// Decodes the first 18 bytes of `key`; nullopt when shorter.
std::optional<EdgeKey> DecodeEdgeKey(std::string_view key);

std::string EvidenceKey(const EdgeKey& edge, NodeId document, std::uint32_t seq);
// Document id of an evidence key; nullopt when malformed.
std::optional<NodeId> EvidenceDocument(std::string_view key);

// `type` is the 1-based index of the literal type in RelationSchema::LiteralTypes().
std::string LiteralKey(NodeId node, std::uint8_t type, NodeId document, std::uint32_t seq);

std::string DocumentMetaKey(NodeId document);
std::string DocumentTextKey(NodeId document);
std::string DocEdgeKey(NodeId document, const EdgeKey& edge);
std::string DocLiteralKey(NodeId document, NodeId node, std::uint8_t type, std::uint32_t seq);
std::string DocHashKey(std::string_view content_hash);

std::string NameKey(std::string_view name_key, NodeId node);
// Splits a names key into its name part and node id; nullopt when malformed.
std::optional<std::pair<std::string_view, NodeId>> DecodeNameKey(std::string_view key);

// corrections: the correction id, fixed64.
std::string CorrectionKey(std::uint64_t id);
// parked: correction(8) followed by the evidence key the record had before it was set aside.
std::string ParkedKey(std::uint64_t correction, std::string_view evidence_key);

// The smallest string greater than every string starting with `prefix` ("" when none exists).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace presskg::graph::keys
