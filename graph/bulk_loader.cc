#include "graph/bulk_loader.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <tuple>

#include "graph/bulk_sst_writer.h"
#include "graph/key_codec.h"
#include "graph/relation_schema.h"
#include "graph/rocks_db.h"
#include "graph/text_util.h"
#include "graph/value_codec.h"

namespace presskg::graph {
namespace {

constexpr NodeId kFirstNode = 2;  // node 1 is the synthetic document

// One BulkEdge with node ids, symmetric relations normalised, and its input position (the
// evidence sequence number).
struct Fact {
  NodeId source = 0;
  NodeId target = 0;
  std::uint32_t seq = 0;
  RelationId relation = 0;
  FactStatus status = FactStatus::kStated;
  float confidence = 1.0F;
};

bool FactOrder(const Fact& a, const Fact& b) {
  return std::tie(a.source, a.relation, a.target, a.seq) <
         std::tie(b.source, b.relation, b.target, b.seq);
}

std::string Fixed64(std::uint64_t n) {
  std::string v;
  keys::PutFixed64(&v, n);
  return v;
}

Status Validate(const BulkGraph& graph, const RelationSchema& schema) {
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const BulkNode& node = graph.nodes[i];
    if (node.kind == NodeKind::kDocument || !ParseNodeKind(NodeKindName(node.kind))) {
      return Status::InvalidArgument("bulk node " + std::to_string(i) + " ('" + node.name +
                                     "') must be of an entity kind, not document");
    }
  }
  if (graph.edges.size() > std::numeric_limits<std::uint32_t>::max()) {
    return Status::InvalidArgument("a bulk load takes at most 2^32 - 1 edges");
  }
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const BulkEdge& edge = graph.edges[i];
    if (edge.source >= graph.nodes.size() || edge.target >= graph.nodes.size()) {
      return Status::InvalidArgument("bulk edge " + std::to_string(i) +
                                     " has an endpoint outside the node list");
    }
    if (schema.Get(edge.relation) == nullptr) {
      return Status::InvalidArgument("bulk edge " + std::to_string(i) +
                                     " has unknown relation id " + std::to_string(edge.relation));
    }
    if (!ParseFactStatus(FactStatusName(edge.status))) {
      return Status::InvalidArgument("bulk edge " + std::to_string(i) + " has an unknown status");
    }
  }
  return Status::Ok();
}

// FailedPrecondition unless the store has no node and no document yet.
Status RequireEmpty(const RocksDb& db) {
  for (Cf cf : {Cf::kNodes, Cf::kDocuments, Cf::kEdges}) {
    std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(cf)));
    it->SeekToFirst();
    PRESSKG_RETURN_IF_ERROR(FromRocks(it->status(), "read " + db.path()));
    if (it->Valid()) {
      return Status::FailedPrecondition("store " + db.path() +
                                        " is not empty: a bulk load needs a new store");
    }
  }
  return Status::Ok();
}

// Writes every column family of one load into SST files under `dir`.
class LoadWriter {
 public:
  LoadWriter(const RocksDb& db, const BulkGraph& graph, const BulkLoadOptions& options,
             const std::string& dir)
      : db_(db), graph_(graph), options_(options), dir_(dir) {
    document_.id = 1;
    document_.name = options.document_name;
    document_.title = options.document_title;
    document_.date = options.document_date;
    document_.text = "Bulk import of " + std::to_string(graph.nodes.size()) + " nodes and " +
                     std::to_string(graph.edges.size()) + " edges.";
    document_.content_hash = Sha256Hex(document_.text);
  }

  Result<BulkLoadResult> Run() {
    BulkLoadResult result;
    result.document = document_.id;
    result.first_node = kFirstNode;
    result.nodes = graph_.nodes.size() + 1;
    result.evidence = graph_.edges.size();
    PRESSKG_RETURN_IF_ERROR(WriteNodes());
    PRESSKG_ASSIGN_OR_RETURN(result.name_keys, WriteNames());
    PRESSKG_ASSIGN_OR_RETURN(std::vector<EdgeKey> edges, WriteEdges());
    result.edges = edges.size();
    PRESSKG_RETURN_IF_ERROR(WriteAdjacency(std::move(edges)));
    PRESSKG_RETURN_IF_ERROR(WriteDocument());
    PRESSKG_RETURN_IF_ERROR(WriteMeta());
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (auto& writer : writers_) {
      if (writer && !writer->empty()) args.push_back(writer->IngestArg());
    }
    PRESSKG_RETURN_IF_ERROR(
        FromRocks(db_.db()->IngestExternalFiles(args), "cannot ingest into " + db_.path()));
    return result;
  }

