#include "graph/correction_writer.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "graph/correction_codec.h"
#include "graph/fact_mover.h"
#include "graph/key_codec.h"
#include "graph/value_codec.h"

namespace presskg::graph {
namespace {

constexpr char kMetaCorrections[] = "count/corrections";

rocksdb::Slice ToSlice(const std::string& s) { return rocksdb::Slice(s.data(), s.size()); }

std::string CounterValue(std::uint64_t n) {
  std::string v;
  keys::PutFixed64(&v, n);
  return v;
}

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Adds `alias`'s documents to the alias of `node` with the same name and language, or the alias.
void JoinAlias(Node* node, const Alias& alias) {
  for (Alias& mine : node->aliases) {
    if (mine.name == alias.name && mine.lang == alias.lang) {
      for (NodeId doc : alias.documents) {
        if (std::find(mine.documents.begin(), mine.documents.end(), doc) == mine.documents.end()) {
          mine.documents.push_back(doc);
        }
      }
      return;
    }
  }
  node->aliases.push_back(alias);
}

// Removes from `node` the documents `alias` brought; drops aliases left without documents.
void LeaveAlias(Node* node, const Alias& alias) {
  for (Alias& mine : node->aliases) {
    if (mine.name != alias.name || mine.lang != alias.lang) continue;
    std::erase_if(mine.documents, [&](NodeId doc) {
      return std::find(alias.documents.begin(), alias.documents.end(), doc) !=
             alias.documents.end();
    });
  }
  std::erase_if(node->aliases, [](const Alias& a) { return a.documents.empty(); });
}

void FillLabels(Node* node, const Node& other) {
  if (node->label_fr.empty()) node->label_fr = other.label_fr;
  if (node->label_en.empty()) node->label_en = other.label_en;
}

std::string KindCounter(NodeKind kind) { return kMetaNodesPrefix + std::string(NodeKindName(kind)); }

}  // namespace

std::string UtcNowIso8601() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

CorrectionWriter::CorrectionWriter(const RocksDb& db, const Counters& counters)
    : db_(db), counters_(counters) {}

Status CorrectionWriter::Put(Cf cf, const std::string& key, const std::string& value) {
  return FromRocks(batch_.Put(db_.cf(cf), ToSlice(key), ToSlice(value)), "write batch");
}

Status CorrectionWriter::Delete(Cf cf, const std::string& key) {
  return FromRocks(batch_.Delete(db_.cf(cf), ToSlice(key)), "write batch");
}

Result<Node> CorrectionWriter::ReadNode(NodeId id) {
  std::string value;
  rocksdb::Status s =
      db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kNodes), keys::NodeKey(id), &value);
  if (s.IsNotFound()) return Status::NotFound("no entity " + std::to_string(id));
  if (!s.ok()) return FromRocks(s, "read node");
  return values::DecodeNode(id, value);
}

Result<Correction> CorrectionWriter::ReadCorrection(std::uint64_t id) {
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kCorrections),
                                    keys::CorrectionKey(id), &value);
  if (s.IsNotFound()) return Status::NotFound("no correction " + std::to_string(id));
  if (!s.ok()) return FromRocks(s, "read correction");
  return values::DecodeCorrection(id, value);
}

Result<Correction> CorrectionWriter::NewCorrection(CorrectionKind kind, const std::string& why) {
  if (IsBlank(why)) {
    return Status::InvalidArgument("a correction needs a reason (why): it goes into the audit log");
  }
  Correction record;
  record.id = ++counters_.values[kMetaCorrections];
  record.kind = kind;
  record.when = UtcNowIso8601();
  record.why = why;
  return record;
}

Status CorrectionWriter::Seal(const Correction& record) {
  PRESSKG_RETURN_IF_ERROR(
      Put(Cf::kCorrections, keys::CorrectionKey(record.id), values::EncodeCorrection(record)));
  for (const auto& [key, value] : counters_.values) {
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kMeta, key, CounterValue(value)));
  }
  return Put(Cf::kMeta, kMetaNextNodeId, CounterValue(counters_.next_node_id));
}

Status CorrectionWriter::FoldInto(Node* keep, const Node& absorb,
                                  const std::vector<std::string>& name_keys, Correction* record) {
  FactMover mover(db_, &counters_, &batch_);
  PRESSKG_RETURN_IF_ERROR(
      mover.Move(absorb.id, keep->id, [](const MovedFact&) { return true; }, record));
  PRESSKG_RETURN_IF_ERROR(mover.MoveNameKeys(absorb.id, keep->id, name_keys, &record->name_keys,
                                             &record->shared_name_keys));
  PRESSKG_ASSIGN_OR_RETURN(record->edges_changed, mover.Finish());
  for (const Alias& alias : absorb.aliases) JoinAlias(keep, alias);
  FillLabels(keep, absorb);
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kNodes, keys::NodeKey(keep->id), values::EncodeNode(*keep)));
  PRESSKG_RETURN_IF_ERROR(Delete(Cf::kNodes, keys::NodeKey(absorb.id)));
  --counters_.values[KindCounter(absorb.kind)];
  return Put(Cf::kRedirects, keys::NodeKey(absorb.id),
             values::EncodeRedirect({keep->id, record->id}));
}

