#include "graph/document_writer.h"

#include <algorithm>

#include "graph/correction_codec.h"
#include "graph/key_codec.h"
#include "graph/relation_schema.h"
#include "graph/value_codec.h"

namespace presskg::graph {
namespace {

rocksdb::Slice ToSlice(const std::string& s) { return rocksdb::Slice(s.data(), s.size()); }

std::string CounterValue(std::uint64_t n) {
  std::string v;
  keys::PutFixed64(&v, n);
  return v;
}

void AddAlias(Node* node, const std::string& name, const std::string& lang, NodeId document) {
  if (name.empty()) return;
  for (Alias& alias : node->aliases) {
    if (alias.name == name && alias.lang == lang) {
      if (std::find(alias.documents.begin(), alias.documents.end(), document) ==
          alias.documents.end()) {
        alias.documents.push_back(document);
      }
      return;
    }
  }
  node->aliases.push_back(Alias{name, lang, {document}});
}

std::string EarlierDate(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}

std::string LaterDate(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::max(a, b);
}

}  // namespace

DocumentWriter::DocumentWriter(const RocksDb& db, const Counters& counters)
    : db_(db), counters_(counters) {}

void DocumentWriter::Bump(const std::string& key, std::uint64_t delta) {
  counters_.values[key] += delta;
}

Status DocumentWriter::Put(Cf cf, const std::string& key, const std::string& value) {
  return FromRocks(batch_.Put(db_.cf(cf), ToSlice(key), ToSlice(value)), "write batch");
}

Result<Node*> DocumentWriter::LoadNode(NodeId id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return &it->second;
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kNodes),
                                    keys::NodeKey(id), &value);
  if (s.IsNotFound()) return Status::NotFound("no node " + std::to_string(id));
  if (!s.ok()) return FromRocks(s, "read node");
  PRESSKG_ASSIGN_OR_RETURN(Node node, values::DecodeNode(id, value));
  return &nodes_.emplace(id, std::move(node)).first->second;
}

Result<std::optional<NodeId>> DocumentWriter::FollowRedirect(NodeId id) const {
  if (db_.cf(Cf::kRedirects) == nullptr) return std::optional<NodeId>();
  return values::FollowRedirects(id, [&](NodeId node) -> Result<std::optional<std::string>> {
    std::string value;
    rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kRedirects),
                                      keys::NodeKey(node), &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, "read redirects");
    return std::optional<std::string>(std::move(value));
  });
}

Result<NodeId> DocumentWriter::ResolveEntity(const EntityInput& entity, NodeId document) {
  Node* node = nullptr;
  if (entity.id) {
    Result<Node*> found = LoadNode(*entity.id);
    if (!found.ok() && found.status().code() == Status::Code::kNotFound) {
      // An id merged away by a journalist's correction: follow it to the entity that absorbed it.
      PRESSKG_ASSIGN_OR_RETURN(std::optional<NodeId> target, FollowRedirect(*entity.id));
      if (target) found = LoadNode(*target);
    }
    if (!found.ok()) return Status::InvalidArgument("entity '" + entity.name +
                                                    "' names node " + std::to_string(*entity.id) +
                                                    ", which does not exist");
    node = *found;
  }
  for (const std::string& key : entity.match_keys) {
    if (node != nullptr) break;
    std::vector<NodeId> candidates = pending_names_[key];
    std::string prefix = key + '\0';
    std::unique_ptr<rocksdb::Iterator> it(
        db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(Cf::kNames)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      auto decoded = keys::DecodeNameKey(std::string_view(it->key().data(), it->key().size()));
      // The prefix also covers longer keys that continue with a NUL byte ("key\0more").
      if (decoded && decoded->first == key) candidates.push_back(decoded->second);
    }
    PRESSKG_RETURN_IF_ERROR(FromRocks(it->status(), "read name index"));
    for (NodeId candidate : candidates) {
      PRESSKG_ASSIGN_OR_RETURN(Node * loaded, LoadNode(candidate));
      if (loaded->kind == entity.kind) {
        node = loaded;
        break;
      }
    }
  }
  if (node == nullptr) {
    NodeId id = counters_.next_node_id++;
    Node fresh;
    fresh.id = id;
    fresh.kind = entity.kind;
    fresh.label = entity.name;
    node = &nodes_.emplace(id, std::move(fresh)).first->second;
    Bump(kMetaNodesPrefix + std::string(NodeKindName(entity.kind)));
  }
  if (node->label_fr.empty()) node->label_fr = entity.label_fr;
  if (node->label_en.empty()) node->label_en = entity.label_en;
  AddAlias(node, entity.name, entity.lang, document);
  for (const std::string& alias : entity.aliases) AddAlias(node, alias, entity.lang, document);
  for (const std::string& key : entity.match_keys) {
    std::vector<NodeId>& pending = pending_names_[key];
    if (std::find(pending.begin(), pending.end(), node->id) == pending.end()) {
      pending.push_back(node->id);
      PRESSKG_RETURN_IF_ERROR(Put(Cf::kNames, keys::NameKey(key, node->id), ""));
    }
  }
  return node->id;
}

