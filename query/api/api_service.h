#pragma once

#include <memory>
#include <string>

#include "graph/graph_store.h"
#include "graph/query/live_index.h"
#include "query/api/api_request.h"
#include "query/api/search_cache.h"

namespace presskg::query {

struct ApiLimits {
  std::int64_t max_results = 1000;  // per page
  std::int64_t max_depth = 3;
  std::int64_t max_graph_nodes = 2000;
  std::size_t max_body_bytes = 16 << 20;
};

// The JSON API under /api/v1, independent of any HTTP library: routes an ApiRequest to its
// handler and returns the response. Reads go to a RocksDB snapshot and to the in-memory
// adjacency index (graph/query), which follows every document committed through the service.
// Thread-safe.
class ApiService {
 public:
  // Builds the adjacency index from `store`, which must outlive the service. An empty `token`
  // disables every write endpoint (they answer 401). Store errors are returned as they are.
  static Result<std::unique_ptr<ApiService>> Create(graph::GraphStore* store, std::string token,
                                                    ApiLimits limits = {});

  // Never throws; unknown paths give 404, bad parameters 400, missing token 401, oversized
  // bodies 413.
  ApiResponse Handle(const ApiRequest& request) const;

  const ApiLimits& limits() const { return limits_; }

 private:
  ApiService(graph::GraphStore* store, std::unique_ptr<graph::LiveIndex> index, std::string token,
             ApiLimits limits);
  ApiResponse Route(const ApiRequest& request) const;
  // store_handlers.cc
  ApiResponse Stats() const;
  ApiResponse Relations() const;
  ApiResponse Search(const ApiRequest& request) const;
  ApiResponse Entity(const std::string& ref) const;
  ApiResponse Evidence(const ApiRequest& request) const;
  ApiResponse DocumentDetail(const std::string& ref, const ApiRequest& request) const;
  // graph_handlers.cc
  ApiResponse Neighbors(const std::string& ref, const ApiRequest& request) const;
  ApiResponse EgoGraph(const std::string& ref, const ApiRequest& request) const;
  ApiResponse Paths(const ApiRequest& request) const;
  // export_handler.cc
  ApiResponse Export(const ApiRequest& request) const;
  ApiResponse OpenApi() const;
  // document_handlers.cc
  ApiResponse ExtractPreview(const ApiRequest& request) const;
  ApiResponse PostDocument(const ApiRequest& request) const;
  // correction_handlers.cc
  ApiResponse Merge(const ApiRequest& request) const;
  ApiResponse Split(const std::string& ref, const ApiRequest& request) const;
  ApiResponse Revert(const std::string& ref, const ApiRequest& request) const;
  ApiResponse Corrections(const ApiRequest& request) const;
  // The answer to a correction: 201 with the log entry and both nodes, after the adjacency index
  // caught up; the store's error otherwise.
  ApiResponse AfterCorrection(const Result<graph::Correction>& done) const;
  // 401, saying whether writing is disabled or the token is wrong.
  ApiResponse Unauthorized() const;
  // ResolveEntityRef through the cached search index.
  Result<graph::NodeId> Resolve(const graph::GraphSnapshot& snapshot, std::string_view ref) const;
  // True when the request carries the configured token (constant-time comparison).
  bool Authorized(const ApiRequest& request) const;

  graph::GraphStore* store_;
  std::unique_ptr<graph::LiveIndex> index_;
  std::unique_ptr<SearchCache> search_;
  std::string token_;
  ApiLimits limits_;
};

}  // namespace presskg::query