Result<Correction> CorrectionWriter::BuildMerge(const MergeRequest& request) {
  if (request.keep == request.absorb) {
    return Status::InvalidArgument("cannot merge entity " + std::to_string(request.keep) +
                                   " with itself");
  }
  PRESSKG_ASSIGN_OR_RETURN(Node keep, ReadNode(request.keep));
  PRESSKG_ASSIGN_OR_RETURN(Node absorb, ReadNode(request.absorb));
  if (keep.kind == NodeKind::kDocument || absorb.kind == NodeKind::kDocument) {
    return Status::InvalidArgument("documents cannot be merged");
  }
  if (keep.kind != absorb.kind) {
    return Status::InvalidArgument("cannot merge a " + std::string(NodeKindName(absorb.kind)) +
                                   " (" + absorb.label + ") into a " +
                                   std::string(NodeKindName(keep.kind)) + " (" + keep.label + ")");
  }
  PRESSKG_ASSIGN_OR_RETURN(Correction record, NewCorrection(CorrectionKind::kMerge, request.why));
  record.from = absorb.id;
  record.to = keep.id;
  record.from_label = absorb.label;
  record.to_label = keep.label;
  for (const Alias& alias : absorb.aliases) {
    if (std::find(record.aliases.begin(), record.aliases.end(), alias.name) == record.aliases.end()) {
      record.aliases.push_back(alias.name);
    }
  }
  record.absorbed = absorb;

  PRESSKG_RETURN_IF_ERROR(FoldInto(&keep, absorb, request.name_keys, &record));
  PRESSKG_RETURN_IF_ERROR(Seal(record));
  return record;
}

Result<Correction> CorrectionWriter::BuildSplit(const SplitRequest& request) {
  PRESSKG_ASSIGN_OR_RETURN(Node original, ReadNode(request.node));
  if (original.kind == NodeKind::kDocument) return Status::InvalidArgument("documents cannot be split");
  if (request.aliases.empty()) return Status::InvalidArgument("name at least one alias to split off");
  std::set<std::string> chosen(request.aliases.begin(), request.aliases.end());
  for (const std::string& name : chosen) {
    bool known = std::any_of(original.aliases.begin(), original.aliases.end(),
                             [&](const Alias& a) { return a.name == name; });
    if (!known) {
      return Status::InvalidArgument("'" + name + "' is not a name of entity " +
                                     std::to_string(original.id) + " (" + original.label + ")");
    }
  }
  Node created;
  created.kind = original.kind;
  Node rest = original;
  rest.aliases.clear();
  for (const Alias& alias : original.aliases) {
    (chosen.contains(alias.name) ? created : rest).aliases.push_back(alias);
  }
  if (rest.aliases.empty()) {
    return Status::InvalidArgument("a split must leave at least one name to entity " +
                                   std::to_string(original.id));
  }
  PRESSKG_ASSIGN_OR_RETURN(Correction record, NewCorrection(CorrectionKind::kSplit, request.why));
  created.id = counters_.next_node_id++;
  created.label = request.aliases.front();
  for (const Alias& alias : created.aliases) {
    if (alias.lang == "fr" && created.label_fr.empty()) created.label_fr = alias.name;
    if (alias.lang == "en" && created.label_en.empty()) created.label_en = alias.name;
  }
  auto first_remaining = [&](const std::string& lang) -> std::string {
    for (const Alias& alias : rest.aliases) {
      if (lang.empty() || alias.lang == lang) return alias.name;
    }
    return "";
  };
  if (chosen.contains(rest.label)) rest.label = first_remaining("");
  if (chosen.contains(rest.label_fr)) rest.label_fr = first_remaining("fr");
  if (chosen.contains(rest.label_en)) rest.label_en = first_remaining("en");

  // The documents that named the entity only by the split-off names: their facts go along.
  std::set<NodeId> kept_docs;
  for (const Alias& alias : rest.aliases) kept_docs.insert(alias.documents.begin(), alias.documents.end());
  std::set<NodeId> moving_docs;
  for (const Alias& alias : created.aliases) {
    for (NodeId doc : alias.documents) {
      if (!kept_docs.contains(doc)) moving_docs.insert(doc);
    }
  }
  record.from = original.id;
  record.to = created.id;
  record.from_label = rest.label;
  record.to_label = created.label;
  record.aliases.assign(chosen.begin(), chosen.end());

  FactMover mover(db_, &counters_, &batch_);
  PRESSKG_RETURN_IF_ERROR(mover.Move(
      original.id, created.id,
      [&](const MovedFact& fact) { return moving_docs.contains(fact.document); }, &record));
  PRESSKG_RETURN_IF_ERROR(mover.MoveNameKeys(original.id, created.id, request.name_keys,
                                             &record.name_keys, &record.shared_name_keys));
  PRESSKG_ASSIGN_OR_RETURN(record.edges_changed, mover.Finish());

  PRESSKG_RETURN_IF_ERROR(Put(Cf::kNodes, keys::NodeKey(rest.id), values::EncodeNode(rest)));
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kNodes, keys::NodeKey(created.id), values::EncodeNode(created)));
  ++counters_.values[KindCounter(created.kind)];
  PRESSKG_RETURN_IF_ERROR(Seal(record));
  return record;
}

