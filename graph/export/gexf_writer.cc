#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "graph/export/export_columns.h"
#include "graph/export/export_text.h"
#include "graph/export/export_writers.h"

// GEXF 1.3, mode="dynamic" timeformat="date". An edge lives from the first day of its first_seen
// period to the last day of its last_seen period ("2022-12" -> 2022-12-01 .. 2022-12-31); a node
// lives over the union of the spans of its exported edges, a document node over its own date.
// Undated edges and nodes get no spell, which GEXF reads as "always present". The label is the
// `label` XML attribute (what Gephi shows), the weight is the number of sources, and `kind` is the
// relation name so that Gephi keeps parallel edges of different relations apart.
namespace presskg::graph {
namespace {

using export_columns::Column;
using export_text::AppendXmlAttribute;

// Dates packed as yyyymmdd so that a node's span costs 8 bytes.
struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

std::uint32_t Pack(const std::string& xsd_date) {  // "2022-12-01"
  return static_cast<std::uint32_t>(std::stoul(xsd_date.substr(0, 4)) * 10000 +
                                    std::stoul(xsd_date.substr(5, 2)) * 100 +
                                    std::stoul(xsd_date.substr(8, 2)));
}

std::string Unpack(std::uint32_t packed) {
  std::string digits = std::to_string(packed);
  digits.insert(digits.begin(), 8 - std::min<std::size_t>(8, digits.size()), '0');
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

// The span of the period(s) `first` .. `last`; nullopt when neither is a date.
std::optional<Span> SpanOf(const std::string& first, const std::string& last) {
  std::optional<std::string> start = export_text::ToXsdDate(first, false);
  std::optional<std::string> end = export_text::ToXsdDate(last, true);
  if (!start) start = export_text::ToXsdDate(last, false);
  if (!end) end = export_text::ToXsdDate(first, true);
  if (!start || !end) return std::nullopt;
  Span span{Pack(*start), Pack(*end)};
  if (span.end < span.start) std::swap(span.start, span.end);
  return span;
}

void Widen(Span* span, const Span& other) {
  span->start = std::min(span->start, other.start);
  span->end = std::max(span->end, other.end);
}

// Columns written as XML attributes of <node> / <edge> rather than as attvalues.
bool IsElementAttribute(const Column& column) {
  return column.name == "label" || column.name == "weight";
}

void AppendAttributes(const char* domain, const std::vector<Column>& columns, std::string* out) {
  *out += "    <attributes class=\"";
  *out += domain;
  *out += "\" mode=\"static\">\n";
  for (const Column& column : columns) {
    if (IsElementAttribute(column)) continue;
    *out += "      <attribute id=\"";
    AppendXmlAttribute(column.name, out);
    *out += "\" title=\"";
    AppendXmlAttribute(column.name, out);
    *out += "\" type=\"";
    *out += export_columns::TypeName(column.type, export_columns::TypeSyntax::kGexf);
    *out += "\"/>\n";
  }
  *out += "    </attributes>\n";
}

void AppendAttvalues(const std::vector<Column>& columns, const std::vector<std::string>& values,
                     std::string* out) {
  *out += "        <attvalues>\n";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (values[i].empty() || IsElementAttribute(columns[i])) continue;
    *out += "          <attvalue for=\"";
    AppendXmlAttribute(columns[i].name, out);
    *out += "\" value=\"";
    AppendXmlAttribute(values[i], out);
    *out += "\"/>\n";
  }
  *out += "        </attvalues>\n";
}

void AppendSpell(const std::optional<Span>& span, std::string* out) {
  if (!span) return;
  *out += "        <spells>\n          <spell start=\"" + Unpack(span->start) + "\" end=\"" +
          Unpack(span->end) + "\"/>\n        </spells>\n";
}

}  // namespace

Status WriteGexf(const ExportSelection& selection, std::ostream& out) {
  // Pass 1: the span of every node that has dated edges.
  std::unordered_map<NodeId, Span> node_spans;
  PRESSKG_RETURN_IF_ERROR(selection.ForEachEdge([&](const ExportEdge& edge) {
    std::optional<Span> span = SpanOf(edge.edge.first_seen, edge.edge.last_seen);
    if (!span) return Status::Ok();
    for (NodeId id : {edge.edge.key.source, edge.edge.key.target}) {
      auto [it, inserted] = node_spans.try_emplace(id, *span);
      if (!inserted) Widen(&it->second, *span);
    }
    return Status::Ok();
  }));

  const std::vector<Column>& node_columns = export_columns::NodeColumns();
  const std::vector<Column>& edge_columns = export_columns::EdgeColumns();
  const std::size_t node_label = export_columns::ColumnIndex(node_columns, "label");
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
      "version=\"1.3\">\n"
      "  <meta>\n    <creator>presskg</creator>\n"
      "    <description>Knowledge graph of press releases</description>\n  </meta>\n"
      "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  AppendAttributes("node", node_columns, &text);
  AppendAttributes("edge", edge_columns, &text);
  text += "    <nodes>\n";
  out << text;

  // Pass 2: nodes.
  PRESSKG_RETURN_IF_ERROR(selection.ForEachNode([&](const ExportNode& node) {
    std::vector<std::string> values = export_columns::NodeValues(node);
    text = "      <node id=\"" + export_columns::NodeXmlId(node.node.id) + "\" label=\"";
    AppendXmlAttribute(values[node_label], &text);
    text += "\">\n";
    AppendAttvalues(node_columns, values, &text);
    std::optional<Span> span;
    if (node.document) span = SpanOf(node.document->date, node.document->date);
    auto it = node_spans.find(node.node.id);
    if (it != node_spans.end()) {
      if (span) {
        Widen(&*span, it->second);
      } else {
        span = it->second;
      }
    }
    AppendSpell(span, &text);
    text += "      </node>\n";
    out << text;
    return CheckStream(out, "GEXF output");
  }));
  out << "    </nodes>\n    <edges>\n";

  // Pass 3: edges.
  PRESSKG_RETURN_IF_ERROR(selection.ForEachEdge([&](const ExportEdge& edge) {
    text = "      <edge id=\"" + export_columns::EdgeXmlId(edge) + "\" source=\"" +
           export_columns::NodeXmlId(edge.edge.key.source) + "\" target=\"" +
           export_columns::NodeXmlId(edge.edge.key.target) + "\" label=\"";
    AppendXmlAttribute(edge.relation->label_en, &text);
    text += "\" kind=\"";
    AppendXmlAttribute(edge.relation->name, &text);
    text += "\" weight=\"" + std::to_string(edge.edge.source_count) + "\">\n";
    AppendAttvalues(edge_columns, export_columns::EdgeValues(edge), &text);
    AppendSpell(SpanOf(edge.edge.first_seen, edge.edge.last_seen), &text);
    text += "      </edge>\n";
    out << text;
    return CheckStream(out, "GEXF output");
  }));
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.flush();
  return CheckStream(out, "GEXF output");
}

}  // namespace presskg::graph
