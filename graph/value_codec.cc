#include "graph/value_codec.h"

#include <cstring>

#include "graph/byte_io.h"

namespace presskg::graph::values {
namespace {

void PutEvidenceFields(Writer& w, const Evidence& e) {
  w.Str(e.sentence);
  w.Varint(e.start);
  w.Varint(e.end);
  w.Str(e.lang);
  w.Str(e.rule);
  w.Float(e.confidence);
  w.U8(static_cast<std::uint8_t>(e.status));
  w.Str(e.date);
}

Evidence GetEvidenceFields(Reader& r, NodeId document) {
  Evidence e;
  e.document = document;
  e.sentence = r.Str();
  e.start = r.U32();
  e.end = r.U32();
  e.lang = r.Str();
  e.rule = r.Str();
  e.confidence = r.Float();
  e.status = static_cast<FactStatus>(r.U8());
  e.date = r.Str();
  return e;
}

bool ValidStatus(FactStatus s) { return static_cast<std::uint8_t>(s) <= 2; }

}  // namespace

std::string EncodeDocumentMeta(const Document& doc) {
  Writer w;
  w.Str(doc.name);
  w.Str(doc.source);
  w.Str(doc.title);
  w.Str(doc.date);
  w.Str(doc.lang);
  w.Str(doc.url);
  w.Str(doc.content_hash);
  return w.Take();
}

Result<Document> DecodeDocumentMeta(std::string_view bytes) {
  Reader r(bytes);
  Document doc;
  doc.name = r.Str();
  doc.source = r.Str();
  doc.title = r.Str();
  doc.date = r.Str();
  doc.lang = r.Str();
  doc.url = r.Str();
  doc.content_hash = r.Str();
  if (!r.Done()) return Malformed("document");
  return doc;
}

std::string EncodeNode(const Node& node) {
  Writer w;
  w.U8(static_cast<std::uint8_t>(node.kind));
  w.Str(node.label);
  w.Str(node.label_fr);
  w.Str(node.label_en);
  w.Varint(node.aliases.size());
  for (const Alias& alias : node.aliases) {
    w.Str(alias.name);
    w.Str(alias.lang);
    w.Varint(alias.documents.size());
    for (NodeId doc : alias.documents) w.Varint(doc);
  }
  return w.Take();
}

Result<Node> DecodeNode(NodeId id, std::string_view bytes) {
  Reader r(bytes);
  Node node;
  node.id = id;
  std::uint8_t kind = r.U8();
  if (!ParseNodeKind(NodeKindName(static_cast<NodeKind>(kind)))) return Malformed("node");
  node.kind = static_cast<NodeKind>(kind);
  node.label = r.Str();
  node.label_fr = r.Str();
  node.label_en = r.Str();
  std::uint64_t n = r.Varint();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
    Alias alias;
    alias.name = r.Str();
    alias.lang = r.Str();
    std::uint64_t docs = r.Varint();
    for (std::uint64_t j = 0; j < docs && r.ok(); ++j) alias.documents.push_back(r.Varint());
    node.aliases.push_back(std::move(alias));
  }
  if (!r.Done()) return Malformed("node");
  return node;
}

std::string EncodeEdge(const Edge& edge) {
  Writer w;
  w.Map(edge.properties);
  w.Str(edge.first_seen);
  w.Str(edge.last_seen);
  w.Varint(edge.source_count);
  w.Varint(edge.evidence_count);
  w.U8(static_cast<std::uint8_t>(edge.status));
  w.Float(edge.confidence);
  return w.Take();
}

Result<Edge> DecodeEdge(const EdgeKey& key, std::string_view bytes) {
  Reader r(bytes);
  Edge edge;
  edge.key = key;
  edge.properties = r.Map();
  edge.first_seen = r.Str();
  edge.last_seen = r.Str();
  edge.source_count = r.U32();
  edge.evidence_count = r.U32();
  edge.status = static_cast<FactStatus>(r.U8());
  edge.confidence = r.Float();
  if (!r.Done() || !ValidStatus(edge.status)) return Malformed("edge");
  return edge;
}

std::string EncodeEvidence(const Evidence& evidence) {
  Writer w;
  PutEvidenceFields(w, evidence);
  return w.Take();
}

Result<Evidence> DecodeEvidence(NodeId document, std::string_view bytes) {
  Reader r(bytes);
  Evidence e = GetEvidenceFields(r, document);
  if (!r.Done() || !ValidStatus(e.status)) return Malformed("evidence");
  return e;
}

std::string EncodeLiteral(const LiteralFact& literal) {
  Writer w;
  w.Str(literal.type);
  w.Signed(literal.value);
  w.Map(literal.properties);
  w.Varint(literal.evidence.document);
  PutEvidenceFields(w, literal.evidence);
  return w.Take();
}

Result<LiteralFact> DecodeLiteral(NodeId node, std::string_view bytes) {
  Reader r(bytes);
  LiteralFact literal;
  literal.node = node;
  literal.type = r.Str();
  literal.value = r.Signed();
  literal.properties = r.Map();
  NodeId document = r.Varint();
  literal.evidence = GetEvidenceFields(r, document);
  if (!r.Done() || !ValidStatus(literal.evidence.status)) return Malformed("literal");
  return literal;
}

}  // namespace presskg::graph::values
