#include "graph/rocks_snapshot.h"

#include "graph/correction_codec.h"
#include "graph/key_codec.h"
#include "graph/relation_schema.h"
#include "graph/value_codec.h"

namespace presskg::graph {

RocksSnapshot::RocksSnapshot(std::shared_ptr<RocksDb> db)
    : db_(std::move(db)), snapshot_(db_->db()->GetSnapshot()) {}

RocksSnapshot::~RocksSnapshot() { db_->db()->ReleaseSnapshot(snapshot_); }

Result<std::string> RocksSnapshot::Get(Cf cf, std::string_view key) const {
  if (db_->cf(cf) == nullptr) return Status::NotFound(std::string("no ") + CfName(cf) + " in the store");
  rocksdb::ReadOptions options;
  options.snapshot = snapshot_;
  std::string value;
  rocksdb::Status s = db_->db()->Get(options, db_->cf(cf), rocksdb::Slice(key.data(), key.size()),
                                     &value);
  if (s.IsNotFound()) return Status::NotFound(std::string("no such key in ") + CfName(cf));
  if (!s.ok()) return FromRocks(s, std::string("read from ") + CfName(cf));
  return value;
}

Status RocksSnapshot::Scan(
    Cf cf, std::string_view prefix, bool use_prefix_bloom,
    const std::function<Status(std::string_view, std::string_view, bool*)>& fn) const {
  if (db_->cf(cf) == nullptr) return Status::Ok();  // a family this store predates: empty
  rocksdb::ReadOptions options;
  options.snapshot = snapshot_;
  std::string upper = keys::PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  // The prefix bloom filters apply only when the scanned prefix is at least the extractor's.
  if (use_prefix_bloom) {
    options.prefix_same_as_start = true;
  } else {
    options.total_order_seek = true;
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(options, db_->cf(cf)));
  bool more = true;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); more && it->Valid(); it->Next()) {
    rocksdb::Slice key = it->key();
    rocksdb::Slice value = it->value();
    PRESSKG_RETURN_IF_ERROR(fn(std::string_view(key.data(), key.size()),
                               std::string_view(value.data(), value.size()), &more));
  }
  return FromRocks(it->status(), std::string("scan of ") + CfName(cf));
}

Result<Node> RocksSnapshot::GetNode(NodeId id) const {
  Result<std::string> value = Get(Cf::kNodes, keys::NodeKey(id));
  if (!value.ok()) {
    if (value.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no node " + std::to_string(id));
    }
    return value.status();
  }
  return values::DecodeNode(id, *value);
}

Result<Document> RocksSnapshot::GetDocument(NodeId id, bool with_text) const {
  Result<std::string> meta = Get(Cf::kDocuments, keys::DocumentMetaKey(id));
  if (!meta.ok()) {
    if (meta.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no document " + std::to_string(id));
    }
    return meta.status();
  }
  PRESSKG_ASSIGN_OR_RETURN(Document doc, values::DecodeDocumentMeta(*meta));
  doc.id = id;
  if (with_text) {
    PRESSKG_ASSIGN_OR_RETURN(doc.text, Get(Cf::kDocuments, keys::DocumentTextKey(id)));
  }
  return doc;
}

Result<std::optional<NodeId>> RocksSnapshot::FindDocumentByHash(std::string_view hash) const {
  Result<std::string> value = Get(Cf::kDocIndex, keys::DocHashKey(hash));
  if (!value.ok()) {
    if (value.status().code() == Status::Code::kNotFound) return std::optional<NodeId>();
    return value.status();
  }
  auto id = keys::DecodeNodeKey(*value);
  if (!id) return Status::Corruption("malformed document hash index entry");
  return std::optional<NodeId>(*id);
}

Result<Edge> RocksSnapshot::GetEdge(const EdgeKey& key) const {
  Result<std::string> value = Get(Cf::kEdges, keys::EdgeKeyBytes(key));
  if (!value.ok()) {
    if (value.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no edge " + std::to_string(key.source) + " -" +
                              std::to_string(key.relation) + "-> " + std::to_string(key.target));
    }
    return value.status();
  }
  return values::DecodeEdge(key, *value);
}

