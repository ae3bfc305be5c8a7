#include <string>

#include "graph/export/export_columns.h"
#include "graph/export/export_text.h"
#include "graph/export/export_writers.h"

// GraphML 1.0, streamed (see export.h for why not Boost's write_graphml). Every attribute is a
// declared key with for= and attr.type (Gephi's importer drops undeclared data); the node and edge
// `label` keys are what Gephi shows, and the edge `weight` key (= sources) is what it lays out
// with. The graph is directed; a symmetric relation is one edge with symmetric = true.
namespace presskg::graph {
namespace {

using export_columns::Column;
using export_text::AppendXmlAttribute;
using export_text::AppendXmlText;

// Key ids are "n_<name>" and "e_<name>", so a node and an edge attribute may share a name.
void AppendKeys(const char* domain, const char* prefix, const std::vector<Column>& columns,
                std::string* out) {
  for (const Column& column : columns) {
    *out += "  <key id=\"";
    *out += prefix;
    AppendXmlAttribute(column.name, out);
    *out += "\" for=\"";
    *out += domain;
    *out += "\" attr.name=\"";
    AppendXmlAttribute(column.name, out);
    *out += "\" attr.type=\"";
    *out += export_columns::TypeName(column.type, export_columns::TypeSyntax::kGraphml);
    *out += "\"/>\n";
  }
}

void AppendData(const char* prefix, const std::vector<Column>& columns,
                const std::vector<std::string>& values, std::string* out) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (values[i].empty()) continue;
    *out += "      <data key=\"";
    *out += prefix;
    *out += columns[i].name;
    *out += "\">";
    AppendXmlText(values[i], out);
    *out += "</data>\n";
  }
}

}  // namespace

Status WriteGraphml(const ExportSelection& selection, std::ostream& out) {
  const std::vector<Column>& node_columns = export_columns::NodeColumns();
  const std::vector<Column>& edge_columns = export_columns::EdgeColumns();
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  AppendKeys("node", "n_", node_columns, &text);
  AppendKeys("edge", "e_", edge_columns, &text);
  text += "  <graph id=\"presskg\" edgedefault=\"directed\">\n";
  out << text;

  PRESSKG_RETURN_IF_ERROR(selection.ForEachNode([&](const ExportNode& node) {
    text = "    <node id=\"" + export_columns::NodeXmlId(node.node.id) + "\">\n";
    AppendData("n_", node_columns, export_columns::NodeValues(node), &text);
    text += "    </node>\n";
    out << text;
    return CheckStream(out, "GraphML output");
  }));
  PRESSKG_RETURN_IF_ERROR(selection.ForEachEdge([&](const ExportEdge& edge) {
    text = "    <edge id=\"" + export_columns::EdgeXmlId(edge) + "\" source=\"" +
           export_columns::NodeXmlId(edge.edge.key.source) + "\" target=\"" +
           export_columns::NodeXmlId(edge.edge.key.target) + "\">\n";
    AppendData("e_", edge_columns, export_columns::EdgeValues(edge), &text);
    text += "    </edge>\n";
    out << text;
    return CheckStream(out, "GraphML output");
  }));
  out << "  </graph>\n</graphml>\n";
  out.flush();
  return CheckStream(out, "GraphML output");
}

}  // namespace presskg::graph
