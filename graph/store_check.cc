#include "graph/store_check.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "graph/correction_codec.h"
#include "graph/key_codec.h"
#include "graph/relation_schema.h"
#include "graph/rocks_db.h"
#include "graph/text_util.h"
#include "graph/value_codec.h"

namespace presskg::graph {
namespace {

constexpr std::size_t kEvidenceKeySize = keys::kEdgeKeySize + 12;
constexpr std::size_t kLiteralKeySize = keys::kNodeIdSize + 1 + keys::kNodeIdSize + 4;
constexpr std::size_t kDocEdgeKeySize = keys::kNodeIdSize + 1 + keys::kEdgeKeySize;
constexpr std::size_t kDocLiteralKeySize = keys::kNodeIdSize + 1 + keys::kNodeIdSize + 1 + 4;

std::string EdgeText(const EdgeKey& key) {
  const RelationType* type = RelationSchema::Builtin().Get(key.relation);
  return "edge " + std::to_string(key.source) + " -" +
         (type != nullptr ? type->name : std::to_string(key.relation)) + "-> " +
         std::to_string(key.target);
}

std::string Doc(NodeId id) { return "document " + std::to_string(id); }

// What the scan learnt about one edge.
struct EdgeState {
  Edge stored;
  std::uint64_t evidence = 0;
  std::set<NodeId> sources;     // documents of its evidence records
  std::set<NodeId> claimed_by;  // documents whose doc_facts list it
  FactStatus strongest = FactStatus::kDenied;
};

struct DocumentState {
  bool meta = false;
  bool text = false;
  std::string hash;
};

class Checker {
 public:
  Checker(const RocksDb& db, const StoreCheckOptions& options) : db_(db), options_(options) {}

  Result<StoreCheckReport> Run() {
    PRESSKG_RETURN_IF_ERROR(ScanMeta());
    PRESSKG_RETURN_IF_ERROR(ScanNodes());
    PRESSKG_RETURN_IF_ERROR(ScanDocuments());
    PRESSKG_RETURN_IF_ERROR(ScanEdges());
    PRESSKG_RETURN_IF_ERROR(ScanAdjacency());
    PRESSKG_RETURN_IF_ERROR(ScanEvidence());
    PRESSKG_RETURN_IF_ERROR(ScanLiterals());
    PRESSKG_RETURN_IF_ERROR(ScanDocFacts());
    PRESSKG_RETURN_IF_ERROR(ScanDocIndex());
    PRESSKG_RETURN_IF_ERROR(ScanNames());
    PRESSKG_RETURN_IF_ERROR(ScanCorrections());
    CheckEdges();
    CheckDocuments();
    CheckNodes();
    CheckCounters();
    report_.documents = documents_.size();
    report_.nodes = nodes_.size();
    report_.edges = edges_.size();
    report_.adjacency_keys = adjacency_.size();
    return std::move(report_);
  }

 private:
  using ScanFn = std::function<void(std::string_view key, std::string_view value)>;

  // Calls `fn` for every key of `cf` in order.
  Status Scan(Cf cf, const ScanFn& fn) {
    rocksdb::ReadOptions read;
    read.total_order_seek = true;  // several families have prefix extractors
    read.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(read, db_.cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      fn(std::string_view(it->key().data(), it->key().size()),
         std::string_view(it->value().data(), it->value().size()));
    }
    return FromRocks(it->status(), std::string("scan ") + CfName(cf) + " of " + db_.path());
  }

  void Problem(const char* kind, Cf cf, std::string_view key, std::string message) {
    ++report_.problem_count;
    if (report_.problems.size() >= options_.max_problems) return;
    std::string shown = cf == Cf::kMeta ? std::string(key) : HexEncode(key);
    report_.problems.push_back(
        {kind, std::string(CfName(cf)) + "/" + shown, std::move(message)});
  }
  void Malformed(Cf cf, std::string_view key, const std::string& what) {
    Problem("malformed_key", cf, key, std::string("malformed ") + CfName(cf) + " key" + what);
  }
  bool IsDocument(NodeId id) const {
    auto it = documents_.find(id);
    return it != documents_.end() && it->second.meta;
  }

