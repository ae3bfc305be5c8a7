#include "ingest/resolve/corrections.h"
#include "query/api/api_service.h"
#include "query/api/decimal_id.h"
#include "query/api/entity_lookup.h"
#include "query/api/json_views.h"

// Journalist corrections of entity resolution: merge, split, revert (token required), and the
// audit log.
namespace presskg::query {
namespace {

using nlohmann::json;

Result<json> ParseObject(const std::string& body) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status::InvalidArgument("the body must be a JSON object");
  }
  return parsed;
}

// A string field, or an entity reference given as a number or a string.
Result<std::string> TextField(const json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("field '") + name + "' is required");
    return std::string();
  }
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("field '") + name + "' must be a string");
  }
  return it->get<std::string>();
}

Result<std::uint64_t> ParseId(std::string_view text) {
  std::optional<std::uint64_t> id = ParseDecimalId(text);
  if (!id || *id == 0) {
    return Status::InvalidArgument("'" + std::string(text) + "' is not a correction id");
  }
  return *id;
}

}  // namespace

ApiResponse ApiService::Unauthorized() const {
  return ApiResponse::Error(401, token_.empty() ? "this server was started without --token: "
                                                  "writing is disabled"
                                                : "a valid bearer token is required");
}

ApiResponse ApiService::AfterCorrection(const Result<graph::Correction>& done) const {
  if (!done.ok()) return ApiResponse::FromStatus(done.status());
  search_->Invalidate();
  // Only the two entities' neighbourhoods change: the index re-reads them, not the graph.
  Status indexed = index_->ApplyCorrection(*store_, *done);
  if (!indexed.ok()) return ApiResponse::FromStatus(indexed);
  auto snapshot = store_->Snapshot();
  json out = {{"correction", CorrectionJson(*done)}};
  for (const char* side : {"from", "to"}) {
    graph::NodeId id = side[0] == 'f' ? done->from : done->to;
    Result<graph::Node> node = snapshot->GetNode(id);
    out[side] = node.ok() ? NodeJson(*node) : json(nullptr);  // null: merged away
  }
  return ApiResponse::Json(out, 201);
}

ApiResponse ApiService::Merge(const ApiRequest& request) const {
  if (!Authorized(request)) return Unauthorized();
  Result<json> body = ParseObject(request.body);
  if (!body.ok()) return ApiResponse::FromStatus(body.status());
  Result<std::string> keep = TextField(*body, "a", true);
  Result<std::string> absorb = TextField(*body, "b", true);
  Result<std::string> why = TextField(*body, "why", true);
  for (const auto* field : {&keep, &absorb, &why}) {
    if (!field->ok()) return ApiResponse::FromStatus(field->status());
  }
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> keep_id = Resolve(*snapshot, *keep);
  if (!keep_id.ok()) return ApiResponse::FromStatus(keep_id.status());
  Result<graph::NodeId> absorb_id = Resolve(*snapshot, *absorb);
  if (!absorb_id.ok()) return ApiResponse::FromStatus(absorb_id.status());
  Result<graph::MergeRequest> merge =
      ingest::PrepareMerge(*snapshot, *keep_id, *absorb_id, std::move(why).value());
  if (!merge.ok()) return ApiResponse::FromStatus(merge.status());
  return AfterCorrection(store_->MergeNodes(*merge));
}

ApiResponse ApiService::Split(const std::string& ref, const ApiRequest& request) const {
  if (!Authorized(request)) return Unauthorized();
  Result<json> body = ParseObject(request.body);
  if (!body.ok()) return ApiResponse::FromStatus(body.status());
  Result<std::string> why = TextField(*body, "why", true);
  if (!why.ok()) return ApiResponse::FromStatus(why.status());
  auto aliases_field = body->find("aliases");
  std::vector<std::string> aliases;
  if (aliases_field != body->end() && aliases_field->is_array()) {
    for (const json& alias : *aliases_field) {
      if (!alias.is_string()) break;
      aliases.push_back(alias.get<std::string>());
    }
  }
  if (aliases.empty() || aliases.size() != aliases_field->size()) {
    return ApiResponse::Error(400, "field 'aliases' must be a non-empty array of names");
  }
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> id = Resolve(*snapshot, ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<graph::SplitRequest> split =
      ingest::PrepareSplit(*snapshot, *id, std::move(aliases), std::move(why).value());
  if (!split.ok()) return ApiResponse::FromStatus(split.status());
  return AfterCorrection(store_->SplitNode(*split));
}

ApiResponse ApiService::Revert(const std::string& ref, const ApiRequest& request) const {
  if (!Authorized(request)) return Unauthorized();
  Result<std::uint64_t> id = ParseId(ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<json> body = ParseObject(request.body);
  if (!body.ok()) return ApiResponse::FromStatus(body.status());
  Result<std::string> why = TextField(*body, "why", true);
  if (!why.ok()) return ApiResponse::FromStatus(why.status());
  return AfterCorrection(store_->RevertCorrection(*id, *why));
}

ApiResponse ApiService::Corrections(const ApiRequest& request) const {
  auto snapshot = store_->Snapshot();
  graph::NodeId node = 0;
  if (std::optional<std::string> entity = request.Param("entity")) {
    Result<graph::NodeId> id = Resolve(*snapshot, *entity);
    if (!id.ok()) return ApiResponse::FromStatus(id.status());
    node = *id;
  }
  Result<std::int64_t> limit = request.IntParam("limit", 100, 1, limits_.max_results);
  if (!limit.ok()) return ApiResponse::FromStatus(limit.status());
  Result<std::vector<graph::Correction>> log = snapshot->ListCorrections(node);
  if (!log.ok()) return ApiResponse::FromStatus(log.status());
  // Newest first: a journalist looks for what was done last.
  json items = json::array();
  for (auto it = log->rbegin(); it != log->rend() && std::cmp_less(items.size(), *limit); ++it) {
    items.push_back(CorrectionJson(*it));
  }
  return ApiResponse::Json({{"total", log->size()}, {"corrections", std::move(items)}});
}

}  // namespace presskg::query
