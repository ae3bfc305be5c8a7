#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export/export_selection.h"

// The attributes every export format carries, as named, typed columns: each writer maps them to
// its own syntax (GraphML keys, GEXF attributes, neo4j-admin header fields). Internal to
// graph/export.
namespace presskg::graph::export_columns {

// TypeName() lists the types in this order.
enum class ColumnType { kString, kInt, kLong, kFloat, kDouble, kBoolean };

// How each format spells a column type.
enum class TypeSyntax { kGraphml, kGexf, kNeo4j };
// GraphML attr.type ("int"), GEXF attribute type ("integer"), or the neo4j-admin header type
// ("int"; "" for a string, which needs no suffix).
const char* TypeName(ColumnType type, TypeSyntax syntax);

struct Column {
  std::string name;
  ColumnType type = ColumnType::kString;
};

// presskg_id, kind, label, label_fr, label_en, aliases (" | "-joined), the current value of each
// literal type (employees, revenue, founded, jobs_created, investment), facts (JSON array of
// every literal fact), date and url (document nodes).
const std::vector<Column>& NodeColumns();
// relation, label (English relation label), label_fr, label_en, sources (distinct documents),
// evidence (records), first_seen, last_seen, status, confidence, symmetric, weight (= sources),
// one string column per relation property of relations.tsv (share_pct, amount, ...), and
// properties (JSON object of every property, including any relations.tsv does not list).
const std::vector<Column>& EdgeColumns();

// Values aligned with NodeColumns() / EdgeColumns(), not yet cleaned or escaped; "" when absent.
// Booleans are "true" / "false".
std::vector<std::string> NodeValues(const ExportNode& node);
std::vector<std::string> EdgeValues(const ExportEdge& edge);

// Position of the column called `name`; columns.size() when there is none.
std::size_t ColumnIndex(const std::vector<Column>& columns, std::string_view name);

// "Organization", "Person", "Place", "Sector", "Document".
std::string NodeKindTitle(NodeKind kind);
// "42"
std::string NodeXmlId(NodeId id);
// "42-subsidiary_of-17"
std::string EdgeXmlId(const ExportEdge& edge);

}  // namespace presskg::graph::export_columns
