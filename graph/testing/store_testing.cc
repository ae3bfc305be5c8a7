#include "graph/testing/store_testing.h"

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "graph/relation_schema.h"
#include "graph/rocks_db.h"

namespace presskg::graph::testing {
namespace {

RelationId RelationIdOf(std::string_view name) { return RelationSchema::Builtin().Find(name)->id; }

std::string Describe(const EdgeKey& key) {
  return "edge " + std::to_string(key.source) + " -" + std::to_string(key.relation) + "-> " +
         std::to_string(key.target);
}

Status Violation(const std::string& what) { return Status::Corruption("invariant: " + what); }

template <typename T>
Status Read(Result<T> result, T* out) {
  if (!result.ok()) return result.status();
  *out = std::move(result).value();
  return Status::Ok();
}

}  // namespace

Status OverwriteMetaForTesting(const std::string& path, std::string_view key,
                               std::string_view value) {
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<RocksDb> db, RocksDb::Open(path, StoreOptions{}));
  return FromRocks(db->db()->Put(rocksdb::WriteOptions(), db->cf(Cf::kMeta),
                                 rocksdb::Slice(key.data(), key.size()),
                                 rocksdb::Slice(value.data(), value.size())),
                   "overwrite meta key");
}

DocumentGraph SyntheticDocument(std::uint64_t seed, std::uint64_t index,
                                const SyntheticOptions& options) {
  std::mt19937_64 rng(seed * 1000003 + index);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  DocumentGraph doc;
  doc.document.name = "doc-" + std::to_string(seed) + "-" + std::to_string(index) + ".txt";
  doc.document.title = "Synthetic document " + std::to_string(index);
  doc.document.date = "2022-" + std::to_string(10 + pick(3)) + "-1" + std::to_string(pick(10));
  doc.document.lang = pick(2) == 0 ? "fr" : "en";
  doc.document.text =
      "Synthetic press release " + std::to_string(seed) + "/" + std::to_string(index) + ".\n";

  std::map<std::string, EntityIndex> entity_index;
  auto entity = [&](NodeKind kind) {
    const bool person = kind == NodeKind::kPerson;
    std::string name = (person ? "person-" : "org-") +
                       std::to_string(pick(person ? options.persons : options.organizations));
    auto [it, inserted] =
        entity_index.try_emplace(name, static_cast<EntityIndex>(doc.entities.size()));
    if (inserted) {
      EntityInput input;
      input.kind = kind;
      input.name = name;
      input.lang = doc.document.lang;
      input.match_keys = {name};
      if (pick(4) == 0) input.aliases = {name + " group"};
      doc.entities.push_back(std::move(input));
    }
    return it->second;
  };

  static const char* const kOrgRelations[] = {"subsidiary_of", "has_client",  "partner_of",
                                              "merged_with",   "supplier_of", "acquired"};
  const int facts = options.min_facts + pick(options.max_facts - options.min_facts + 1);
  for (int i = 0; i < facts; ++i) {
    FactInput fact;
    switch (pick(8)) {
      case 0:
        fact.subject = entity(NodeKind::kPerson);
        fact.relation = RelationIdOf("has_role_at");
        fact.object = entity(NodeKind::kOrganization);
        fact.properties["role"] = "director";
        break;
      case 1:
        fact.subject = entity(NodeKind::kPerson);
        fact.relation = RelationIdOf("quoted_in");
        fact.object = kThisDocument;
        break;
      case 2:
        fact.subject = kThisDocument;
        fact.relation = RelationIdOf("mentions");
        fact.object = entity(NodeKind::kOrganization);
        break;
      default:
        fact.subject = entity(NodeKind::kOrganization);
        fact.relation = RelationIdOf(kOrgRelations[pick(std::size(kOrgRelations))]);
        fact.object = entity(NodeKind::kOrganization);
        break;
    }
    fact.evidence.sentence =
        "Sentence " + std::to_string(i) + " of document " + std::to_string(index) + ".";
    fact.evidence.start = static_cast<std::uint32_t>(i * 40);
    fact.evidence.end = fact.evidence.start + 30;
    fact.evidence.lang = doc.document.lang;
    fact.evidence.rule = "synthetic";
    fact.evidence.confidence = 0.5F + 0.1F * static_cast<float>(pick(6));
    fact.evidence.status = static_cast<FactStatus>(pick(6) < 4 ? 0 : pick(3));
    if (pick(3) == 0) fact.evidence.date = "2021-0" + std::to_string(1 + pick(9));
    doc.document.text += fact.evidence.sentence + "\n";
    doc.facts.push_back(std::move(fact));
  }
  for (int i = pick(3); i > 0; --i) {
    LiteralInput literal;
    literal.subject = entity(NodeKind::kOrganization);
    literal.type = pick(2) == 0 ? "employees" : "revenue";
    literal.value = static_cast<std::int64_t>(pick(100000)) - 10;
    literal.evidence.sentence = "Literal " + std::to_string(i) + ".";
    literal.evidence.rule = "synthetic";
    doc.literals.push_back(std::move(literal));
  }
  return doc;
}