Status RocksSnapshot::ForEachNeighbor(NodeId node, std::optional<Direction> direction,
                                      std::optional<RelationId> relation,
                                      const std::function<bool(const AdjacencyEntry&)>& fn) const {
  return Scan(Cf::kAdjacency, keys::AdjacencyPrefix(node, direction, relation), true,
              [&](std::string_view key, std::string_view, bool* more) {
                auto entry = keys::DecodeAdjacencyKey(key);
                if (!entry) return Status::Corruption("malformed adjacency key");
                *more = fn(*entry);
                return Status::Ok();
              });
}

Result<std::vector<Evidence>> RocksSnapshot::GetEvidence(const EdgeKey& key) const {
  std::vector<Evidence> out;
  PRESSKG_RETURN_IF_ERROR(Scan(Cf::kEvidence, keys::EdgeKeyBytes(key), true,
                               [&](std::string_view k, std::string_view v, bool*) {
                                 auto doc = keys::EvidenceDocument(k);
                                 if (!doc) return Status::Corruption("malformed evidence key");
                                 Result<Evidence> e = values::DecodeEvidence(*doc, v);
                                 if (!e.ok()) return e.status();
                                 out.push_back(std::move(e).value());
                                 return Status::Ok();
                               }));
  return out;
}

Result<std::vector<EdgeKey>> RocksSnapshot::GetDocumentEdges(NodeId document) const {
  std::vector<EdgeKey> out;
  PRESSKG_RETURN_IF_ERROR(Scan(Cf::kDocFacts, keys::NodeKey(document) + 'e', true,
                               [&](std::string_view k, std::string_view, bool*) {
                                 auto edge = keys::DecodeEdgeKey(k.substr(9));
                                 if (!edge || k.size() != 9 + keys::kEdgeKeySize) {
                                   return Status::Corruption("malformed doc_facts key");
                                 }
                                 out.push_back(*edge);
                                 return Status::Ok();
                               }));
  return out;
}

Result<std::vector<LiteralFact>> RocksSnapshot::GetLiterals(NodeId node) const {
  std::vector<LiteralFact> out;
  PRESSKG_RETURN_IF_ERROR(Scan(Cf::kLiterals, keys::NodeKey(node), true,
                               [&](std::string_view, std::string_view v, bool*) {
                                 Result<LiteralFact> literal = values::DecodeLiteral(node, v);
                                 if (!literal.ok()) return literal.status();
                                 out.push_back(std::move(literal).value());
                                 return Status::Ok();
                               }));
  return out;
}

Result<std::vector<LiteralFact>> RocksSnapshot::GetDocumentLiterals(NodeId document) const {
  std::vector<LiteralFact> out;
  PRESSKG_RETURN_IF_ERROR(Scan(
      Cf::kDocFacts, keys::NodeKey(document) + 'l', true,
      [&](std::string_view k, std::string_view, bool*) {
        // doc(8) 'l' node(8) type(1) seq(4)
        if (k.size() != 22) return Status::Corruption("malformed doc_facts literal key");
        NodeId node = keys::GetFixed64(k.data() + 9);
        auto type = static_cast<std::uint8_t>(k[17]);
        std::uint32_t seq = keys::GetFixed32(k.data() + 18);
        Result<std::string> v = Get(Cf::kLiterals, keys::LiteralKey(node, type, document, seq));
        if (!v.ok()) return v.status();
        Result<LiteralFact> literal = values::DecodeLiteral(node, *v);
        if (!literal.ok()) return literal.status();
        out.push_back(std::move(literal).value());
        return Status::Ok();
      }));
  return out;
}

Result<std::vector<NodeId>> RocksSnapshot::LookupNameKey(std::string_view key) const {
  std::vector<NodeId> out;
  std::string prefix(key);
  prefix.push_back('\0');
  PRESSKG_RETURN_IF_ERROR(ForEachNameKey(prefix, [&](std::string_view name, NodeId id) {
    if (name == key) out.push_back(id);  // skip longer keys that continue with a NUL byte
    return true;
  }));
  return out;
}

Status RocksSnapshot::ForEachNameKey(
    std::string_view prefix, const std::function<bool(std::string_view, NodeId)>& fn) const {
  return Scan(Cf::kNames, prefix, false, [&](std::string_view k, std::string_view, bool* more) {
    auto decoded = keys::DecodeNameKey(k);
    if (!decoded) return Status::Corruption("malformed name index key");
    *more = fn(decoded->first, decoded->second);
    return Status::Ok();
  });
}

