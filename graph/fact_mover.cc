#include "graph/fact_mover.h"

#include <algorithm>
#include <memory>

#include "graph/key_codec.h"
#include "graph/relation_schema.h"
#include "graph/value_codec.h"

namespace presskg::graph {
namespace {

rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

std::string_view ToView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

// Keys of `cf` starting with `prefix`, with their values.
Status ScanPrefix(const RocksDb& db, Cf cf, const std::string& prefix,
                  const std::function<Status(std::string_view, std::string_view)>& fn) {
  if (db.cf(cf) == nullptr) return Status::Ok();
  rocksdb::ReadOptions options;
  options.prefix_same_as_start = false;
  options.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(options, db.cf(cf)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    PRESSKG_RETURN_IF_ERROR(fn(ToView(it->key()), ToView(it->value())));
  }
  return FromRocks(it->status(), std::string("scan ") + CfName(cf));
}

EdgeKey Canonical(EdgeKey key) {
  const RelationType* type = RelationSchema::Builtin().Get(key.relation);
  if (type != nullptr && type->symmetric && key.target < key.source) {
    std::swap(key.source, key.target);
  }
  return key;
}

}  // namespace

FactMover::FactMover(const RocksDb& db, Counters* counters, rocksdb::WriteBatch* batch)
    : db_(db), counters_(counters), batch_(batch) {}

Status FactMover::Put(Cf cf, const std::string& key, const std::string& value) {
  return FromRocks(batch_->Put(db_.cf(cf), ToSlice(key), ToSlice(value)), "write batch");
}

Status FactMover::Delete(Cf cf, const std::string& key) {
  return FromRocks(batch_->Delete(db_.cf(cf), ToSlice(key)), "write batch");
}

void FactMover::Bump(const std::string& key, std::int64_t delta) {
  std::uint64_t& value = counters_->values[key];
  value = static_cast<std::uint64_t>(static_cast<std::int64_t>(value) + delta);
}

Result<FactMover::EdgeState*> FactMover::Load(const EdgeKey& key) {
  auto found = edges_.find(key);
  if (found != edges_.end()) return &found->second;
  EdgeState state;
  state.edge.key = key;
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kEdges),
                                    keys::EdgeKeyBytes(key), &value);
  if (s.ok()) {
    PRESSKG_ASSIGN_OR_RETURN(state.edge, values::DecodeEdge(key, value));
    state.existed = true;
  } else if (!s.IsNotFound()) {
    return FromRocks(s, "read edge");
  }
  PRESSKG_RETURN_IF_ERROR(ScanPrefix(
      db_, Cf::kEvidence, keys::EdgeKeyBytes(key),
      [&](std::string_view k, std::string_view v) -> Status {
        if (k.size() != keys::kEdgeKeySize + 12) return Status::Corruption("malformed evidence key");
        EvidenceId id{keys::GetFixed64(k.data() + keys::kEdgeKeySize),
                      keys::GetFixed32(k.data() + keys::kEdgeKeySize + 8)};
        PRESSKG_ASSIGN_OR_RETURN(Evidence evidence, values::DecodeEvidence(id.document, v));
        state.original.emplace(id, evidence);
        state.current.emplace(id, std::move(evidence));
        return Status::Ok();
      }));
  return &edges_.emplace(key, std::move(state)).first->second;
}