 private:
  BulkSstWriter& Writer(Cf cf) {
    auto& slot = writers_[static_cast<int>(cf)];
    if (!slot) {
      slot = std::make_unique<BulkSstWriter>(db_, cf, dir_, options_.sst_file_bytes,
                                             options_.sst_file_entries);
    }
    return *slot;
  }

  void Bump(const std::string& key, std::uint64_t delta = 1) { counters_[key] += delta; }

  Status WriteNodes() {
    BulkSstWriter& out = Writer(Cf::kNodes);
    Node doc_node;
    doc_node.kind = NodeKind::kDocument;
    doc_node.label = document_.title.empty() ? document_.name : document_.title;
    PRESSKG_RETURN_IF_ERROR(out.Put(keys::NodeKey(document_.id), values::EncodeNode(doc_node)));
    Bump(kMetaNodesPrefix + std::string(NodeKindName(NodeKind::kDocument)));
    Node node;
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i) {
      const BulkNode& in = graph_.nodes[i];
      node.kind = in.kind;
      node.label = in.name;
      node.label_fr = in.label_fr;
      node.label_en = in.label_en;
      node.aliases.clear();
      if (!in.name.empty()) node.aliases.push_back(Alias{in.name, in.lang, {document_.id}});
      PRESSKG_RETURN_IF_ERROR(out.Put(keys::NodeKey(kFirstNode + i), values::EncodeNode(node)));
      Bump(kMetaNodesPrefix + std::string(NodeKindName(in.kind)));
    }
    return out.Finish();
  }

  Result<std::uint64_t> WriteNames() {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i) {
      for (const std::string& key : graph_.nodes[i].name_keys) {
        names.push_back(keys::NameKey(key, kFirstNode + i));
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    BulkSstWriter& out = Writer(Cf::kNames);
    for (const std::string& name : names) PRESSKG_RETURN_IF_ERROR(out.Put(name, ""));
    PRESSKG_RETURN_IF_ERROR(out.Finish());
    return names.size();
  }

  // Edges, their evidence and the document's doc_facts; returns the distinct edge keys in key
  // order.
  Result<std::vector<EdgeKey>> WriteEdges() {
    const RelationSchema& schema = RelationSchema::Builtin();
    std::vector<Fact> facts(graph_.edges.size());
    for (std::size_t i = 0; i < graph_.edges.size(); ++i) {
      const BulkEdge& in = graph_.edges[i];
      Fact& fact = facts[i];
      fact.source = kFirstNode + in.source;
      fact.target = kFirstNode + in.target;
      if (schema.Get(in.relation)->symmetric && fact.target < fact.source) {
        std::swap(fact.source, fact.target);
      }
      fact.seq = static_cast<std::uint32_t>(i);
      fact.relation = in.relation;
      fact.status = in.status;
      fact.confidence = in.confidence;
    }
    std::sort(facts.begin(), facts.end(), FactOrder);

    BulkSstWriter& edges_out = Writer(Cf::kEdges);
    BulkSstWriter& evidence_out = Writer(Cf::kEvidence);
    BulkSstWriter& doc_facts_out = Writer(Cf::kDocFacts);
    std::vector<EdgeKey> keys_in_order;
    Evidence evidence;
    evidence.document = document_.id;
    evidence.rule = options_.rule;
    evidence.date = document_.date;
    for (std::size_t begin = 0; begin < facts.size();) {
      const EdgeKey key{facts[begin].source, facts[begin].relation, facts[begin].target};
      Edge edge;
      edge.key = key;
      edge.status = FactStatus::kDenied;
      edge.first_seen = document_.date;
      edge.last_seen = document_.date;
      edge.source_count = 1;
      std::size_t end = begin;
      for (; end < facts.size() && facts[end].source == key.source &&
             facts[end].relation == key.relation && facts[end].target == key.target;
           ++end) {
        evidence.status = facts[end].status;
        evidence.confidence = facts[end].confidence;
        PRESSKG_RETURN_IF_ERROR(
            evidence_out.Put(keys::EvidenceKey(key, document_.id, facts[end].seq),
                             values::EncodeEvidence(evidence)));
        edge.status = std::min(edge.status, evidence.status);
        edge.confidence = std::max(edge.confidence, evidence.confidence);
        ++edge.evidence_count;
      }
      const std::string key_bytes = keys::EdgeKeyBytes(key);
      PRESSKG_RETURN_IF_ERROR(edges_out.Put(key_bytes, values::EncodeEdge(edge)));
      PRESSKG_RETURN_IF_ERROR(doc_facts_out.Put(keys::DocEdgeKey(document_.id, key), ""));
      Bump(kMetaEdgesPrefix + schema.Get(key.relation)->name);
      keys_in_order.push_back(key);
      begin = end;
    }
    if (!facts.empty()) Bump(kMetaEvidence, facts.size());
    PRESSKG_RETURN_IF_ERROR(edges_out.Finish());
    PRESSKG_RETURN_IF_ERROR(evidence_out.Finish());
    PRESSKG_RETURN_IF_ERROR(doc_facts_out.Finish());
    return keys_in_order;
  }

  // Both adjacency keys of every edge, in key order: for each node, its out-keys (the edges in
  // key order) then its in-keys (the edges ordered by target, relation, source).
  Status WriteAdjacency(std::vector<EdgeKey> edges) {
    std::vector<std::uint32_t> by_target(edges.size());
    std::iota(by_target.begin(), by_target.end(), 0U);
    std::sort(by_target.begin(), by_target.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::tie(edges[a].target, edges[a].relation, edges[a].source) <
             std::tie(edges[b].target, edges[b].relation, edges[b].source);
    });
    BulkSstWriter& out = Writer(Cf::kAdjacency);
    std::size_t next_out = 0;
    std::size_t next_in = 0;
    while (next_out < edges.size() || next_in < edges.size()) {
      NodeId node = std::numeric_limits<NodeId>::max();
      if (next_out < edges.size()) node = edges[next_out].source;
      if (next_in < edges.size()) node = std::min(node, edges[by_target[next_in]].target);
      for (; next_out < edges.size() && edges[next_out].source == node; ++next_out) {
        const EdgeKey& e = edges[next_out];
        PRESSKG_RETURN_IF_ERROR(
            out.Put(keys::AdjacencyKey({node, Direction::kOut, e.relation, e.target}), ""));
      }
      for (; next_in < edges.size() && edges[by_target[next_in]].target == node; ++next_in) {
        const EdgeKey& e = edges[by_target[next_in]];
        PRESSKG_RETURN_IF_ERROR(
            out.Put(keys::AdjacencyKey({node, Direction::kIn, e.relation, e.source}), ""));
      }
    }
    return out.Finish();
  }

  Status WriteDocument() {
    BulkSstWriter& documents = Writer(Cf::kDocuments);
    PRESSKG_RETURN_IF_ERROR(
        documents.Put(keys::DocumentMetaKey(document_.id), values::EncodeDocumentMeta(document_)));
    PRESSKG_RETURN_IF_ERROR(documents.Put(keys::DocumentTextKey(document_.id), document_.text));
    PRESSKG_RETURN_IF_ERROR(documents.Finish());
    BulkSstWriter& index = Writer(Cf::kDocIndex);
    PRESSKG_RETURN_IF_ERROR(
        index.Put(keys::DocHashKey(document_.content_hash), keys::NodeKey(document_.id)));
    Bump(kMetaDocuments);
    return index.Finish();
  }

  // Counters and the next node id; schema_version was written when the store was created.
  Status WriteMeta() {
    std::map<std::string, std::string> meta;
    for (const auto& [key, value] : counters_) meta[key] = Fixed64(value);
    meta[kMetaNextNodeId] = Fixed64(kFirstNode + graph_.nodes.size());
    BulkSstWriter& out = Writer(Cf::kMeta);
    for (const auto& [key, value] : meta) PRESSKG_RETURN_IF_ERROR(out.Put(key, value));
    return out.Finish();
  }

  const RocksDb& db_;
  const BulkGraph& graph_;
  const BulkLoadOptions& options_;
  std::string dir_;
  Document document_;
  std::map<std::string, std::uint64_t> counters_;
  std::unique_ptr<BulkSstWriter> writers_[static_cast<int>(Cf::kCount)];
};

}  // namespace

Result<BulkLoadResult> BulkLoad(const std::string& path, const BulkGraph& graph,
                                const BulkLoadOptions& options) {
  PRESSKG_RETURN_IF_ERROR(Validate(graph, RelationSchema::Builtin()));
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, StoreOptions{}));
  PRESSKG_RETURN_IF_ERROR(RequireEmpty(*db));

  namespace fs = std::filesystem;
  const fs::path dir = fs::path(path) / "bulk-load.tmp";
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!fs::create_directories(dir, ec)) {
    return Status::IoError("cannot create " + dir.string() + ": " + ec.message());
  }
  Result<BulkLoadResult> result = LoadWriter(*db, graph, options, dir.string()).Run();
  fs::remove_all(dir, ec);  // what was not moved into the store
  return result;
}

}  // namespace presskg::graph