Status RocksSnapshot::ForEachNode(const std::function<bool(const Node&)>& fn) const {
  return Scan(Cf::kNodes, "", false, [&](std::string_view k, std::string_view v, bool* more) {
    auto id = keys::DecodeNodeKey(k);
    if (!id) return Status::Corruption("malformed node key");
    Result<Node> node = values::DecodeNode(*id, v);
    if (!node.ok()) return node.status();
    *more = fn(*node);
    return Status::Ok();
  });
}

Status RocksSnapshot::ForEachEdge(const std::function<bool(const Edge&)>& fn) const {
  return Scan(Cf::kEdges, "", false, [&](std::string_view k, std::string_view v, bool* more) {
    auto key = keys::DecodeEdgeKey(k);
    if (!key || k.size() != keys::kEdgeKeySize) return Status::Corruption("malformed edge key");
    Result<Edge> edge = values::DecodeEdge(*key, v);
    if (!edge.ok()) return edge.status();
    *more = fn(*edge);
    return Status::Ok();
  });
}

Status RocksSnapshot::ForEachDocument(bool with_text,
                                      const std::function<bool(const Document&)>& fn) const {
  return Scan(Cf::kDocuments, "", false, [&](std::string_view k, std::string_view v, bool* more) {
    if (k.size() != 9) return Status::Corruption("malformed document key");
    if (k[8] != 'm') return Status::Ok();
    Result<Document> doc = values::DecodeDocumentMeta(v);
    if (!doc.ok()) return doc.status();
    doc->id = keys::GetFixed64(k.data());
    if (with_text) {
      Result<std::string> text = Get(Cf::kDocuments, keys::DocumentTextKey(doc->id));
      if (!text.ok()) return text.status();
      doc->text = std::move(text).value();
    }
    *more = fn(*doc);
    return Status::Ok();
  });
}

Result<StoreStats> RocksSnapshot::GetStats() const {
  StoreStats stats;
  Status status = Scan(Cf::kMeta, "count/", false,
                       [&](std::string_view k, std::string_view v, bool*) {
                         if (v.size() != 8) return Status::Corruption("malformed counter");
                         std::uint64_t n = keys::GetFixed64(v.data());
                         std::string_view name = k.substr(6);
                         if (name == "documents") {
                           stats.documents = n;
                         } else if (name == "evidence") {
                           stats.evidence = n;
                         } else if (name == "corrections") {
                           stats.corrections = n;
                         } else if (name == "literals") {
                           stats.literals = n;
                         } else if (name.starts_with("nodes/")) {
                           auto kind = ParseNodeKind(name.substr(6));
                           if (kind && n > 0) stats.nodes_by_kind[*kind] = n;
                         } else if (name.starts_with("edges/")) {
                           if (n > 0) stats.edges_by_relation[std::string(name.substr(6))] = n;
                         }
                         return Status::Ok();
                       });
  if (!status.ok()) return status;
  return stats;
}

Result<std::vector<Correction>> RocksSnapshot::ListCorrections(NodeId node) const {
  std::vector<Correction> out;
  PRESSKG_RETURN_IF_ERROR(
      Scan(Cf::kCorrections, "", false, [&](std::string_view k, std::string_view v, bool*) {
        if (k.size() != 8) return Status::Corruption("malformed correction key");
        PRESSKG_ASSIGN_OR_RETURN(Correction c, values::DecodeCorrection(keys::GetFixed64(k.data()), v));
        if (node == 0 || c.from == node || c.to == node) out.push_back(std::move(c));
        return Status::Ok();
      }));
  return out;
}

Result<Correction> RocksSnapshot::GetCorrection(std::uint64_t id) const {
  Result<std::string> value = Get(Cf::kCorrections, keys::CorrectionKey(id));
  if (!value.ok()) {
    if (value.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no correction " + std::to_string(id));
    }
    return value.status();
  }
  return values::DecodeCorrection(id, *value);
}

Result<std::optional<NodeId>> RocksSnapshot::FollowRedirect(NodeId id) const {
  return values::FollowRedirects(id, [&](NodeId node) -> Result<std::optional<std::string>> {
    Result<std::string> value = Get(Cf::kRedirects, keys::NodeKey(node));
    if (value.ok()) return std::optional<std::string>(std::move(value).value());
    if (value.status().code() == Status::Code::kNotFound) return std::optional<std::string>();
    return value.status();
  });
}

}  // namespace presskg::graph
