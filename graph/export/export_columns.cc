#include "graph/export/export_columns.h"

#include <algorithm>

#include "graph/export/export_text.h"

namespace presskg::graph::export_columns {
namespace {

std::vector<Column> BuildNodeColumns() {
  std::vector<Column> columns = {{"presskg_id", ColumnType::kLong},
                                 {"kind"},
                                 {"label"},
                                 {"label_fr"},
                                 {"label_en"},
                                 {"aliases"}};
  for (const std::string& type : RelationSchema::LiteralTypes()) {
    columns.push_back({type, ColumnType::kLong});
  }
  columns.insert(columns.end(), {{"facts"}, {"date"}, {"url"}});
  return columns;
}

// The fixed edge columns; relation properties follow them.
std::vector<Column> FixedEdgeColumns() {
  return {{"relation"},
          {"label"},
          {"label_fr"},
          {"label_en"},
          {"sources", ColumnType::kInt},
          {"evidence", ColumnType::kInt},
          {"first_seen"},
          {"last_seen"},
          {"status"},
          {"confidence", ColumnType::kFloat},
          {"symmetric", ColumnType::kBoolean},
          {"weight", ColumnType::kDouble}};
}

// Relation property names of relations.tsv, in order of first appearance, without those that
// would collide with a fixed column.
const std::vector<std::string>& PropertyNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<Column> fixed = FixedEdgeColumns();
    std::vector<std::string> names;
    for (const RelationType& type : RelationSchema::Builtin().relations()) {
      for (const std::string& name : type.properties) {
        if (name == "properties" || ColumnIndex(fixed, name) < fixed.size()) continue;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    return names;
  }();
  return kNames;
}

}  // namespace

const char* TypeName(ColumnType type, TypeSyntax syntax) {
  // Rows in ColumnType order; columns in TypeSyntax order.
  static constexpr const char* kNames[][3] = {
      {"string", "string", ""},       {"int", "integer", "int"},
      {"long", "long", "long"},       {"float", "float", "float"},
      {"double", "double", "double"}, {"boolean", "boolean", "boolean"}};
  return kNames[static_cast<int>(type)][static_cast<int>(syntax)];
}

const std::vector<Column>& NodeColumns() {
  static const std::vector<Column> kColumns = BuildNodeColumns();
  return kColumns;
}

const std::vector<Column>& EdgeColumns() {
  static const std::vector<Column> kColumns = [] {
    std::vector<Column> columns = FixedEdgeColumns();
    for (const std::string& name : PropertyNames()) columns.push_back({name});
    columns.push_back({"properties"});
    return columns;
  }();
  return kColumns;
}

std::vector<std::string> NodeValues(const ExportNode& in) {
  const Node& node = in.node;
  std::vector<std::string> values = {
      std::to_string(node.id), std::string(NodeKindName(node.kind)), node.label, node.label_fr,
      node.label_en,           export_text::JoinAliases(node)};
  std::map<std::string, std::int64_t> current = export_text::CurrentLiteralValues(in.literals);
  for (const std::string& type : RelationSchema::LiteralTypes()) {
    auto it = current.find(type);
    values.push_back(it == current.end() ? "" : std::to_string(it->second));
  }
  values.push_back(export_text::LiteralFactsJson(in.literals));
  values.push_back(in.document ? in.document->date : "");
  values.push_back(in.document ? in.document->url : "");
  return values;
}

std::vector<std::string> EdgeValues(const ExportEdge& in) {
  const Edge& edge = in.edge;
  const RelationType& type = *in.relation;
  std::vector<std::string> values = {type.name,
                                     type.label_en,
                                     type.label_fr,
                                     type.label_en,
                                     std::to_string(edge.source_count),
                                     std::to_string(edge.evidence_count),
                                     edge.first_seen,
                                     edge.last_seen,
                                     std::string(FactStatusName(edge.status)),
                                     export_text::FormatFloat(edge.confidence),
                                     type.symmetric ? "true" : "false",
                                     std::to_string(edge.source_count)};
  for (const std::string& name : PropertyNames()) {
    auto it = edge.properties.find(name);
    values.push_back(it == edge.properties.end() ? "" : it->second);
  }
  values.push_back(export_text::PropertiesJson(edge.properties));
  return values;
}

std::size_t ColumnIndex(const std::vector<Column>& columns, std::string_view name) {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const Column& column) { return column.name == name; });
  return static_cast<std::size_t>(it - columns.begin());
}

std::string NodeKindTitle(NodeKind kind) {
  std::string title(NodeKindName(kind));
  if (!title.empty()) title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

std::string NodeXmlId(NodeId id) { return std::to_string(id); }

std::string EdgeXmlId(const ExportEdge& edge) {
  return std::to_string(edge.edge.key.source) + "-" + edge.relation->name + "-" +
         std::to_string(edge.edge.key.target);
}

}  // namespace presskg::graph::export_columns
