#pragma once

#include <memory>
#include <string>

#include "graph/graph_store.h"
#include "query/api/api_request.h"

namespace presskg::query {

struct ApiLimits {
  std::int64_t max_results = 1000;  // per page
  std::int64_t max_depth = 3;
  std::size_t max_body_bytes = 16 << 20;
};

// The JSON API under /api/v1, independent of any HTTP library: routes an ApiRequest to its
// handler and returns the response. Thread-safe: handlers read under a fresh store snapshot.
class ApiService {
 public:
  // `store` must outlive the service. An empty `token` disables every write endpoint.
  ApiService(graph::GraphStore* store, std::string token, ApiLimits limits = {});

  // Never throws; unknown paths give 404, bad parameters 400, oversized bodies 413.
  ApiResponse Handle(const ApiRequest& request) const;

 private:
  ApiResponse Route(const ApiRequest& request) const;
  ApiResponse Stats() const;
  ApiResponse Search(const ApiRequest& request) const;
  ApiResponse Entity(const std::string& ref) const;
  ApiResponse Neighbors(const std::string& ref, const ApiRequest& request) const;
  ApiResponse Evidence(const ApiRequest& request) const;
  ApiResponse DocumentDetail(const std::string& ref, const ApiRequest& request) const;
  // True when the request carries the configured token (constant-time comparison).
  bool Authorized(const ApiRequest& request) const;

  graph::GraphStore* store_;
  std::string token_;
  ApiLimits limits_;
};

}  // namespace presskg::query