Result<Edge*> DocumentWriter::LoadEdge(const EdgeKey& key, bool* created) {
  *created = false;
  auto it = edges_.find(key);
  if (it != edges_.end()) return &it->second;
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kEdges),
                                    keys::EdgeKeyBytes(key), &value);
  Edge edge;
  edge.key = key;
  if (s.IsNotFound()) {
    *created = true;
  } else if (!s.ok()) {
    return FromRocks(s, "read edge");
  } else {
    PRESSKG_ASSIGN_OR_RETURN(edge, values::DecodeEdge(key, value));
  }
  return &edges_.emplace(key, std::move(edge)).first->second;
}

Status DocumentWriter::AddFact(const FactInput& fact, std::uint32_t seq,
                               const std::vector<NodeId>& ids, const Document& doc,
                               CommitResult* result) {
  const RelationType* type = RelationSchema::Builtin().Get(fact.relation);
  if (type == nullptr) {
    return Status::InvalidArgument("fact " + std::to_string(seq) + " has unknown relation id " +
                                   std::to_string(fact.relation));
  }
  auto endpoint = [&](EntityIndex index) -> Result<NodeId> {
    if (index == kThisDocument) return doc.id;
    if (index >= ids.size()) {
      return Status::InvalidArgument("fact " + std::to_string(seq) +
                                     " refers to a missing entity");
    }
    return ids[index];
  };
  PRESSKG_ASSIGN_OR_RETURN(NodeId source, endpoint(fact.subject));
  PRESSKG_ASSIGN_OR_RETURN(NodeId target, endpoint(fact.object));
  if (type->symmetric && target < source) std::swap(source, target);
  EdgeKey key{source, fact.relation, target};

  bool created = false;
  PRESSKG_ASSIGN_OR_RETURN(Edge * edge, LoadEdge(key, &created));
  if (!ParseFactStatus(FactStatusName(fact.evidence.status))) {
    return Status::InvalidArgument("fact " + std::to_string(seq) + " has an unknown status");
  }
  Evidence evidence = fact.evidence;
  evidence.document = doc.id;
  if (evidence.date.empty()) evidence.date = doc.date;
  if (created) {
    edge->status = evidence.status;
    PRESSKG_RETURN_IF_ERROR(
        Put(Cf::kAdjacency, keys::AdjacencyKey({source, Direction::kOut, fact.relation, target}),
            ""));
    PRESSKG_RETURN_IF_ERROR(
        Put(Cf::kAdjacency, keys::AdjacencyKey({target, Direction::kIn, fact.relation, source}),
            ""));
    Bump(kMetaEdgesPrefix + type->name);
    ++result->edges_created;
  } else {
    edge->status = std::min(edge->status, evidence.status);  // stated beats planned beats denied
  }
  if (evidenced_.insert(key).second) {
    ++edge->source_count;
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kDocFacts, keys::DocEdgeKey(doc.id, key), ""));
  }
  ++edge->evidence_count;
  edge->first_seen = EarlierDate(edge->first_seen, evidence.date);
  edge->last_seen = LaterDate(edge->last_seen, evidence.date);
  edge->confidence = std::max(edge->confidence, evidence.confidence);
  for (const auto& [name, value] : fact.properties) edge->properties.emplace(name, value);
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kEvidence, keys::EvidenceKey(key, doc.id, seq),
                              values::EncodeEvidence(evidence)));
  Bump(kMetaEvidence);
  ++result->evidence_written;
  return Status::Ok();
}