  Status ScanMeta() {
    return Scan(Cf::kMeta, [&](std::string_view key, std::string_view value) {
      const bool counter = key.starts_with("count/");
      if (!counter && key != kMetaNextNodeId) return;
      if (value.size() != 8) {
        Problem("malformed_value", Cf::kMeta, key, "counter is not 8 bytes");
        return;
      }
      if (counter) {
        counters_[std::string(key)] = keys::GetFixed64(value.data());
      } else {
        next_node_id_ = keys::GetFixed64(value.data());
      }
    });
  }

  // The corrections log (one record per counted correction) and the redirects of merged-away
  // ids (never a live node; the target is a node or itself redirected).
  Status ScanCorrections() {
    if (db_.cf(Cf::kCorrections) != nullptr) {
      PRESSKG_RETURN_IF_ERROR(Scan(Cf::kCorrections, [&](std::string_view key, std::string_view value) {
        if (key.size() != 8) return Malformed(Cf::kCorrections, key, "");
        ++scanned_["count/corrections"];
        Result<Correction> record = values::DecodeCorrection(keys::GetFixed64(key.data()), value);
        if (!record.ok()) Problem("malformed_value", Cf::kCorrections, key, record.status().message());
      }));
    }
    if (db_.cf(Cf::kRedirects) == nullptr) return Status::Ok();
    std::map<NodeId, NodeId> redirects;
    PRESSKG_RETURN_IF_ERROR(Scan(Cf::kRedirects, [&](std::string_view key, std::string_view value) {
      std::optional<NodeId> id = keys::DecodeNodeKey(key);
      Result<values::Redirect> redirect = values::DecodeRedirect(value);
      if (!id || !redirect.ok()) return Malformed(Cf::kRedirects, key, "");
      redirects[*id] = redirect->target;
    }));
    for (const auto& [from, to] : redirects) {
      const std::string key = keys::NodeKey(from);
      if (nodes_.contains(from)) {
        Problem("live_redirect", Cf::kRedirects, key,
                "node " + std::to_string(from) + " exists but is marked merged away");
      }
      if (!nodes_.contains(to) && !redirects.contains(to)) {
        Problem("dangling_redirect", Cf::kRedirects, key,
                "node " + std::to_string(from) + " redirects to missing node " + std::to_string(to));
      }
    }
    return Status::Ok();
  }

  Status ScanNodes() {
    return Scan(Cf::kNodes, [&](std::string_view key, std::string_view value) {
      std::optional<NodeId> id = keys::DecodeNodeKey(key);
      if (!id) return Malformed(Cf::kNodes, key, "");
      Result<Node> node = values::DecodeNode(*id, value);
      if (!node.ok()) {
        Problem("malformed_value", Cf::kNodes, key, "node " + std::to_string(*id) + ": " +
                                                        node.status().message());
        nodes_[*id] = std::nullopt;
        return;
      }
      nodes_[*id] = node->kind;
      ++scanned_[kMetaNodesPrefix + std::string(NodeKindName(node->kind))];
      if (*id >= next_node_id_) {
        Problem("node_id_beyond_next", Cf::kNodes, key,
                "node " + std::to_string(*id) + " is not below next_node_id " +
                    std::to_string(next_node_id_));
      }
    });
  }

  Status ScanDocuments() {
    return Scan(Cf::kDocuments, [&](std::string_view key, std::string_view value) {
      if (key.size() != keys::kNodeIdSize + 1 || (key.back() != 'm' && key.back() != 't')) {
        return Malformed(Cf::kDocuments, key, "");
      }
      const NodeId id = keys::GetFixed64(key.data());
      DocumentState& doc = documents_[id];
      if (key.back() == 't') {
        doc.text = true;
        return;
      }
      Result<Document> meta = values::DecodeDocumentMeta(value);
      if (!meta.ok()) {
        Problem("malformed_value", Cf::kDocuments, key, Doc(id) + ": " + meta.status().message());
        return;
      }
      doc.meta = true;
      doc.hash = meta->content_hash;
      ++scanned_[kMetaDocuments];
    });
  }