Result<Correction> CorrectionWriter::BuildRevert(std::uint64_t id, const std::string& why) {
  PRESSKG_ASSIGN_OR_RETURN(Correction undone, ReadCorrection(id));
  if (undone.kind == CorrectionKind::kRevert) {
    return Status::InvalidArgument("correction " + std::to_string(id) +
                                   " is a revert; make the correction again instead");
  }
  if (undone.reverted_by != 0) {
    return Status::InvalidArgument("correction " + std::to_string(id) +
                                   " was already reverted by correction " +
                                   std::to_string(undone.reverted_by));
  }
  PRESSKG_ASSIGN_OR_RETURN(Correction record, NewCorrection(CorrectionKind::kRevert, why));
  record.reverts = id;
  PRESSKG_ASSIGN_OR_RETURN(record, undone.kind == CorrectionKind::kMerge
                                       ? RevertMerge(undone, std::move(record))
                                       : RevertSplit(undone, std::move(record)));
  undone.reverted_by = record.id;
  PRESSKG_RETURN_IF_ERROR(
      Put(Cf::kCorrections, keys::CorrectionKey(undone.id), values::EncodeCorrection(undone)));
  PRESSKG_RETURN_IF_ERROR(Seal(record));
  return record;
}

Result<Correction> CorrectionWriter::RevertMerge(const Correction& merge, Correction record) {
  if (!merge.absorbed) return Status::Corruption("merge record without the absorbed entity");
  Result<Node> holder = ReadNode(merge.to);
  if (!holder.ok()) {
    return Status::FailedPrecondition("entity " + std::to_string(merge.to) +
                                      " no longer exists (merged again?); revert that first");
  }
  if (ReadNode(merge.from).ok()) {
    return Status::FailedPrecondition("entity " + std::to_string(merge.from) + " exists already");
  }
  Node keep = std::move(holder).value();
  const Node& restored = *merge.absorbed;
  record.from = keep.id;
  record.to = restored.id;
  record.from_label = keep.label;
  record.to_label = restored.label;
  record.aliases = merge.aliases;

  std::set<MovedFact> moved(merge.facts.begin(), merge.facts.end());
  FactMover mover(db_, &counters_, &batch_);
  PRESSKG_RETURN_IF_ERROR(mover.Move(
      keep.id, restored.id, [&](const MovedFact& fact) { return moved.contains(fact); }, &record));
  PRESSKG_RETURN_IF_ERROR(mover.Unpark(merge.id));
  std::vector<std::string> shared;
  PRESSKG_RETURN_IF_ERROR(
      mover.MoveNameKeys(keep.id, restored.id, merge.name_keys, &record.name_keys, &shared));
  for (const std::string& key : merge.shared_name_keys) {
    PRESSKG_RETURN_IF_ERROR(Put(Cf::kNames, keys::NameKey(key, restored.id), ""));
  }
  PRESSKG_ASSIGN_OR_RETURN(record.edges_changed, mover.Finish());

  for (const Alias& alias : restored.aliases) LeaveAlias(&keep, alias);
  PRESSKG_RETURN_IF_ERROR(Put(Cf::kNodes, keys::NodeKey(keep.id), values::EncodeNode(keep)));
  PRESSKG_RETURN_IF_ERROR(
      Put(Cf::kNodes, keys::NodeKey(restored.id), values::EncodeNode(restored)));
  ++counters_.values[KindCounter(restored.kind)];
  PRESSKG_RETURN_IF_ERROR(Delete(Cf::kRedirects, keys::NodeKey(restored.id)));
  return record;
}

Result<Correction> CorrectionWriter::RevertSplit(const Correction& split, Correction record) {
  Result<Node> original = ReadNode(split.from);
  Result<Node> created = ReadNode(split.to);
  if (!original.ok() || !created.ok()) {
    return Status::FailedPrecondition("entity " + std::to_string(original.ok() ? split.to : split.from) +
                                      " no longer exists (merged since?); revert that first");
  }
  Node keep = std::move(original).value();
  Node absorb = std::move(created).value();
  record.from = absorb.id;
  record.to = keep.id;
  record.from_label = absorb.label;
  record.to_label = keep.label;
  record.aliases = split.aliases;

  PRESSKG_RETURN_IF_ERROR(FoldInto(&keep, absorb, split.name_keys, &record));
  return record;
}

}  // namespace presskg::graph