Status DocumentWriter::AddLiteral(const LiteralInput& literal, std::uint32_t seq,
                                  const std::vector<NodeId>& ids, const Document& doc) {
  const auto& types = RelationSchema::LiteralTypes();
  auto pos = std::find(types.begin(), types.end(), literal.type);
  if (pos == types.end()) {
    return Status::InvalidArgument("unknown literal fact type '" + literal.type + "'");
  }
  if (literal.subject != kThisDocument && literal.subject >= ids.size()) {
    return Status::InvalidArgument("literal " + std::to_string(seq) +
                                   " refers to a missing entity");
  }
  if (!ParseFactStatus(FactStatusName(literal.evidence.status))) {
    return Status::InvalidArgument("literal " + std::to_string(seq) + " has an unknown status");
  }
  auto type = static_cast<std::uint8_t>(pos - types.begin() + 1);
  LiteralFact fact;
  fact.node = literal.subject == kThisDocument ? doc.id : ids[literal.subject];
  fact.type = literal.type;
  fact.value = literal.value;
  fact.properties = literal.properties;
  fact.evidence = literal.evidence;
  fact.evidence.document = doc.id;
  if (fact.evidence.date.empty()) fact.evidence.date = doc.date;
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kLiterals, keys::LiteralKey(fact.node, type, doc.id, seq),
                              values::EncodeLiteral(fact)));
  PRESSKG_RETURN_IF_ERROR(
      Put(Cf::kDocFacts, keys::DocLiteralKey(doc.id, fact.node, type, seq), ""));
  Bump(kMetaLiterals);
  return Status::Ok();
}

Status DocumentWriter::Build(const DocumentGraph& in, const std::string& content_hash,
                             CommitResult* result) {
  for (const EntityInput& entity : in.entities) {
    if (entity.match_keys.empty() && !entity.id) {
      return Status::InvalidArgument("entity '" + entity.name + "' has no name key");
    }
    if (entity.kind == NodeKind::kDocument) {
      return Status::InvalidArgument("entity '" + entity.name + "' cannot be of kind document");
    }
    if (!ParseNodeKind(NodeKindName(entity.kind))) {
      return Status::InvalidArgument("entity '" + entity.name + "' has an unknown kind");
    }
  }
  Document doc = in.document;
  doc.id = counters_.next_node_id++;
  doc.content_hash = content_hash;
  result->document = doc.id;

  Node doc_node;
  doc_node.id = doc.id;
  doc_node.kind = NodeKind::kDocument;
  doc_node.label = doc.title.empty() ? doc.name : doc.title;
  nodes_.emplace(doc.id, std::move(doc_node));
  Bump(kMetaNodesPrefix + std::string(NodeKindName(NodeKind::kDocument)));
  Bump(kMetaDocuments);
  const std::uint64_t nodes_before = counters_.next_node_id;

  std::vector<NodeId> ids;
  ids.reserve(in.entities.size());
  for (const EntityInput& entity : in.entities) {
    PRESSKG_ASSIGN_OR_RETURN(NodeId id, ResolveEntity(entity, doc.id));
    ids.push_back(id);
  }
  result->entity_ids = ids;
  result->nodes_created = static_cast<std::uint32_t>(counters_.next_node_id - nodes_before);
  for (std::uint32_t i = 0; i < in.facts.size(); ++i) {
    PRESSKG_RETURN_IF_ERROR(AddFact(in.facts[i], i, ids, doc, result));
  }
  for (std::uint32_t i = 0; i < in.literals.size(); ++i) {
    PRESSKG_RETURN_IF_ERROR(AddLiteral(in.literals[i], i, ids, doc));
  }
  result->literals_written = static_cast<std::uint32_t>(in.literals.size());

  for (const auto& [id, node] : nodes_) {
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kNodes, keys::NodeKey(id), values::EncodeNode(node)));
  }
  for (const auto& [key, edge] : edges_) {
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kEdges, keys::EdgeKeyBytes(key), values::EncodeEdge(edge)));
  }
  PRESSKG_RETURN_IF_ERROR(
      Put(Cf::kDocuments, keys::DocumentMetaKey(doc.id), values::EncodeDocumentMeta(doc)));
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kDocuments, keys::DocumentTextKey(doc.id), doc.text));
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kDocIndex, keys::DocHashKey(content_hash), keys::NodeKey(doc.id)));
  for (const auto& [key, value] : counters_.values) {
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kMeta, key, CounterValue(value)));
  }
  return Put(Cf::kMeta, kMetaNextNodeId, CounterValue(counters_.next_node_id));
}

}  // namespace presskg::graph
