#include "query/api/api_service.h"

#include <exception>

#include "graph/text_util.h"
#include "query/api/entity_lookup.h"

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

}  // namespace

ApiService::ApiService(graph::GraphStore* store, std::unique_ptr<graph::LiveIndex> index,
                       std::string token, ApiLimits limits)
    : store_(store),
      index_(std::move(index)),
      search_(std::make_unique<SearchCache>(store)),
      token_(std::move(token)),
      limits_(limits) {}

Result<graph::NodeId> ApiService::Resolve(const graph::GraphSnapshot& snapshot,
                                          std::string_view ref) const {
  const bool is_id = !ref.empty() && ref.find_first_not_of("0123456789") == std::string_view::npos;
  if (is_id) return ResolveEntityRef(snapshot, ref);
  PRESSKG_ASSIGN_OR_RETURN(std::shared_ptr<const ingest::NameSearchIndex> index, search_->Get());
  return ResolveEntityRef(snapshot, ref, index.get());
}

Result<std::unique_ptr<ApiService>> ApiService::Create(graph::GraphStore* store, std::string token,
                                                      ApiLimits limits) {
  PRESSKG_ASSIGN_OR_RETURN(std::unique_ptr<graph::LiveIndex> index, graph::LiveIndex::Open(*store));
  return std::unique_ptr<ApiService>(
      new ApiService(store, std::move(index), std::move(token), limits));
}

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
  if (parts.size() == 1 && parts[0] == "relations" && get) return Relations();
  if (parts.size() == 1 && parts[0] == "path" && get) return Paths(request);
  if (parts.size() == 1 && parts[0] == "export" && get) return Export(request);
  if (parts.size() == 1 && parts[0] == "openapi.json" && get) return OpenApi();
  if (parts.size() == 1 && parts[0] == "extract" && request.method == "POST") {
    return ExtractPreview(request);
  }
  if (parts.size() == 1 && parts[0] == "documents" && request.method == "POST") {
    return PostDocument(request);
  }
  const bool post = request.method == "POST";
  if (parts.size() == 1 && parts[0] == "corrections" && get) return Corrections(request);
  if (parts.size() == 3 && parts[0] == "corrections" && parts[2] == "revert" && post) {
    return Revert(std::string(parts[1]), request);
  }
  if (parts.size() == 2 && parts[0] == "entities" && parts[1] == "merge" && post) {
    return Merge(request);
  }
  if (parts.size() == 3 && parts[0] == "entities" && parts[2] == "split" && post) {
    return Split(std::string(parts[1]), request);
  }
  if (parts.size() == 2 && parts[0] == "entities" && get) return Entity(std::string(parts[1]));
  if (parts.size() == 3 && parts[0] == "entities" && parts[2] == "neighbors" && get) {
    return Neighbors(std::string(parts[1]), request);
  }
  if (parts.size() == 3 && parts[0] == "entities" && parts[2] == "graph" && get) {
    return EgoGraph(std::string(parts[1]), request);
  }
  if (parts.size() == 2 && parts[0] == "documents" && get) {
    return DocumentDetail(std::string(parts[1]), request);
  }
  return ApiResponse::Error(404, "no such endpoint: " + request.method + " " + request.path);
}


}  // namespace presskg::query
