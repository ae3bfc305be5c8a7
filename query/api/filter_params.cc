#include "query/api/filter_params.h"

#include "graph/query/date_key.h"
#include "graph/relation_schema.h"

namespace presskg::query {

Result<graph::EdgeFilter> ParseEdgeFilter(const ApiRequest& request) {
  graph::EdgeFilter filter;
  for (const std::string& name : request.ParamList("relation")) {
    const graph::RelationType* type = graph::RelationSchema::Builtin().Find(name);
    if (type == nullptr) return Status::InvalidArgument("unknown relation '" + name + "'");
    filter.relations.push_back(type->id);
  }
  for (const std::string& name : request.ParamList("kind")) {
    auto kind = graph::ParseNodeKind(name);
    if (!kind) return Status::InvalidArgument("unknown kind '" + name + "'");
    filter.node_kinds.push_back(*kind);
  }
  for (const std::string& name : request.ParamList("status")) {
    auto status = graph::ParseFactStatus(name);
    if (!status) {
      return Status::InvalidArgument("unknown status '" + name + "' (stated, planned, denied)");
    }
    filter.statuses.push_back(*status);
  }
  PRESSKG_ASSIGN_OR_RETURN(std::int64_t min_sources, request.IntParam("min_sources", 0, 0, 1 << 30));
  filter.min_sources = static_cast<std::uint32_t>(min_sources);
  // Evidence inside [since, until]: first seen no later than `until`, last seen no earlier than
  // `since`.
  filter.last_seen_from = request.Param("since").value_or("");
  filter.first_seen_to = request.Param("until").value_or("");
  PRESSKG_RETURN_IF_ERROR(
      graph::ParseDateBound(filter.last_seen_from, graph::DatePad::kLow).status());
  PRESSKG_RETURN_IF_ERROR(
      graph::ParseDateBound(filter.first_seen_to, graph::DatePad::kHigh).status());
  PRESSKG_ASSIGN_OR_RETURN(filter.include_undated, request.BoolParam("undated", false));
  return filter;
}

Result<graph::PathOptions> ParsePathOptions(const ApiRequest& request) {
  graph::PathOptions options;
  PRESSKG_ASSIGN_OR_RETURN(options.filter, ParseEdgeFilter(request));
  PRESSKG_ASSIGN_OR_RETURN(options.directed, request.BoolParam("directed", false));
  PRESSKG_ASSIGN_OR_RETURN(std::int64_t max_hops, request.IntParam("max_hops", 6, 1, 12));
  options.max_hops = static_cast<std::uint32_t>(max_hops);
  PRESSKG_ASSIGN_OR_RETURN(options.include_documents, request.BoolParam("documents", false));
  PRESSKG_ASSIGN_OR_RETURN(options.include_mentions, request.BoolParam("mentions", false));
  PRESSKG_ASSIGN_OR_RETURN(std::int64_t max_degree,
                           request.IntParam("max_degree", 0, 0, 1 << 30));
  options.max_degree = static_cast<std::uint32_t>(max_degree);
  options.as_of = request.Param("as_of").value_or("");
  PRESSKG_RETURN_IF_ERROR(graph::ParseDateBound(options.as_of, graph::DatePad::kHigh).status());
  return options;
}

}  // namespace presskg::query
