#include <algorithm>
#include <string>
#include <vector>

#include "graph/export/export_columns.h"
#include "graph/export/export_text.h"
#include "graph/export/export_writers.h"

// CSV for `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`.
// The headers begin with the fields analysts' scripts rely on
//   nodes.csv:         id:ID,:LABEL,name,kind,label_fr,label_en,aliases
//   relationships.csv: :START_ID,:END_ID,:TYPE,relation,label_fr,label_en,sources:int,
//                      first_seen,last_seen,status,confidence:float
// and go on with the other export columns (literal values, facts, document date and url; the
// symmetric flag, evidence count, relation properties and their JSON), typed with neo4j-admin
// suffixes. :LABEL is Organization / Person / Place / Sector / Document, :TYPE the relation name in
// upper case (SUBSIDIARY_OF). Fields follow RFC 4180; an empty field sets no property. A value
// with a line break is quoted, which neo4j-admin accepts with --multiline-fields=true.
namespace presskg::graph {
namespace {

using export_columns::Column;
using export_columns::TypeSyntax;

// Which export columns a file carries after its special leading fields, in order.
struct Layout {
  std::string header;                // the whole header line
  std::vector<std::size_t> columns;  // indexes into the export columns
};

// `lead` is the header's special fields; `named` maps header fields to export columns and comes
// next; every export column not in `named` nor in `skipped` follows with its typed name.
Layout MakeLayout(const std::vector<Column>& columns, const std::vector<std::string>& lead,
                  const std::vector<std::pair<std::string, std::string>>& named,
                  const std::vector<std::string>& skipped) {
  Layout layout;
  std::vector<std::string> fields = lead;
  for (const auto& [field, name] : named) {
    fields.push_back(field);
    layout.columns.push_back(export_columns::ColumnIndex(columns, name));
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& name = columns[i].name;
    bool used = std::find(skipped.begin(), skipped.end(), name) != skipped.end() ||
                std::any_of(named.begin(), named.end(),
                            [&](const auto& pair) { return pair.second == name; });
    if (used) continue;
    std::string type = export_columns::TypeName(columns[i].type, TypeSyntax::kNeo4j);
    fields.push_back(type.empty() ? name : name + ":" + type);
    layout.columns.push_back(i);
  }
  for (const std::string& field : fields) {
    if (!layout.header.empty()) layout.header += ",";
    layout.header += field;
  }
  layout.header += "\n";
  return layout;
}

void AppendRow(const Layout& layout, const std::vector<std::string>& values, std::string* out) {
  for (std::size_t index : layout.columns) {
    out->push_back(',');
    export_text::AppendCsv(values[index], out);
  }
  out->push_back('\n');
}

std::string UpperCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  return text;
}

}  // namespace

Status WriteCsv(const ExportSelection& selection, std::ostream& nodes,
                std::ostream& relationships) {
  static const Layout kNodeLayout = MakeLayout(export_columns::NodeColumns(), {"id:ID", ":LABEL"},
                                               {{"name", "label"},
                                                {"kind", "kind"},
                                                {"label_fr", "label_fr"},
                                                {"label_en", "label_en"},
                                                {"aliases", "aliases"}},
                                               {"presskg_id"});
  static const Layout kEdgeLayout =
      MakeLayout(export_columns::EdgeColumns(), {":START_ID", ":END_ID", ":TYPE"},
                 {{"relation", "relation"},
                  {"label_fr", "label_fr"},
                  {"label_en", "label_en"},
                  {"sources:int", "sources"},
                  {"first_seen", "first_seen"},
                  {"last_seen", "last_seen"},
                  {"status", "status"},
                  {"confidence:float", "confidence"}},
                 {"label", "weight"});

  std::string text;
  nodes << kNodeLayout.header;
  PRESSKG_RETURN_IF_ERROR(selection.ForEachNode([&](const ExportNode& node) {
    text = std::to_string(node.node.id) + "," + export_columns::NodeKindTitle(node.node.kind);
    AppendRow(kNodeLayout, export_columns::NodeValues(node), &text);
    nodes << text;
    return CheckStream(nodes, "nodes.csv");
  }));
  nodes.flush();
  PRESSKG_RETURN_IF_ERROR(CheckStream(nodes, "nodes.csv"));

  relationships << kEdgeLayout.header;
  PRESSKG_RETURN_IF_ERROR(selection.ForEachEdge([&](const ExportEdge& edge) {
    text = std::to_string(edge.edge.key.source) + "," + std::to_string(edge.edge.key.target) + "," +
           UpperCase(edge.relation->name);
    AppendRow(kEdgeLayout, export_columns::EdgeValues(edge), &text);
    relationships << text;
    return CheckStream(relationships, "relationships.csv");
  }));
  relationships.flush();
  return CheckStream(relationships, "relationships.csv");
}

}  // namespace presskg::graph
