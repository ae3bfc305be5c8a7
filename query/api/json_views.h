#pragma once

#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "query/api/json_writer.h"

namespace presskg::query {

// JSON shapes shared by the HTTP API and the --json output of the command line.

// {"id", "kind", "label", "label_fr", "label_en", "aliases": [{"name","lang","documents"}]}
nlohmann::json NodeJson(const graph::Node& node);
// {"source", "target", "relation", "label_fr", "label_en", "inverse_label_fr",
//  "inverse_label_en", "symmetric", "properties", "first_seen", "last_seen", "sources",
//  "evidence_count", "status", "confidence"}
nlohmann::json EdgeJson(const graph::Edge& edge);
// The members "id", "label", "label_fr", "label_en", "kind" of a node as lists and paths show
// it, written into an object the caller opened.
void WriteNodeSummaryMembers(graph::NodeId id, graph::NodeKind kind,
                             const graph::NodeLabels& labels, JsonWriter* out);
// The members of EdgeJson but "properties", "evidence_count" and "confidence": the edge as the
// in-memory index holds it (dates as stored when they are ISO dates), written into an object
// the caller opened.
void WriteIndexedEdgeMembers(const graph::EdgeKey& key, graph::FactStatus status,
                             const graph::AdjacencyCold& attributes, JsonWriter* out);
// {"document", "sentence", "start", "end", "lang", "rule", "confidence", "status", "date"}
nlohmann::json EvidenceJson(const graph::Evidence& evidence);
// {"type", "value", "properties", "evidence"}
nlohmann::json LiteralJson(const graph::LiteralFact& literal);
// {"id", "name", "source", "title", "date", "lang", "url", "content_hash"[, "text"]}
nlohmann::json DocumentJson(const graph::Document& doc, bool with_text);
// {"documents", "nodes_by_kind", "edges_by_relation", "evidence", "literal_facts", "corrections"}
nlohmann::json StatsJson(const graph::StoreStats& stats);
// {"id", "kind", "when", "why", "from": {"id","label"}, "to": {"id","label"}, "aliases",
//  "facts_moved", "edges_changed", "loops_parked", "reverts", "reverted_by"}: the audit-log entry
// (name keys and the list of moved facts stay in the store).
nlohmann::json CorrectionJson(const graph::Correction& correction);

}  // namespace presskg::query