  Status ScanEdges() {
    const RelationSchema& schema = RelationSchema::Builtin();
    return Scan(Cf::kEdges, [&](std::string_view key, std::string_view value) {
      std::optional<EdgeKey> edge_key = keys::DecodeEdgeKey(key);
      if (!edge_key || key.size() != keys::kEdgeKeySize) return Malformed(Cf::kEdges, key, "");
      const std::string text = EdgeText(*edge_key);
      EdgeState& state = edges_[*edge_key];
      Result<Edge> edge = values::DecodeEdge(*edge_key, value);
      if (edge.ok()) {
        state.stored = *edge;
      } else {
        Problem("malformed_value", Cf::kEdges, key, text + ": " + edge.status().message());
      }
      const RelationType* type = schema.Get(edge_key->relation);
      if (type == nullptr) {
        Problem("unknown_relation", Cf::kEdges, key, text + " has an unknown relation");
        return;
      }
      ++scanned_[kMetaEdgesPrefix + type->name];
      if (type->symmetric && edge_key->source > edge_key->target) {
        Problem("symmetric_not_canonical", Cf::kEdges, key,
                text + " is symmetric but stored with source > target");
      }
      for (NodeId end : {edge_key->source, edge_key->target}) {
        if (!nodes_.contains(end)) {
          Problem("edge_unknown_node", Cf::kEdges, key,
                  text + ": node " + std::to_string(end) + " does not exist");
        }
      }
    });
  }

  Status ScanAdjacency() {
    return Scan(Cf::kAdjacency, [&](std::string_view key, std::string_view) {
      std::optional<AdjacencyEntry> entry = keys::DecodeAdjacencyKey(key);
      if (!entry) return Malformed(Cf::kAdjacency, key, "");
      adjacency_.emplace(key);
      if (!edges_.contains(entry->edge())) {
        Problem("orphan_adjacency", Cf::kAdjacency, key,
                "adjacency key of node " + std::to_string(entry->node) + " names missing " +
                    EdgeText(entry->edge()));
      }
    });
  }

  Status ScanEvidence() {
    return Scan(Cf::kEvidence, [&](std::string_view key, std::string_view value) {
      if (key.size() != kEvidenceKeySize) return Malformed(Cf::kEvidence, key, "");
      const EdgeKey edge_key = *keys::DecodeEdgeKey(key);
      const NodeId doc = *keys::EvidenceDocument(key);
      ++report_.evidence;
      ++scanned_[kMetaEvidence];
      auto it = edges_.find(edge_key);
      if (it == edges_.end()) {
        Problem("orphan_evidence", Cf::kEvidence, key,
                "evidence from " + Doc(doc) + " for missing " + EdgeText(edge_key));
      }
      if (!IsDocument(doc)) {
        Problem("evidence_unknown_document", Cf::kEvidence, key,
                "evidence for " + EdgeText(edge_key) + " names missing " + Doc(doc));
      }
      Result<Evidence> evidence = values::DecodeEvidence(doc, value);
      if (!evidence.ok()) {
        Problem("malformed_value", Cf::kEvidence, key,
                "evidence for " + EdgeText(edge_key) + ": " + evidence.status().message());
      }
      if (it == edges_.end()) return;
      ++it->second.evidence;
      it->second.sources.insert(doc);
      if (evidence.ok()) it->second.strongest = std::min(it->second.strongest, evidence->status);
    });
  }

  Status ScanLiterals() {
    return Scan(Cf::kLiterals, [&](std::string_view key, std::string_view value) {
      if (key.size() != kLiteralKeySize) return Malformed(Cf::kLiterals, key, "");
      const NodeId node = keys::GetFixed64(key.data());
      const auto type = static_cast<std::uint8_t>(key[keys::kNodeIdSize]);
      const NodeId doc = keys::GetFixed64(key.data() + keys::kNodeIdSize + 1);
      const std::uint32_t seq = keys::GetFixed32(key.data() + 2 * keys::kNodeIdSize + 1);
      ++report_.literals;
      ++scanned_[kMetaLiterals];
      literal_doc_keys_.insert(keys::DocLiteralKey(doc, node, type, seq));
      const std::string text = "literal of node " + std::to_string(node);
      if (!nodes_.contains(node)) {
        Problem("literal_unknown_node", Cf::kLiterals, key, text + ": the node does not exist");
      }
      if (!IsDocument(doc)) {
        Problem("literal_unknown_document", Cf::kLiterals, key, text + " names missing " + Doc(doc));
      }
      Result<LiteralFact> literal = values::DecodeLiteral(node, value);
      if (!literal.ok()) {
        Problem("malformed_value", Cf::kLiterals, key, text + ": " + literal.status().message());
      } else if (literal->evidence.document != doc) {
        Problem("literal_document_mismatch", Cf::kLiterals, key,
                text + ": its evidence names " + Doc(literal->evidence.document) +
                    ", its key " + Doc(doc));
      }
    });
  }

