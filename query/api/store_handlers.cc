
#include "graph/relation_schema.h"
#include "graph/text_util.h"
#include "query/api/api_service.h"
#include "query/api/decimal_id.h"
#include "query/api/entity_lookup.h"
#include "query/api/json_views.h"

// The handlers that read the store directly: stats, relations, search, entity, evidence and
// document detail.
namespace presskg::query {
namespace {

using nlohmann::json;

Result<graph::NodeId> ParseId(std::string_view text, const char* what) {
  std::optional<graph::NodeId> id = ParseDecimalId(text);
  if (!id) return Status::InvalidArgument(std::string(what) + " must be a numeric id");
  return *id;
}

json KindsJson(const std::vector<graph::NodeKind>& kinds) {
  json out = json::array();
  for (graph::NodeKind kind : kinds) out.push_back(std::string(graph::NodeKindName(kind)));
  return out;
}

}  // namespace

ApiResponse ApiService::Relations() const {
  json relations = json::array();
  for (const graph::RelationType& type : graph::RelationSchema::Builtin().relations()) {
    relations.push_back({{"id", type.id},
                         {"name", type.name},
                         {"label_fr", type.label_fr},
                         {"label_en", type.label_en},
                         {"inverse_label_fr", type.inverse_label_fr},
                         {"inverse_label_en", type.inverse_label_en},
                         {"symmetric", type.symmetric},
                         {"subject_kinds", KindsJson(type.subject_kinds)},
                         {"object_kinds", KindsJson(type.object_kinds)},
                         {"properties", type.properties}});
  }
  return ApiResponse::Json({{"relations", std::move(relations)}});
}

ApiResponse ApiService::Stats() const {
  Result<graph::StoreStats> stats = store_->Snapshot()->GetStats();
  if (!stats.ok()) return ApiResponse::FromStatus(stats.status());
  return ApiResponse::Json(StatsJson(*stats));
}

ApiResponse ApiService::Search(const ApiRequest& request) const {
  std::optional<std::string> q = request.Param("q");
  if (!q || Trim(*q).empty()) return ApiResponse::Error(400, "parameter 'q' is required");
  if (q->size() > 512) return ApiResponse::Error(400, "parameter 'q' is longer than 512 bytes");
  Result<std::int64_t> limit = request.IntParam("limit", 20, 1, limits_.max_results);
  if (!limit.ok()) return ApiResponse::FromStatus(limit.status());
  Result<std::shared_ptr<const ingest::NameSearchIndex>> index = search_->Get();
  if (!index.ok()) return ApiResponse::FromStatus(index.status());
  auto snapshot = store_->Snapshot();
  Result<std::vector<SearchHit>> hits =
      SearchEntities(*snapshot, *q, static_cast<std::size_t>(*limit), index->get());
  if (!hits.ok()) return ApiResponse::FromStatus(hits.status());
  json results = json::array();
  for (const SearchHit& hit : *hits) {
    json item = NodeJson(hit.node);
    item["match"] = hit.rank == 0 ? "exact" : hit.rank == 1 ? "prefix" : "fuzzy";
    item["documents"] = hit.documents;
    results.push_back(std::move(item));
  }
  return ApiResponse::Json({{"query", *q}, {"results", std::move(results)}});
}

ApiResponse ApiService::Entity(const std::string& ref) const {
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> id = Resolve(*snapshot, ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<graph::Node> node = snapshot->GetNode(*id);
  if (!node.ok()) return ApiResponse::FromStatus(node.status());
  json out = NodeJson(*node);
  Result<std::vector<graph::LiteralFact>> literals = snapshot->GetLiterals(*id);
  if (!literals.ok()) return ApiResponse::FromStatus(literals.status());
  out["facts"] = json::array();
  for (const graph::LiteralFact& literal : *literals) out["facts"].push_back(LiteralJson(literal));
  std::size_t degree = 0;
  Status status = snapshot->ForEachNeighbor(*id, std::nullopt, std::nullopt,
                                            [&](const graph::AdjacencyEntry&) {
                                              ++degree;
                                              return true;
                                            });
  if (!status.ok()) return ApiResponse::FromStatus(status);
  out["degree"] = degree;
  // An id merged away by a correction answers with the entity that absorbed it.
  if (std::optional<graph::NodeId> asked = ParseDecimalId(ref); asked && *asked != *id) {
    out["redirected_from"] = *asked;
  }
  Result<std::vector<graph::Correction>> corrections = snapshot->ListCorrections(*id);
  if (!corrections.ok()) return ApiResponse::FromStatus(corrections.status());
  out["corrections"] = json::array();
  for (const graph::Correction& c : *corrections) out["corrections"].push_back(CorrectionJson(c));
  return ApiResponse::Json(out);
}

ApiResponse ApiService::Evidence(const ApiRequest& request) const {
  Result<std::int64_t> source = request.IntParam("source", 0, 1, INT64_MAX);
  Result<std::int64_t> target = request.IntParam("target", 0, 1, INT64_MAX);
  if (!source.ok()) return ApiResponse::FromStatus(source.status());
  if (!target.ok()) return ApiResponse::FromStatus(target.status());
  const graph::RelationType* type =
      graph::RelationSchema::Builtin().Find(request.Param("relation").value_or(""));
  if (type == nullptr || *source == 0 || *target == 0) {
    return ApiResponse::Error(400, "parameters 'source', 'relation' and 'target' are required");
  }
  graph::EdgeKey key{static_cast<graph::NodeId>(*source), type->id,
                     static_cast<graph::NodeId>(*target)};
  if (type->symmetric && key.target < key.source) std::swap(key.source, key.target);
  auto snapshot = store_->Snapshot();
  Result<graph::Edge> edge = snapshot->GetEdge(key);
  if (!edge.ok()) return ApiResponse::FromStatus(edge.status());
  Result<std::vector<graph::Evidence>> evidence = snapshot->GetEvidence(key);
  if (!evidence.ok()) return ApiResponse::FromStatus(evidence.status());
  json items = json::array();
  for (const graph::Evidence& e : *evidence) {
    json item = EvidenceJson(e);
    Result<graph::Document> doc = snapshot->GetDocument(e.document, /*with_text=*/false);
    if (doc.ok()) item["document_title"] = doc->title.empty() ? doc->name : doc->title;
    items.push_back(std::move(item));
  }
  json out = EdgeJson(*edge);
  out["evidence"] = std::move(items);
  return ApiResponse::Json(out);
}

ApiResponse ApiService::DocumentDetail(const std::string& ref, const ApiRequest& request) const {
  Result<graph::NodeId> id = ParseId(ref, "document id");
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<bool> with_text = request.BoolParam("text", true);
  if (!with_text.ok()) return ApiResponse::FromStatus(with_text.status());
  auto snapshot = store_->Snapshot();
  Result<graph::Document> doc = snapshot->GetDocument(*id, *with_text);
  if (!doc.ok()) return ApiResponse::FromStatus(doc.status());
  json out = DocumentJson(*doc, *with_text);
  Result<std::vector<graph::EdgeKey>> edges = snapshot->GetDocumentEdges(*id);
  if (!edges.ok()) return ApiResponse::FromStatus(edges.status());
  out["facts"] = json::array();
  for (const graph::EdgeKey& key : *edges) {
    Result<graph::Edge> edge = snapshot->GetEdge(key);
    if (!edge.ok()) return ApiResponse::FromStatus(edge.status());
    out["facts"].push_back(EdgeJson(*edge));
  }
  Result<std::vector<graph::LiteralFact>> literals = snapshot->GetDocumentLiterals(*id);
  if (!literals.ok()) return ApiResponse::FromStatus(literals.status());
  out["literal_facts"] = json::array();
  for (const auto& literal : *literals) out["literal_facts"].push_back(LiteralJson(literal));
  return ApiResponse::Json(out);
}

}  // namespace presskg::query