Status FactMover::Move(NodeId from, NodeId to, const std::function<bool(const MovedFact&)>& accept,
                       Correction* record) {
  // The edges of `from`, read before anything moves (an edge seen from both ends is visited twice;
  // the second visit finds nothing left to move).
  std::vector<EdgeKey> incident;
  PRESSKG_RETURN_IF_ERROR(ScanPrefix(
      db_, Cf::kAdjacency, keys::AdjacencyPrefix(from, std::nullopt, std::nullopt),
      [&](std::string_view k, std::string_view) -> Status {
        auto entry = keys::DecodeAdjacencyKey(k);
        if (!entry) return Status::Corruption("malformed adjacency key");
        incident.push_back(entry->edge());
        return Status::Ok();
      }));
  for (const EdgeKey& key : incident) {
    PRESSKG_ASSIGN_OR_RETURN(EdgeState * source, Load(key));
    std::vector<EvidenceId> leaving;
    for (const auto& [id, evidence] : source->current) {
      if (accept(MovedFact{false, id.document, id.seq})) leaving.push_back(id);
    }
    if (leaving.empty()) continue;
    EdgeKey moved = key;
    if (moved.source == from) moved.source = to;
    if (moved.target == from) moved.target = to;
    moved = Canonical(moved);
    source->changed = true;
    if (moved.source == moved.target) {
      // An edge between the two nodes would become a loop: set its evidence aside.
      for (const EvidenceId& id : leaving) {
        PRESSKG_RETURN_IF_ERROR(
            Put(Cf::kParked,
                keys::ParkedKey(record->id, keys::EvidenceKey(key, id.document, id.seq)),
                values::EncodeEvidence(source->current.at(id))));
        source->current.erase(id);
        Bump(kMetaEvidence, -1);
        ++record->loops_parked;
      }
      continue;
    }
    PRESSKG_ASSIGN_OR_RETURN(EdgeState * target, Load(moved));
    target->changed = true;
    for (const auto& [name, value] : source->edge.properties) {
      target->edge.properties.emplace(name, value);
    }
    for (const EvidenceId& id : leaving) {
      target->current[id] = source->current.at(id);
      source->current.erase(id);
      record->facts.push_back(MovedFact{false, id.document, id.seq});
    }
  }

  // Literal facts: node(8) type(1) doc(8) seq(4); the node is not part of the value.
  std::vector<std::pair<std::string, std::string>> literals;
  PRESSKG_RETURN_IF_ERROR(ScanPrefix(db_, Cf::kLiterals, keys::NodeKey(from),
                                     [&](std::string_view k, std::string_view v) -> Status {
                                       literals.emplace_back(std::string(k), std::string(v));
                                       return Status::Ok();
                                     }));
  for (const auto& [key, value] : literals) {
    if (key.size() != 21) return Status::Corruption("malformed literal key");
    auto type = static_cast<std::uint8_t>(key[8]);
    NodeId document = keys::GetFixed64(key.data() + 9);
    std::uint32_t seq = keys::GetFixed32(key.data() + 17);
    MovedFact fact{true, document, seq};
    if (!accept(fact)) continue;
    PRESSKG_RETURN_IF_ERROR(Delete(Cf::kLiterals, key));
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kLiterals, keys::LiteralKey(to, type, document, seq), value));
    PRESSKG_RETURN_IF_ERROR(Delete(Cf::kDocFacts, keys::DocLiteralKey(document, from, type, seq)));
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kDocFacts, keys::DocLiteralKey(document, to, type, seq), ""));
    record->facts.push_back(fact);
  }
  return Status::Ok();
}

Status FactMover::Unpark(std::uint64_t correction) {
  std::vector<std::pair<std::string, std::string>> parked;
  PRESSKG_RETURN_IF_ERROR(ScanPrefix(db_, Cf::kParked, keys::CorrectionKey(correction),
                                     [&](std::string_view k, std::string_view v) -> Status {
                                       parked.emplace_back(std::string(k), std::string(v));
                                       return Status::Ok();
                                     }));
  for (const auto& [key, value] : parked) {
    std::string_view evidence_key = std::string_view(key).substr(8);
    auto edge = keys::DecodeEdgeKey(evidence_key);
    if (!edge || evidence_key.size() != keys::kEdgeKeySize + 12) {
      return Status::Corruption("malformed parked evidence key");
    }
    EvidenceId id{keys::GetFixed64(evidence_key.data() + keys::kEdgeKeySize),
                  keys::GetFixed32(evidence_key.data() + keys::kEdgeKeySize + 8)};
    PRESSKG_ASSIGN_OR_RETURN(Evidence evidence, values::DecodeEvidence(id.document, value));
    PRESSKG_ASSIGN_OR_RETURN(EdgeState * state, Load(*edge));
    state->changed = true;
    state->current[id] = std::move(evidence);
    Bump(kMetaEvidence, 1);
    PRESSKG_RETURN_IF_ERROR(Delete(Cf::kParked, key));
  }
  return Status::Ok();
}

