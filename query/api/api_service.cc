#include "query/api/api_service.h"

#include <charconv>
#include <exception>

#include "graph/relation_schema.h"
#include "graph/text_util.h"
#include "query/api/entity_lookup.h"
#include "query/api/json_views.h"

namespace presskg::query {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/api/v1/";

std::vector<std::string_view> PathParts(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::string_view part : SplitView(path, '/')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

Result<graph::NodeId> ParseId(std::string_view text, const char* what) {
  graph::NodeId id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) {
    return Status::InvalidArgument(std::string(what) + " must be a numeric id");
  }
  return id;
}

Result<std::optional<graph::Direction>> ParseDirection(const ApiRequest& request) {
  std::string value = request.Param("direction").value_or("both");
  if (value == "both") return std::optional<graph::Direction>();
  if (value == "out") return std::optional<graph::Direction>(graph::Direction::kOut);
  if (value == "in") return std::optional<graph::Direction>(graph::Direction::kIn);
  return Status::InvalidArgument("parameter 'direction' must be out, in or both");
}

}  // namespace

ApiService::ApiService(graph::GraphStore* store, std::string token, ApiLimits limits)
    : store_(store), token_(std::move(token)), limits_(limits) {}

bool ApiService::Authorized(const ApiRequest& request) const {
  if (token_.empty()) return false;
  const std::string& given = request.bearer_token;
  // Constant time in the token's length: every byte is compared whatever the first mismatch.
  unsigned char diff = given.size() == token_.size() ? 0 : 1;
  for (std::size_t i = 0; i < token_.size(); ++i) {
    diff |= static_cast<unsigned char>(token_[i] ^ (i < given.size() ? given[i] : 0));
  }
  return diff == 0;
}

ApiResponse ApiService::Handle(const ApiRequest& request) const {
  try {
    if (request.body.size() > limits_.max_body_bytes) {
      return ApiResponse::Error(413, "request body larger than " +
                                         std::to_string(limits_.max_body_bytes) + " bytes");
    }
    return Route(request);
  } catch (const std::exception& e) {
    return ApiResponse::Error(500, std::string("internal error: ") + e.what());
  }
}

ApiResponse ApiService::Route(const ApiRequest& request) const {
  std::string_view path = request.path;
  if (!path.starts_with(kPrefix)) return ApiResponse::Error(404, "no such endpoint");
  std::vector<std::string_view> parts = PathParts(path.substr(kPrefix.size()));
  const bool get = request.method == "GET";
  if (parts.size() == 1 && parts[0] == "stats" && get) return Stats();
  if (parts.size() == 1 && parts[0] == "search" && get) return Search(request);
  if (parts.size() == 1 && parts[0] == "evidence" && get) return Evidence(request);
  if (parts.size() == 2 && parts[0] == "entities" && get) return Entity(std::string(parts[1]));
  if (parts.size() == 3 && parts[0] == "entities" && parts[2] == "neighbors" && get) {
    return Neighbors(std::string(parts[1]), request);
  }
  if (parts.size() == 2 && parts[0] == "documents" && get) {
    return DocumentDetail(std::string(parts[1]), request);
  }
  return ApiResponse::Error(404, "no such endpoint: " + request.method + " " + request.path);
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
  auto snapshot = store_->Snapshot();
  Result<std::vector<SearchHit>> hits =
      SearchEntities(*snapshot, *q, static_cast<std::size_t>(*limit));
  if (!hits.ok()) return ApiResponse::FromStatus(hits.status());
  json results = json::array();
  for (const SearchHit& hit : *hits) {
    json item = NodeJson(hit.node);
    item["match"] = hit.rank == 0 ? "exact" : "prefix";
    item["documents"] = hit.documents;
    results.push_back(std::move(item));
  }
  return ApiResponse::Json({{"query", *q}, {"results", std::move(results)}});
}

ApiResponse ApiService::Entity(const std::string& ref) const {
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> id = ResolveEntityRef(*snapshot, ref);
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
  return ApiResponse::Json(out);
}

ApiResponse ApiService::Neighbors(const std::string& ref, const ApiRequest& request) const {
  Result<std::optional<graph::Direction>> direction = ParseDirection(request);
  if (!direction.ok()) return ApiResponse::FromStatus(direction.status());
  Result<std::int64_t> limit = request.IntParam("limit", 100, 1, limits_.max_results);
  if (!limit.ok()) return ApiResponse::FromStatus(limit.status());
  Result<std::int64_t> offset = request.IntParam("offset", 0, 0, 1'000'000'000);
  if (!offset.ok()) return ApiResponse::FromStatus(offset.status());
  std::vector<graph::RelationId> relations;
  for (const std::string& name : request.ParamList("relation")) {
    const graph::RelationType* type = graph::RelationSchema::Builtin().Find(name);
    if (type == nullptr) return ApiResponse::Error(400, "unknown relation '" + name + "'");
    relations.push_back(type->id);
  }
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> id = ResolveEntityRef(*snapshot, ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());

  std::vector<graph::AdjacencyEntry> entries;
  auto collect = [&](const graph::AdjacencyEntry& e) {
    entries.push_back(e);
    return true;
  };
  Status status;
  if (relations.empty()) {
    status = snapshot->ForEachNeighbor(*id, *direction, std::nullopt, collect);
  } else {
    for (graph::RelationId relation : relations) {
      for (graph::Direction d : {graph::Direction::kOut, graph::Direction::kIn}) {
        if (*direction && **direction != d) continue;
        status = snapshot->ForEachNeighbor(*id, d, relation, collect);
        if (!status.ok()) break;
      }
    }
  }
  if (!status.ok()) return ApiResponse::FromStatus(status);
  json edges = json::array();
  const auto begin = static_cast<std::size_t>(*offset);
  const auto end = std::min(entries.size(), begin + static_cast<std::size_t>(*limit));
  for (std::size_t i = begin; i < end; ++i) {
    Result<graph::Edge> edge = snapshot->GetEdge(entries[i].edge());
    if (!edge.ok()) return ApiResponse::FromStatus(edge.status());
    Result<graph::Node> neighbor = snapshot->GetNode(entries[i].neighbor);
    if (!neighbor.ok()) return ApiResponse::FromStatus(neighbor.status());
    json item = EdgeJson(*edge);
    item["direction"] = entries[i].direction == graph::Direction::kOut ? "out" : "in";
    item["neighbor"] = {{"id", neighbor->id},
                        {"label", neighbor->label},
                        {"kind", std::string(graph::NodeKindName(neighbor->kind))}};
    edges.push_back(std::move(item));
  }
  return ApiResponse::Json(
      {{"entity", *id}, {"total", entries.size()}, {"offset", *offset}, {"limit", *limit},
       {"edges", std::move(edges)}});
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
