#include "ingest/statements/statement_json.h"

#include <charconv>
#include <cmath>

#include "graph/relation_schema.h"
#include "ingest/resolve/name_key.h"

namespace presskg::ingest {
namespace {

using nlohmann::json;

std::string KindPrefix(graph::NodeKind kind) {
  switch (kind) {
    case graph::NodeKind::kOrganization: return "org";
    case graph::NodeKind::kPerson: return "person";
    case graph::NodeKind::kPlace: return "place";
    case graph::NodeKind::kSector: return "sector";
    case graph::NodeKind::kDocument: return "doc";
  }
  return "entity";
}

json EntityJson(const graph::DocumentGraph& doc, graph::EntityIndex index) {
  if (index == graph::kThisDocument || index >= doc.entities.size()) {
    return {{"id", StatementEntityId(graph::NodeKind::kDocument, doc.document.name)},
            {"name", doc.document.name},
            {"kind", "document"}};
  }
  const graph::EntityInput& entity = doc.entities[index];
  json out = {{"id", StatementEntityId(entity.kind, entity.name)},
              {"name", entity.name},
              {"kind", std::string(graph::NodeKindName(entity.kind))}};
  if (!entity.aliases.empty()) out["aliases"] = entity.aliases;
  return out;
}

// Property values are stored as strings; numbers go out as JSON numbers.
json PropertyValue(const std::string& value) {
  std::int64_t integer = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), integer);
  if (ec == std::errc() && ptr == value.data() + value.size() && !value.empty()) return integer;
  char* end = nullptr;
  double real = std::strtod(value.c_str(), &end);
  if (!value.empty() && end == value.c_str() + value.size()) return real;
  return value;
}

json PropertiesJson(const std::map<std::string, std::string>& properties) {
  json out = json::object();
  for (const auto& [key, value] : properties) out[key] = PropertyValue(value);
  return out;
}

json EvidenceJson(const graph::Evidence& e) {
  return {{"sentence", e.sentence}, {"start", e.start}, {"end", e.end}, {"rule", e.rule}};
}

// Confidence with two decimals, as a reader expects it (0.9, not 0.8999999761581421).
double Rounded(float confidence) { return std::round(static_cast<double>(confidence) * 100) / 100; }

json Base(const graph::DocumentGraph& doc, const graph::Evidence& e) {
  return {{"doc", doc.document.name},
          {"lang", e.lang.empty() ? doc.document.lang : e.lang}};
}

}  // namespace

std::string StatementEntityId(graph::NodeKind kind, const std::string& name) {
  std::string key = kind == graph::NodeKind::kDocument ? FoldedName(name)
                                                       : MatchKeys(name, kind).front();
  for (char& c : key) {
    if (c == ' ') c = '-';
  }
  return KindPrefix(kind) + ":" + key;
}

std::vector<json> StatementsOf(const graph::DocumentGraph& doc, bool with_mentions) {
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  std::vector<json> out;
  for (const graph::FactInput& fact : doc.facts) {
    const graph::RelationType* type = schema.Get(fact.relation);
    if (type == nullptr || (type->name == "mentions" && !with_mentions)) continue;
    json line = Base(doc, fact.evidence);
    line["subject"] = EntityJson(doc, fact.subject);
    line["relation"] = type->name;
    line["object"] = EntityJson(doc, fact.object);
    line["properties"] = PropertiesJson(fact.properties);
    line["status"] = std::string(graph::FactStatusName(fact.evidence.status));
    line["confidence"] = Rounded(fact.evidence.confidence);
    line["evidence"] = EvidenceJson(fact.evidence);
    out.push_back(std::move(line));
  }
  for (const graph::LiteralInput& literal : doc.literals) {
    json line = Base(doc, literal.evidence);
    line["subject"] = EntityJson(doc, literal.subject);
    line["relation"] = literal.type;
    json value = PropertiesJson(literal.properties);
    value["value"] = literal.value;
    line["value"] = std::move(value);
    line["properties"] = json::object();
    line["status"] = std::string(graph::FactStatusName(literal.evidence.status));
    line["confidence"] = Rounded(literal.evidence.confidence);
    line["evidence"] = EvidenceJson(literal.evidence);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace presskg::ingest