Status CheckStoreInvariants(const GraphSnapshot& snapshot) {
  StoreStats stats;
  PRESSKG_RETURN_IF_ERROR(Read(snapshot.GetStats(), &stats));

  std::map<NodeId, NodeKind> nodes;
  std::map<NodeKind, std::uint64_t> nodes_by_kind;
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachNode([&](const Node& node) {
    nodes[node.id] = node.kind;
    ++nodes_by_kind[node.kind];
    return true;
  }));

  // doc_facts: which documents claim each edge; the literals each document states.
  std::set<NodeId> documents;
  std::map<EdgeKey, std::set<NodeId>> claimed_by;
  std::uint64_t document_literals = 0;
  Status status;  // the first violation found inside a scan callback
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachDocument(false, [&](const Document& doc) {
    documents.insert(doc.id);
    std::vector<EdgeKey> edges;
    status = Read(snapshot.GetDocumentEdges(doc.id), &edges);
    for (const EdgeKey& key : edges) claimed_by[key].insert(doc.id);
    std::vector<LiteralFact> literals;
    if (status.ok()) status = Read(snapshot.GetDocumentLiterals(doc.id), &literals);
    for (const LiteralFact& literal : literals) {
      if (literal.evidence.document != doc.id) {
        status = Violation("literal of document " + std::to_string(doc.id) + " names another");
      }
    }
    document_literals += literals.size();
    return status.ok();
  }));
  PRESSKG_RETURN_IF_ERROR(status);
  if (stats.documents != documents.size()) {
    return Violation("count/documents " + std::to_string(stats.documents) + " but " +
                     std::to_string(documents.size()) + " documents");
  }
  for (NodeId doc : documents) {
    auto it = nodes.find(doc);
    if (it == nodes.end() || it->second != NodeKind::kDocument) {
      return Violation("document " + std::to_string(doc) + " has no document node");
    }
  }
  if (nodes_by_kind != stats.nodes_by_kind) return Violation("node counters differ from a scan");

  // Edges and their evidence.
  const RelationSchema& schema = RelationSchema::Builtin();
  std::set<EdgeKey> edges;
  std::map<std::string, std::uint64_t> edges_by_relation;
  std::uint64_t evidence_total = 0;
  PRESSKG_RETURN_IF_ERROR(snapshot.ForEachEdge([&](const Edge& edge) {
    const EdgeKey& key = edge.key;
    edges.insert(key);
    const RelationType* type = schema.Get(key.relation);
    if (type == nullptr) return (status = Violation(Describe(key) + ": unknown relation")).ok();
    ++edges_by_relation[type->name];
    if (type->symmetric && key.source > key.target) {
      return (status = Violation(Describe(key) + ": symmetric edge not canonical")).ok();
    }
    if (!nodes.contains(key.source) || !nodes.contains(key.target)) {
      return (status = Violation(Describe(key) + ": endpoint is not a node")).ok();
    }
    std::vector<Evidence> evidence;
    status = Read(snapshot.GetEvidence(key), &evidence);
    if (!status.ok()) return false;
    std::set<NodeId> sources;
    FactStatus strongest = FactStatus::kDenied;
    for (const Evidence& e : evidence) {
      sources.insert(e.document);
      strongest = std::min(strongest, e.status);
    }
    evidence_total += evidence.size();
    if (evidence.empty() || evidence.size() != edge.evidence_count ||
        sources.size() != edge.source_count || strongest != edge.status) {
      return (status = Violation(Describe(key) + ": counts or status disagree with evidence")).ok();
    }
    if (sources != claimed_by[key]) {
      return (status = Violation(Describe(key) + ": evidence documents differ from doc_facts"))
          .ok();
    }
    return true;
  }));
  PRESSKG_RETURN_IF_ERROR(status);
  for (const auto& [key, docs] : claimed_by) {
    if (!edges.contains(key)) return Violation("doc_facts names missing " + Describe(key));
  }
  if (edges_by_relation != stats.edges_by_relation) {
    return Violation("edge counters differ from a scan");
  }
  if (evidence_total != stats.evidence) return Violation("evidence counter differs from a scan");

  // Adjacency: exactly two keys per edge; literals per node.
  std::set<std::tuple<NodeId, Direction, RelationId, NodeId>> adjacency;
  std::uint64_t literals_total = 0;
  for (const auto& [id, kind] : nodes) {
    PRESSKG_RETURN_IF_ERROR(
        snapshot.ForEachNeighbor(id, std::nullopt, std::nullopt, [&](const AdjacencyEntry& e) {
          adjacency.emplace(e.node, e.direction, e.relation, e.neighbor);
          return true;
        }));
    std::vector<LiteralFact> literals;
    PRESSKG_RETURN_IF_ERROR(Read(snapshot.GetLiterals(id), &literals));
    literals_total += literals.size();
  }
  if (adjacency.size() != 2 * edges.size()) {
    return Violation(std::to_string(adjacency.size()) + " adjacency keys for " +
                     std::to_string(edges.size()) + " edges");
  }
  for (const EdgeKey& key : edges) {
    if (!adjacency.contains({key.source, Direction::kOut, key.relation, key.target}) ||
        !adjacency.contains({key.target, Direction::kIn, key.relation, key.source})) {
      return Violation(Describe(key) + " lacks an adjacency key");
    }
  }
  if (literals_total != stats.literals || document_literals != stats.literals) {
    return Violation("literal counter differs from a scan");
  }
  return Status::Ok();
}

}  // namespace presskg::graph::testing
