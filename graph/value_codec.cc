#include "graph/value_codec.h"

#include <cstring>

namespace presskg::graph::values {
namespace {

constexpr char kFormatV1 = 1;

class Writer {
 public:
  Writer() { out_.push_back(kFormatV1); }
  void U8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Signed(std::int64_t v) {
    Varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Float(float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    Varint(bits);
  }
  void Map(const std::map<std::string, std::string>& m) {
    Varint(m.size());
    for (const auto& [k, v] : m) {
      Str(k);
      Str(v);
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {
    if (in_.empty() || in_[0] != kFormatV1) {
      ok_ = false;
    } else {
      in_.remove_prefix(1);
    }
  }
  bool ok() const { return ok_; }
  std::uint8_t U8() {
    if (!Need(1)) return 0;
    auto v = static_cast<std::uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      if (!Need(1)) return 0;
      auto byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      v |= std::uint64_t{byte & 0x7FU} << shift;
      if ((byte & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  std::int64_t Signed() {
    std::uint64_t z = Varint();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::uint32_t U32() {
    std::uint64_t v = Varint();
    if (v > 0xFFFFFFFFULL) ok_ = false;
    return static_cast<std::uint32_t>(v);
  }
  std::string Str() {
    std::uint64_t n = Varint();
    if (!Need(n)) return {};
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  float Float() {
    std::uint32_t bits = U32();
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  std::map<std::string, std::string> Map() {
    std::map<std::string, std::string> m;
    std::uint64_t n = Varint();
    for (std::uint64_t i = 0; i < n && ok_; ++i) {
      std::string k = Str();
      m[k] = Str();
    }
    return m;
  }
  // True when every byte was consumed without error.
  bool Done() const { return ok_ && in_.empty(); }

 private:
  bool Need(std::uint64_t n) {
    if (!ok_ || in_.size() < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  std::string_view in_;
  bool ok_ = true;
};

Status Malformed(const char* what) {
  return Status::Corruption(std::string("malformed ") + what + " value in the store");
}

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
