#include "query/api/json_views.h"

#include <cmath>
#include <string>
#include <vector>

#include "graph/relation_schema.h"

namespace presskg::query {

using nlohmann::json;

namespace {
double Rounded(float value) { return std::round(static_cast<double>(value) * 100) / 100; }

// The relation's name and labels in both languages, both ways.
void AddRelationLabels(graph::RelationId relation, json* out) {
  const graph::RelationType* type = graph::RelationSchema::Builtin().Get(relation);
  if (type == nullptr) return;
  (*out)["relation"] = type->name;
  (*out)["label_fr"] = type->label_fr;
  (*out)["label_en"] = type->label_en;
  (*out)["inverse_label_fr"] = type->inverse_label_fr;
  (*out)["inverse_label_en"] = type->inverse_label_en;
  (*out)["symmetric"] = type->symmetric;
}
}  // namespace

json NodeJson(const graph::Node& node) {
  json aliases = json::array();
  for (const graph::Alias& alias : node.aliases) {
    aliases.push_back({{"name", alias.name}, {"lang", alias.lang}, {"documents", alias.documents}});
  }
  return {{"id", node.id},
          {"kind", std::string(graph::NodeKindName(node.kind))},
          {"label", node.label},
          {"label_fr", node.label_fr},
          {"label_en", node.label_en},
          {"aliases", std::move(aliases)}};
}

json EdgeJson(const graph::Edge& edge) {
  json out = {{"source", edge.key.source},
              {"target", edge.key.target},
              {"properties", edge.properties},
              {"first_seen", edge.first_seen},
              {"last_seen", edge.last_seen},
              {"sources", edge.source_count},
              {"evidence_count", edge.evidence_count},
              {"status", std::string(graph::FactStatusName(edge.status))},
              {"confidence", Rounded(edge.confidence)}};
  AddRelationLabels(edge.key.relation, &out);
  return out;
}

void WriteNodeSummaryMembers(graph::NodeId id, graph::NodeKind kind,
                             const graph::NodeLabels& labels, JsonWriter* out) {
  out->Key("id");
  out->Uint(id);
  out->Key("label");
  out->String(labels.label);
  out->Key("label_fr");
  out->String(labels.label_fr);
  out->Key("label_en");
  out->String(labels.label_en);
  out->Key("kind");
  out->String(graph::NodeKindName(kind));
}

void WriteIndexedEdgeMembers(const graph::EdgeKey& key, graph::FactStatus status,
                             const graph::AdjacencyCold& attributes, JsonWriter* out) {
  out->Key("source");
  out->Uint(key.source);
  out->Key("target");
  out->Uint(key.target);
  // The relation's members are the same for every edge of it: written once (as EdgeJson writes
  // them), then copied.
  static const std::vector<std::string> kRelationMembers = [] {
    std::vector<std::string> members;
    for (const graph::RelationType& type : graph::RelationSchema::Builtin().relations()) {
      if (members.size() <= type.id) members.resize(type.id + 1u);
      json labels = json::object();
      AddRelationLabels(type.id, &labels);
      const std::string text = labels.dump(-1, ' ', false, json::error_handler_t::replace);
      members[type.id] = text.substr(1, text.size() - 2);  // without the braces
    }
    return members;
  }();
  if (key.relation < kRelationMembers.size() && !kRelationMembers[key.relation].empty()) {
    out->RawMembers(kRelationMembers[key.relation]);
  }
  out->Key("first_seen");
  out->String(graph::FormatDate(attributes.first_seen));
  out->Key("last_seen");
  out->String(graph::FormatDate(attributes.last_seen));
  out->Key("sources");
  out->Uint(attributes.source_count);
  out->Key("status");
  out->String(graph::FactStatusName(status));
}

json EvidenceJson(const graph::Evidence& e) {
  return {{"document", e.document},
          {"sentence", e.sentence},
          {"start", e.start},
          {"end", e.end},
          {"lang", e.lang},
          {"rule", e.rule},
          {"confidence", Rounded(e.confidence)},
          {"status", std::string(graph::FactStatusName(e.status))},
          {"date", e.date}};
}

json LiteralJson(const graph::LiteralFact& literal) {
  return {{"type", literal.type},
          {"value", literal.value},
          {"properties", literal.properties},
          {"evidence", EvidenceJson(literal.evidence)}};
}

json DocumentJson(const graph::Document& doc, bool with_text) {
  json out = {{"id", doc.id},       {"name", doc.name}, {"source", doc.source},
              {"title", doc.title}, {"date", doc.date}, {"lang", doc.lang},
              {"url", doc.url},     {"content_hash", doc.content_hash}};
  if (with_text) out["text"] = doc.text;
  return out;
}

json StatsJson(const graph::StoreStats& stats) {
  json out;
  out["documents"] = stats.documents;
  out["nodes_by_kind"] = json::object();
  for (const auto& [kind, n] : stats.nodes_by_kind) {
    out["nodes_by_kind"][std::string(graph::NodeKindName(kind))] = n;
  }
  out["edges_by_relation"] = json::object();
  for (const auto& [relation, n] : stats.edges_by_relation) out["edges_by_relation"][relation] = n;
  out["evidence"] = stats.evidence;
  out["literal_facts"] = stats.literals;
  out["corrections"] = stats.corrections;
  return out;
}

json CorrectionJson(const graph::Correction& c) {
  json out;
  out["id"] = c.id;
  out["kind"] = std::string(graph::CorrectionKindName(c.kind));
  out["when"] = c.when;
  out["why"] = c.why;
  out["from"] = {{"id", c.from}, {"label", c.from_label}};
  out["to"] = {{"id", c.to}, {"label", c.to_label}};
  out["aliases"] = c.aliases;
  out["facts_moved"] = c.facts.size();
  out["edges_changed"] = c.edges_changed;
  out["loops_parked"] = c.loops_parked;
  out["reverts"] = c.reverts == 0 ? json(nullptr) : json(c.reverts);
  out["reverted_by"] = c.reverted_by == 0 ? json(nullptr) : json(c.reverted_by);
  return out;
}

}  // namespace presskg::query
