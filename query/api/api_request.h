#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/status.h"

namespace presskg::query {

// An HTTP request as the API handlers see it: no sockets, no httplib types.
struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // "/api/v1/entities/42/neighbors"
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string bearer_token;  // from "Authorization: Bearer T", "" when absent

  // The single value of `name`, or nullopt.
  std::optional<std::string> Param(const std::string& name) const;
  // Every value of `name`, with comma-separated values split ("relation=a,b&relation=c").
  std::vector<std::string> ParamList(const std::string& name) const;
  // The integer value of `name` within [min, max], `fallback` when absent; InvalidArgument
  // naming the parameter when malformed or out of range.
  Result<std::int64_t> IntParam(const std::string& name, std::int64_t fallback, std::int64_t min,
                                std::int64_t max) const;
  // true for "1"/"true", false for "0"/"false"; InvalidArgument otherwise.
  Result<bool> BoolParam(const std::string& name, bool fallback) const;
};

struct ApiResponse {
  int status = 200;
  // The charset parameter also keeps httplib from brotli-compressing every answer (slow).
  std::string content_type = "application/json; charset=utf-8";
  std::string body;

  static ApiResponse Json(const nlohmann::json& value, int status = 200);
  // {"error": {"code": status, "message": message}}
  static ApiResponse Error(int status, const std::string& message);
  // The HTTP error for a Status: 400 InvalidArgument, 404 NotFound, 409 AlreadyExists
  // and FailedPrecondition,
  // 413 ResourceExhausted, 503 Busy, 500 otherwise.
  static ApiResponse FromStatus(const Status& status);
};

}  // namespace presskg::query
