#include <algorithm>
#include <optional>
#include <unordered_map>

#include "graph/query/ego_graph.h"
#include "graph/query/k_shortest_paths.h"
#include "graph/query/neighbors.h"
#include "graph/query/shortest_path.h"
#include "graph/relation_schema.h"
#include "query/api/api_service.h"
#include "query/api/decimal_id.h"
#include "query/api/entity_lookup.h"
#include "query/api/filter_params.h"
#include "query/api/json_views.h"
#include "query/api/json_writer.h"

// The handlers that walk the graph through the in-memory adjacency index: neighbours, ego
// subgraph and paths. The snapshot is taken after the index version, so every edge the index
// knows is in the snapshot, except edges a journalist's correction removed in between.
namespace presskg::query {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEvidencePerHop = 20;

Result<graph::TraversalDirection> ParseTraversal(const ApiRequest& request) {
  std::string value = request.Param("direction").value_or("both");
  if (value == "both") return graph::TraversalDirection::kBoth;
  if (value == "out") return graph::TraversalDirection::kOut;
  if (value == "in") return graph::TraversalDirection::kIn;
  return Status::InvalidArgument("parameter 'direction' must be out, in or both");
}

// `detail`: "brief" (default: what the in-memory index holds) or "full" (every stored field).
Result<bool> ParseDetail(const ApiRequest& request) {
  std::string value = request.Param("detail").value_or("brief");
  if (value == "brief") return false;
  if (value == "full") return true;
  return Status::InvalidArgument("parameter 'detail' must be brief or full");
}

// The node of a decimal id the index holds; NotFound otherwise (names, merged-away ids and
// unknown ids then go through Resolve).
Result<graph::NodeId> IndexedId(const graph::AdjacencyIndex& index, std::string_view ref) {
  std::optional<graph::NodeId> id = ParseDecimalId(ref);
  if (!id || !index.Find(*id)) return Status::NotFound("not an indexed id");
  return *id;
}

Result<json> NodeSummary(const graph::GraphSnapshot& snapshot, graph::NodeId id) {
  PRESSKG_ASSIGN_OR_RETURN(graph::Node node, snapshot.GetNode(id));
  return json{{"id", node.id},
              {"label", node.label},
              {"label_fr", node.label_fr},
              {"label_en", node.label_en},
              {"kind", std::string(graph::NodeKindName(node.kind))}};
}

Result<json> PathJson(const graph::GraphSnapshot& snapshot, const graph::Path& path) {
  json nodes = json::array();
  for (graph::NodeId id : path.nodes) {
    PRESSKG_ASSIGN_OR_RETURN(json node, NodeSummary(snapshot, id));
    nodes.push_back(std::move(node));
  }
  json hops = json::array();
  for (const graph::PathHop& hop : path.hops) {
    PRESSKG_ASSIGN_OR_RETURN(graph::Edge edge, snapshot.GetEdge(hop.edge));
    PRESSKG_ASSIGN_OR_RETURN(std::vector<graph::Evidence> evidence, snapshot.GetEvidence(hop.edge));
    json items = json::array();
    for (std::size_t i = 0; i < evidence.size() && i < kMaxEvidencePerHop; ++i) {
      json item = EvidenceJson(evidence[i]);
      Result<graph::Document> doc = snapshot.GetDocument(evidence[i].document, false);
      if (doc.ok()) item["document_title"] = doc->title.empty() ? doc->name : doc->title;
      items.push_back(std::move(item));
    }
    hops.push_back({{"edge", EdgeJson(edge)},
                    {"forward", hop.forward},
                    {"from", hop.from},
                    {"to", hop.to},
                    {"evidence", std::move(items)}});
  }
  return json{{"nodes", std::move(nodes)}, {"hops", std::move(hops)}};
}

}  // namespace