  Status ScanDocFacts() {
    return Scan(Cf::kDocFacts, [&](std::string_view key, std::string_view) {
      const bool is_edge = key.size() == kDocEdgeKeySize && key[keys::kNodeIdSize] == 'e';
      const bool is_literal = key.size() == kDocLiteralKeySize && key[keys::kNodeIdSize] == 'l';
      if (!is_edge && !is_literal) return Malformed(Cf::kDocFacts, key, "");
      const NodeId doc = keys::GetFixed64(key.data());
      if (!IsDocument(doc)) {
        Problem("doc_fact_unknown_document", Cf::kDocFacts, key,
                "doc_facts entry of missing " + Doc(doc));
      }
      if (is_literal) {
        doc_fact_literals_.emplace(key);
        if (!literal_doc_keys_.contains(std::string(key))) {
          Problem("doc_fact_missing_literal", Cf::kDocFacts, key,
                  Doc(doc) + " lists a literal that does not exist");
        }
        return;
      }
      const EdgeKey edge_key = *keys::DecodeEdgeKey(key.substr(keys::kNodeIdSize + 1));
      auto it = edges_.find(edge_key);
      if (it == edges_.end()) {
        Problem("doc_fact_missing_edge", Cf::kDocFacts, key,
                Doc(doc) + " lists missing " + EdgeText(edge_key));
        return;
      }
      it->second.claimed_by.insert(doc);
    });
  }

  Status ScanDocIndex() {
    return Scan(Cf::kDocIndex, [&](std::string_view key, std::string_view value) {
      std::optional<NodeId> doc = keys::DecodeNodeKey(value);
      if (!key.starts_with('h') || !doc) return Malformed(Cf::kDocIndex, key, " or value");
      const std::string hash(key.substr(1));
      hash_index_[hash] = *doc;
      if (!IsDocument(*doc)) {
        Problem("dangling_doc_index", Cf::kDocIndex, key,
                "content hash " + hash + " points at missing " + Doc(*doc));
      }
    });
  }

  Status ScanNames() {
    return Scan(Cf::kNames, [&](std::string_view key, std::string_view) {
      auto decoded = keys::DecodeNameKey(key);
      if (!decoded) return Malformed(Cf::kNames, key, "");
      ++report_.name_keys;
      named_.insert(decoded->second);
      if (!nodes_.contains(decoded->second)) {
        Problem("dangling_name", Cf::kNames, key,
                "name '" + std::string(decoded->first) + "' points at missing node " +
                    std::to_string(decoded->second));
      }
    });
  }

  void CheckEdges() {
    for (const auto& [edge_key, state] : edges_) {
      const std::string key = keys::EdgeKeyBytes(edge_key);
      const std::string text = EdgeText(edge_key);
      const AdjacencyEntry out{edge_key.source, Direction::kOut, edge_key.relation,
                               edge_key.target};
      const AdjacencyEntry in{edge_key.target, Direction::kIn, edge_key.relation,
                              edge_key.source};
      for (const AdjacencyEntry& entry : {out, in}) {
        if (!adjacency_.contains(keys::AdjacencyKey(entry))) {
          Problem("missing_adjacency", Cf::kEdges, key,
                  text + " lacks its " + (entry.direction == Direction::kOut ? "out" : "in") +
                      " adjacency key");
        }
      }
      if (state.evidence == 0) {
        Problem("edge_without_evidence", Cf::kEdges, key, text + " has no evidence");
        continue;
      }
      const Edge& stored = state.stored;
      if (stored.evidence_count != state.evidence || stored.source_count != state.sources.size() ||
          stored.status != state.strongest) {
        Problem("edge_summary_mismatch", Cf::kEdges, key,
                text + " says " + std::to_string(stored.evidence_count) + " evidence from " +
                    std::to_string(stored.source_count) + " documents, status " +
                    std::string(FactStatusName(stored.status)) + "; found " +
                    std::to_string(state.evidence) + " from " +
                    std::to_string(state.sources.size()) + ", strongest " +
                    std::string(FactStatusName(state.strongest)));
      }
      if (state.sources != state.claimed_by) {
        Problem("doc_facts_mismatch", Cf::kEdges, key,
                text + ": the documents of its evidence differ from those whose doc_facts "
                       "list it");
      }
    }
  }

