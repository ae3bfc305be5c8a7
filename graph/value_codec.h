#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

// Binary encodings of the values stored in RocksDB: varints and length-prefixed strings, each
// value starting with a one-byte format version. Decoders never read past the input and return
// Corruption on malformed bytes.
namespace presskg::graph::values {

// Document metadata without its text (the text lives under its own key).
std::string EncodeDocumentMeta(const Document& doc);
Result<Document> DecodeDocumentMeta(std::string_view bytes);

std::string EncodeNode(const Node& node);
// `id` is taken from the key.
Result<Node> DecodeNode(NodeId id, std::string_view bytes);

std::string EncodeEdge(const Edge& edge);
Result<Edge> DecodeEdge(const EdgeKey& key, std::string_view bytes);

std::string EncodeEvidence(const Evidence& evidence);
Result<Evidence> DecodeEvidence(NodeId document, std::string_view bytes);

std::string EncodeLiteral(const LiteralFact& literal);
Result<LiteralFact> DecodeLiteral(NodeId node, std::string_view bytes);

}  // namespace presskg::graph::values