Status FactMover::MoveNameKeys(NodeId from, NodeId to, const std::vector<std::string>& name_keys,
                               std::vector<std::string>* moved, std::vector<std::string>* shared) {
  std::set<std::string> seen;
  for (const std::string& key : name_keys) {
    if (!seen.insert(key).second) continue;
    std::string value;
    rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kNames),
                                      keys::NameKey(key, from), &value);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return FromRocks(s, "read name index");
    s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kNames), keys::NameKey(key, to), &value);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "read name index");
    PRESSKG_RETURN_IF_ERROR(Delete(Cf::kNames, keys::NameKey(key, from)));
    if (s.ok()) {
      shared->push_back(key);
    } else {
      PRESSKG_RETURN_IF_ERROR(Put(Cf::kNames, keys::NameKey(key, to), ""));
      moved->push_back(key);
    }
  }
  return Status::Ok();
}

Result<std::uint32_t> FactMover::Finish() {
  std::uint32_t changed = 0;
  for (auto& [key, state] : edges_) {
    if (!state.changed) continue;
    ++changed;
    const RelationType* type = RelationSchema::Builtin().Get(key.relation);
    if (type == nullptr) return Status::Corruption("edge with unknown relation in the store");
    const std::string edge_bytes = keys::EdgeKeyBytes(key);
    // Evidence records: delete what left, write what arrived.
    for (const auto& [id, evidence] : state.original) {
      if (!state.current.contains(id)) {
        PRESSKG_RETURN_IF_ERROR(Delete(Cf::kEvidence, keys::EvidenceKey(key, id.document, id.seq)));
      }
    }
    std::set<NodeId> docs_before;
    std::set<NodeId> docs_after;
    for (const auto& [id, evidence] : state.original) docs_before.insert(id.document);
    for (const auto& [id, evidence] : state.current) {
      docs_after.insert(id.document);
      if (!state.original.contains(id)) {
        PRESSKG_RETURN_IF_ERROR(Put(Cf::kEvidence, keys::EvidenceKey(key, id.document, id.seq),
                                    values::EncodeEvidence(evidence)));
      }
    }
    for (NodeId doc : docs_before) {
      if (!docs_after.contains(doc)) {
        PRESSKG_RETURN_IF_ERROR(Delete(Cf::kDocFacts, keys::DocEdgeKey(doc, key)));
      }
    }
    for (NodeId doc : docs_after) {
      if (!docs_before.contains(doc)) {
        PRESSKG_RETURN_IF_ERROR(Put(Cf::kDocFacts, keys::DocEdgeKey(doc, key), ""));
      }
    }
    const std::string out_key = keys::AdjacencyKey({key.source, Direction::kOut, key.relation, key.target});
    const std::string in_key = keys::AdjacencyKey({key.target, Direction::kIn, key.relation, key.source});
    if (state.current.empty()) {
      if (state.existed) {
        PRESSKG_RETURN_IF_ERROR(Delete(Cf::kEdges, edge_bytes));
        PRESSKG_RETURN_IF_ERROR(Delete(Cf::kAdjacency, out_key));
        PRESSKG_RETURN_IF_ERROR(Delete(Cf::kAdjacency, in_key));
        Bump(kMetaEdgesPrefix + type->name, -1);
      }
      continue;
    }
    // Aggregates, as DocumentWriter keeps them: stated beats planned beats denied, the highest
    // confidence, the earliest and latest dates.
    Edge& edge = state.edge;
    edge.source_count = static_cast<std::uint32_t>(docs_after.size());
    edge.evidence_count = static_cast<std::uint32_t>(state.current.size());
    edge.first_seen.clear();
    edge.last_seen.clear();
    edge.confidence = 0.0F;
    edge.status = FactStatus::kDenied;
    for (const auto& [id, evidence] : state.current) {
      edge.status = std::min(edge.status, evidence.status);
      edge.confidence = std::max(edge.confidence, evidence.confidence);
      if (!evidence.date.empty()) {
        if (edge.first_seen.empty() || evidence.date < edge.first_seen) edge.first_seen = evidence.date;
        if (edge.last_seen.empty() || evidence.date > edge.last_seen) edge.last_seen = evidence.date;
      }
    }
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kEdges, edge_bytes, values::EncodeEdge(edge)));
    if (!state.existed) {
      PRESSKG_RETURN_IF_ERROR(Put(Cf::kAdjacency, out_key, ""));
      PRESSKG_RETURN_IF_ERROR(Put(Cf::kAdjacency, in_key, ""));
      Bump(kMetaEdgesPrefix + type->name, 1);
    }
  }
  return changed;
}

}  // namespace presskg::graph
