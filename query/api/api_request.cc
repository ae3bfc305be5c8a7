#include "query/api/api_request.h"

#include <charconv>

#include "graph/text_util.h"

namespace presskg::query {

std::optional<std::string> ApiRequest::Param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ApiRequest::ParamList(const std::string& name) const {
  std::vector<std::string> out;
  auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    for (std::string_view part : SplitView(it->second, ',')) {
      if (!Trim(part).empty()) out.emplace_back(Trim(part));
    }
  }
  return out;
}

Result<std::int64_t> ApiRequest::IntParam(const std::string& name, std::int64_t fallback,
                                          std::int64_t min, std::int64_t max) const {
  std::optional<std::string> raw = Param(name);
  if (!raw) return fallback;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || raw->empty()) {
    return Status::InvalidArgument("parameter '" + name + "' must be an integer");
  }
  if (value < min || value > max) {
    return Status::InvalidArgument("parameter '" + name + "' must be between " +
                                   std::to_string(min) + " and " + std::to_string(max));
  }
  return value;
}

Result<bool> ApiRequest::BoolParam(const std::string& name, bool fallback) const {
  std::optional<std::string> raw = Param(name);
  if (!raw) return fallback;
  if (*raw == "1" || *raw == "true") return true;
  if (*raw == "0" || *raw == "false") return false;
  return Status::InvalidArgument("parameter '" + name + "' must be true or false");
}

ApiResponse ApiResponse::Json(const nlohmann::json& value, int status) {
  ApiResponse response;
  response.status = status;
  response.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

ApiResponse ApiResponse::Error(int status, const std::string& message) {
  return Json({{"error", {{"code", status}, {"message", message}}}}, status);
}

ApiResponse ApiResponse::FromStatus(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument: return Error(400, status.message());
    case Status::Code::kNotFound: return Error(404, status.message());
    case Status::Code::kAlreadyExists: return Error(409, status.message());
    case Status::Code::kFailedPrecondition: return Error(409, status.message());
    case Status::Code::kResourceExhausted: return Error(413, status.message());
    case Status::Code::kBusy: return Error(503, status.message());
    default: return Error(500, status.message());
  }
}

}  // namespace presskg::query