ApiResponse ApiService::Neighbors(const std::string& ref, const ApiRequest& request) const {
  graph::NeighborOptions options;
  Result<graph::TraversalDirection> direction = ParseTraversal(request);
  if (!direction.ok()) return ApiResponse::FromStatus(direction.status());
  options.direction = *direction;
  Result<std::int64_t> depth = request.IntParam("depth", 1, 1, limits_.max_depth);
  Result<std::int64_t> limit = request.IntParam("limit", 100, 1, limits_.max_results);
  Result<std::int64_t> offset = request.IntParam("offset", 0, 0, 1'000'000'000);
  Result<graph::EdgeFilter> filter = ParseEdgeFilter(request);
  Result<bool> full = ParseDetail(request);
  for (const Status& s :
       {depth.status(), limit.status(), offset.status(), filter.status(), full.status()}) {
    if (!s.ok()) return ApiResponse::FromStatus(s);
  }
  options.depth = static_cast<std::uint32_t>(*depth);
  options.limit = static_cast<std::uint32_t>(*limit);
  options.offset = static_cast<std::uint64_t>(*offset);
  options.filter = std::move(filter).value();

  // Everything but `detail=full` comes from the in-memory index: no store read at all when the
  // entity is given by an indexed id.
  std::shared_ptr<const graph::AdjacencyIndex> index = index_->Current();
  std::shared_ptr<const graph::GraphSnapshot> snapshot;
  auto snapshot_of = [&]() -> const graph::GraphSnapshot& {
    if (!snapshot) snapshot = store_->Snapshot();
    return *snapshot;
  };
  Result<graph::NodeId> id = IndexedId(*index, ref);
  if (!id.ok()) id = Resolve(snapshot_of(), ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<graph::NeighborPage> page = graph::Neighbors(*index, *id, options);
  if (!page.ok()) return ApiResponse::FromStatus(page.status());

  // Written straight to text: this is the most requested answer, and a JSON tree of it cost
  // more than the rest of the request.
  ApiResponse response;
  JsonWriter out(&response.body);
  // Each page node's summary members are written once, in `nodes`, and copied into the edges
  // that reach it: (node id, begin, end) in the body.
  struct Written {
    graph::NodeId id;
    std::size_t begin;
    std::size_t end;
  };
  std::vector<Written> summaries;
  summaries.reserve(page->nodes.size());
  out.BeginObject();
  out.Key("entity");
  out.Uint(*id);
  out.Key("total");
  out.Uint(page->total);
  out.Key("truncated");
  out.Bool(page->truncated);
  out.Key("offset");
  out.Uint(options.offset);
  out.Key("limit");
  out.Uint(options.limit);
  out.Key("nodes");
  out.BeginArray();
  std::vector<graph::VertexIndex> vertices;
  vertices.reserve(page->nodes.size());
  for (const graph::NeighborNode& node : page->nodes) vertices.push_back(node.vertex);
  std::vector<graph::NodeLabels> labels;
  index->LabelsOf(vertices, &labels);
  for (std::size_t i = 0; i < page->nodes.size(); ++i) {
    const graph::NeighborNode& node = page->nodes[i];
    out.BeginObject();
    const std::size_t begin = out.size();
    WriteNodeSummaryMembers(node.id, node.kind, labels[i], &out);
    summaries.push_back({node.id, begin, out.size()});
    out.Key("depth");
    out.Uint(node.depth);
    out.EndObject();
  }
  out.EndArray();
  std::sort(summaries.begin(), summaries.end(),
            [](const Written& a, const Written& b) { return a.id < b.id; });
  out.Key("edges");
  out.BeginArray();
  for (const graph::NeighborEdge& reached : page->edges) {
    std::optional<graph::Edge> stored;
    if (*full) {
      // An edge a concurrent correction just removed (the index may be one version behind the
      // snapshot) is left out rather than failing the page.
      Result<graph::Edge> edge = snapshot_of().GetEdge(reached.edge);
      if (!edge.ok() && edge.status().code() == Status::Code::kNotFound) continue;
      if (!edge.ok()) return ApiResponse::FromStatus(edge.status());
      stored = std::move(edge).value();
    }
    out.BeginObject();
    if (stored) {
      const json members = EdgeJson(*stored);
      for (auto it = members.begin(); it != members.end(); ++it) {
        out.Key(it.key());
        out.Raw(it.value().dump(-1, ' ', false, json::error_handler_t::replace));
      }
    } else {
      WriteIndexedEdgeMembers(reached.edge, reached.status, reached.attributes, &out);
    }
    out.Key("depth");
    out.Uint(reached.depth);
    out.Key("direction");
    out.String(reached.forward ? "out" : "in");
    // Every edge reaches a node of the page.
    const graph::NodeId neighbor = reached.forward ? reached.edge.target : reached.edge.source;
    const auto written =
        std::lower_bound(summaries.begin(), summaries.end(), neighbor,
                         [](const Written& w, graph::NodeId node_id) { return w.id < node_id; });
    out.Key("neighbor");
    out.BeginObject();
    out.CopyMembers(written->begin, written->end);
    out.EndObject();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return response;
}

ApiResponse ApiService::EgoGraph(const std::string& ref, const ApiRequest& request) const {
  graph::EgoOptions options;
  Result<std::int64_t> depth = request.IntParam("depth", 1, 1, limits_.max_depth);
  Result<std::int64_t> limit = request.IntParam("limit", 200, 1, limits_.max_graph_nodes);
  Result<graph::EdgeFilter> filter = ParseEdgeFilter(request);
  Result<bool> documents = request.BoolParam("documents", false);
  for (const Status& s : {depth.status(), limit.status(), filter.status(), documents.status()}) {
    if (!s.ok()) return ApiResponse::FromStatus(s);
  }
  options.depth = static_cast<std::uint32_t>(*depth);
  options.max_nodes = static_cast<std::uint32_t>(*limit);
  options.max_edges = options.max_nodes * 10;
  options.filter = std::move(filter).value();
  if (!*documents) {
    options.filter.excluded_node_kinds.push_back(graph::NodeKind::kDocument);
    options.filter.excluded_relations.push_back(
        graph::RelationSchema::Builtin().Find("mentions")->id);
  }

  std::shared_ptr<const graph::AdjacencyIndex> index = index_->Current();
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> id = Resolve(*snapshot, ref);
  if (!id.ok()) return ApiResponse::FromStatus(id.status());
  Result<graph::EgoGraph> ego = graph::EgoSubgraph(*index, *id, options);
  if (!ego.ok()) return ApiResponse::FromStatus(ego.status());
  json nodes = json::array();
  for (const graph::EgoNode& node : ego->nodes) {
    Result<json> summary = NodeSummary(*snapshot, node.id);
    if (!summary.ok()) return ApiResponse::FromStatus(summary.status());
    (*summary)["depth"] = node.depth;
    (*summary)["degree"] = node.degree;
    nodes.push_back(std::move(summary).value());
  }
  json edges = json::array();
  for (const graph::EdgeKey& key : ego->edges) {
    Result<graph::Edge> edge = snapshot->GetEdge(key);
    if (!edge.ok()) return ApiResponse::FromStatus(edge.status());
    edges.push_back(EdgeJson(*edge));
  }
  return ApiResponse::Json({{"center", *id},
                            {"truncated", ego->truncated},
                            {"nodes", std::move(nodes)},
                            {"edges", std::move(edges)}});
}

ApiResponse ApiService::Paths(const ApiRequest& request) const {
  std::optional<std::string> from = request.Param("from");
  std::optional<std::string> to = request.Param("to");
  if (!from || !to) return ApiResponse::Error(400, "parameters 'from' and 'to' are required");
  Result<graph::PathOptions> options = ParsePathOptions(request);
  Result<std::int64_t> k = request.IntParam("k", 1, 1, 10);
  Result<bool> all = request.BoolParam("all", false);
  for (const Status& s : {options.status(), k.status(), all.status()}) {
    if (!s.ok()) return ApiResponse::FromStatus(s);
  }
  std::shared_ptr<const graph::AdjacencyIndex> index = index_->Current();
  auto snapshot = store_->Snapshot();
  Result<graph::NodeId> source = Resolve(*snapshot, *from);
  if (!source.ok()) return ApiResponse::FromStatus(source.status());
  Result<graph::NodeId> target = Resolve(*snapshot, *to);
  if (!target.ok()) return ApiResponse::FromStatus(target.status());

  std::vector<graph::Path> paths;
  bool truncated = false;
  if (*all) {
    Result<graph::PathSet> set = graph::AllShortestPaths(*index, *source, *target, *options, 100);
    if (!set.ok()) return ApiResponse::FromStatus(set.status());
    paths = std::move(set->paths);
    truncated = set->truncated;
  } else if (*k == 1) {
    Result<std::optional<graph::Path>> path =
        graph::ShortestPath(*index, *source, *target, *options);
    if (!path.ok()) return ApiResponse::FromStatus(path.status());
    if (*path) paths.push_back(std::move(**path));
  } else {
    Result<std::vector<graph::Path>> found =
        graph::KShortestPaths(*index, *source, *target, static_cast<std::uint32_t>(*k), *options);
    if (!found.ok()) return ApiResponse::FromStatus(found.status());
    paths = std::move(found).value();
  }
  json out = json::array();
  for (const graph::Path& path : paths) {
    Result<json> item = PathJson(*snapshot, path);
    if (!item.ok()) return ApiResponse::FromStatus(item.status());
    out.push_back(std::move(item).value());
  }
  return ApiResponse::Json(
      {{"from", *source}, {"to", *target}, {"truncated", truncated}, {"paths", std::move(out)}});
}

}  // namespace presskg::query
