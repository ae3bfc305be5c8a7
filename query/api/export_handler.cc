#include <sstream>

#include "graph/export/export.h"
#include "graph/query/ego_graph.h"
#include "query/api/api_service.h"
#include "query/api/entity_lookup.h"

namespace presskg::query {

extern const char kOpenApiJson[];  // generated from openapi.json

namespace {
// Whole-graph exports over HTTP are built in memory; larger graphs go through `presskg export`.
constexpr std::uint64_t kMaxHttpExportEdges = 1'000'000;
}  // namespace

ApiResponse ApiService::OpenApi() const {
  ApiResponse response;
  response.body = kOpenApiJson;
  return response;
}

ApiResponse ApiService::Export(const ApiRequest& request) const {
  std::string format_name = request.Param("format").value_or("graphml");
  auto format = graph::ParseExportFormat(format_name);
  if (!format || *format == graph::ExportFormat::kCsv) {
    return ApiResponse::Error(400, "parameter 'format' must be graphml or gexf (CSV: use the "
                                   "presskg export command)");
  }
  Result<std::int64_t> depth = request.IntParam("depth", 1, 1, limits_.max_depth);
  Result<std::int64_t> limit = request.IntParam("limit", 500, 1, limits_.max_graph_nodes);
  Result<bool> documents = request.BoolParam("documents", false);
  for (const Status& s : {depth.status(), limit.status(), documents.status()}) {
    if (!s.ok()) return ApiResponse::FromStatus(s);
  }
  std::shared_ptr<const graph::AdjacencyIndex> index = index_->Current();
  auto snapshot = store_->Snapshot();
  graph::ExportFilter filter;
  filter.include_documents = *documents;
  std::optional<std::string> entity = request.Param("entity");
  if (entity) {
    Result<graph::NodeId> center = Resolve(*snapshot, *entity);
    if (!center.ok()) return ApiResponse::FromStatus(center.status());
    graph::EgoOptions options;
    options.depth = static_cast<std::uint32_t>(*depth);
    options.max_nodes = static_cast<std::uint32_t>(*limit);
    options.max_edges = options.max_nodes * 20;
    Result<graph::EgoGraph> ego = graph::EgoSubgraph(*index, *center, options);
    if (!ego.ok()) return ApiResponse::FromStatus(ego.status());
    std::vector<graph::NodeId> nodes;
    for (const graph::EgoNode& node : ego->nodes) nodes.push_back(node.id);
    filter.nodes = std::move(nodes);
    filter.edges = ego->edges;
  } else if (index->num_edges() > kMaxHttpExportEdges) {
    return ApiResponse::Error(413, "the whole graph is too large to export over HTTP: use "
                                   "`presskg export` or give an entity");
  }
  std::ostringstream out;
  Status status = graph::ExportGraph(*snapshot, *format, filter, out);
  if (!status.ok()) return ApiResponse::FromStatus(status);
  ApiResponse response;
  response.content_type = *format == graph::ExportFormat::kGraphml ? "application/graphml+xml"
                                                                    : "application/gexf+xml";
  response.body = std::move(out).str();
  return response;
}

}  // namespace presskg::query