  void CheckDocuments() {
    std::map<std::string, NodeId> first_with_hash;
    for (const auto& [id, doc] : documents_) {
      const std::string key = keys::DocumentMetaKey(id);
      auto node = nodes_.find(id);
      if (!doc.meta || !doc.text || node == nodes_.end() || node->second != NodeKind::kDocument) {
        Problem("incomplete_document", Cf::kDocuments, key,
                Doc(id) + " lacks its " +
                    (!doc.meta ? "metadata" : !doc.text ? "text" : "document node"));
      }
      if (!doc.meta) continue;
      auto [first, inserted] = first_with_hash.emplace(doc.hash, id);
      if (!inserted) {
        Problem("duplicate_document", Cf::kDocuments, key,
                Doc(id) + " has the same content hash as " + Doc(first->second));
      }
      auto indexed = hash_index_.find(doc.hash);
      if (indexed == hash_index_.end() || (inserted && indexed->second != id)) {
        Problem("document_not_indexed", Cf::kDocuments, key,
                Doc(id) + ": its content hash is not in doc_index, or points elsewhere");
      }
    }
    for (const std::string& literal : literal_doc_keys_) {
      if (!doc_fact_literals_.contains(literal)) {
        Problem("literal_not_in_doc_facts", Cf::kDocFacts, literal,
                Doc(keys::GetFixed64(literal.data())) + " states a literal its doc_facts omit");
      }
    }
  }

  void CheckNodes() {
    for (const auto& [id, kind] : nodes_) {
      if (kind == NodeKind::kDocument && !documents_.contains(id)) {
        Problem("incomplete_document", Cf::kNodes, keys::NodeKey(id),
                "document node " + std::to_string(id) + " has no document record");
      } else if (kind && kind != NodeKind::kDocument && !named_.contains(id)) {
        Problem("unindexed_node", Cf::kNodes, keys::NodeKey(id),
                "node " + std::to_string(id) + " has no name-index entry");
      }
    }
  }

  void CheckCounters() {
    std::set<std::string> names;
    for (const auto& [name, n] : counters_) names.insert(name);
    for (const auto& [name, n] : scanned_) names.insert(name);
    for (const std::string& name : names) {
      const std::uint64_t stored = counters_.contains(name) ? counters_.at(name) : 0;
      const std::uint64_t found = scanned_.contains(name) ? scanned_.at(name) : 0;
      if (stored != found) {
        Problem("counter_mismatch", Cf::kMeta, name,
                name + " is " + std::to_string(stored) + " but a scan counts " +
                    std::to_string(found));
      }
    }
  }

  const RocksDb& db_;
  const StoreCheckOptions& options_;
  StoreCheckReport report_;
  NodeId next_node_id_ = 1;
  std::map<std::string, std::uint64_t> counters_;  // meta counters as stored
  std::map<std::string, std::uint64_t> scanned_;   // the same counters, from the scan
  std::unordered_map<NodeId, std::optional<NodeKind>> nodes_;  // nullopt: undecodable
  std::map<NodeId, DocumentState> documents_;
  std::map<EdgeKey, EdgeState> edges_;
  std::unordered_set<std::string> adjacency_;
  std::set<std::string> literal_doc_keys_;   // doc_facts keys the literals call for
  std::set<std::string> doc_fact_literals_;  // doc_facts literal keys present
  std::unordered_map<std::string, NodeId> hash_index_;
  std::unordered_set<NodeId> named_;
};

}  // namespace

Result<StoreCheckReport> CheckStore(const std::string& path, const StoreCheckOptions& options) {
  StoreOptions store_options;
  store_options.read_only = true;
  store_options.create_if_missing = false;
  store_options.block_cache_mb = 32;
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, store_options));
  return Checker(*db, options).Run();
}

}  // namespace presskg::graph
