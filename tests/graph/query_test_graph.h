#pragma once

// Shared by the query_*_test.cc files: random graphs, a brute-force reference of the query
// semantics written independently of graph/query, and a fake GraphSnapshot.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/path.h"
#include "graph/relation_schema.h"

namespace presskg::graph::testing {

inline RelationId Rel(const char* name) { return RelationSchema::Builtin().Find(name)->id; }
inline bool IsSymmetric(RelationId relation) {
  return RelationSchema::Builtin().Get(relation)->symmetric;
}

struct TestGraph {
  std::vector<Node> nodes;
  std::vector<Edge> edges;

  std::optional<NodeKind> KindOf(NodeId id) const {
    for (const Node& node : nodes) {
      if (node.id == id) return node.kind;
    }
    return std::nullopt;
  }
  // Incident edges (self-loops excluded), as the index counts degree.
  std::uint32_t Degree(NodeId id) const {
    std::uint32_t degree = 0;
    for (const Edge& edge : edges) {
      if (edge.key.source == edge.key.target) continue;
      degree += (edge.key.source == id) + (edge.key.target == id);
    }
    return degree;
  }
  const Edge* FindEdge(const EdgeKey& key) const {
    for (const Edge& edge : edges) {
      if (edge.key == key) return &edge;
    }
    return nullptr;
  }
  Result<AdjacencyIndex> BuildIndex() const {
    AdjacencyIndex::Builder builder;
    for (const Node& node : nodes) builder.AddNode(node.id, node.kind);
    for (const Edge& edge : edges) builder.AddEdge(ToIndexEdge(edge));
    return std::move(builder).Build();
  }
};

inline Node MakeNode(NodeId id, NodeKind kind = NodeKind::kOrganization) {
  Node node;
  node.id = id;
  node.kind = kind;
  return node;
}

inline Edge MakeEdge(NodeId source, const char* relation, NodeId target,
                     std::string first_seen = "", std::string last_seen = "",
                     std::uint32_t sources = 1, FactStatus status = FactStatus::kStated) {
  Edge edge;
  edge.key = {source, Rel(relation), target};
  edge.first_seen = std::move(first_seen);
  edge.last_seen = edge.first_seen.empty() ? "" : (last_seen.empty() ? edge.first_seen : last_seen);
  edge.source_count = sources;
  edge.status = status;
  return edge;
}

// `n` nodes (about one in eight a document, ids spread out unless `dense_ids`) and about `m`
// distinct edges of a few relations, with random dates, statuses and source counts. Symmetric
// edges are stored source < target; documents only take part in mentions/quoted_in edges.
inline TestGraph RandomGraph(std::uint32_t seed, std::uint32_t n, std::uint32_t m,
                             bool dense_ids = false) {
  std::mt19937 rng(seed);
  TestGraph graph;
  for (std::uint32_t i = 0; i < n; ++i) {
    Node node;
    node.id = dense_ids ? i + 1 : 1000 + 37 * static_cast<NodeId>(i) + (rng() % 5);
    const std::uint32_t roll = rng() % 8;
    node.kind = roll == 0   ? NodeKind::kDocument
                : roll == 1 ? NodeKind::kPerson
                : roll == 2 ? NodeKind::kPlace
                            : NodeKind::kOrganization;
    graph.nodes.push_back(node);
  }
  const char* entity_relations[] = {"subsidiary_of", "has_client", "partner_of", "acquired",
                                    "merged_with"};
  const char* dates[] = {"",        "2019-05-01", "2020-02-14", "2020-11-30",
                         "2021-06", "2022-01-09", "2023"};
  std::set<EdgeKey> seen;
  for (std::uint32_t attempt = 0; graph.edges.size() < m && attempt < 20 * m; ++attempt) {
    const Node& a = graph.nodes[rng() % n];
    const Node& b = graph.nodes[rng() % n];
    if (a.id == b.id) continue;
    const char* relation = nullptr;
    if (a.kind == NodeKind::kDocument && b.kind != NodeKind::kDocument) {
      relation = "mentions";
    } else if (a.kind == NodeKind::kPerson && b.kind == NodeKind::kDocument) {
      relation = "quoted_in";
    } else if (a.kind != NodeKind::kDocument && b.kind != NodeKind::kDocument) {
      relation = entity_relations[rng() % 5];
    } else {
      continue;
    }
    NodeId source = a.id;
    NodeId target = b.id;
    if (IsSymmetric(Rel(relation)) && source > target) std::swap(source, target);
    const std::uint32_t first = rng() % 7;
    const std::uint32_t last = first == 0 ? 0 : first + rng() % (7 - first);
    Edge edge = MakeEdge(source, relation, target, dates[first], dates[last], 1 + rng() % 4,
                         static_cast<FactStatus>(rng() % 3 == 0 ? rng() % 3 : 0));
    if (!seen.insert(edge.key).second) continue;
    graph.edges.push_back(edge);
  }
  return graph;
}

// ---- Reference semantics of PathOptions, written from the header comments. ----

inline bool DatePrefixLessEq(const std::string& date, const std::string& bound) {
  return date.substr(0, bound.size()) <= bound;
}

inline bool RefEdgeOk(const Edge& edge, const PathOptions& options) {
  const EdgeFilter& f = options.filter;
  const RelationId r = edge.key.relation;
  if (!options.include_mentions && r == Rel("mentions")) return false;
  if (!f.relations.empty() &&
      std::find(f.relations.begin(), f.relations.end(), r) == f.relations.end()) {
    return false;
  }
  if (!f.statuses.empty() &&
      std::find(f.statuses.begin(), f.statuses.end(), edge.status) == f.statuses.end()) {
    return false;
  }
  if (edge.source_count < f.min_sources) return false;
  if (!options.as_of.empty()) {
    if (edge.first_seen.empty()) return f.include_undated;
    if (!DatePrefixLessEq(edge.first_seen, options.as_of)) return false;
  }
  return true;
}

inline bool RefNodeOk(const TestGraph& graph, NodeId id, const PathOptions& options) {
  if (!options.include_documents && graph.KindOf(id) == NodeKind::kDocument) return false;
  return options.max_degree == 0 || graph.Degree(id) <= options.max_degree;
}

// A step of a reference walk: the edge and whether it is walked source -> target.
struct RefStep {
  const Edge* edge;
  bool forward;
};

// The steps a path may take out of `u` (toward the rest of the path ending at `t`).
inline std::vector<std::pair<NodeId, RefStep>> RefSteps(const TestGraph& graph, NodeId u, NodeId s,
                                                        NodeId t, const PathOptions& options) {
  std::vector<std::pair<NodeId, RefStep>> steps;
  for (const Edge& edge : graph.edges) {
    if (edge.key.source == edge.key.target || !RefEdgeOk(edge, options)) continue;
    const bool symmetric = IsSymmetric(edge.key.relation);
    NodeId w = 0;
    bool forward = true;
    if (edge.key.source == u) {
      w = edge.key.target;
    } else if (edge.key.target == u && (!options.directed || symmetric)) {
      w = edge.key.source;
      forward = false;
    } else {
      continue;
    }
    if (w != s && w != t && !RefNodeOk(graph, w, options)) continue;
    steps.push_back({w, RefStep{&edge, forward}});
  }
  return steps;
}

// Fewest hops from s to t under `options`, or -1.
inline int RefDistance(const TestGraph& graph, NodeId s, NodeId t, const PathOptions& options) {
  std::map<NodeId, int> dist = {{s, 0}};
  std::vector<NodeId> frontier = {s};
  for (int depth = 0; !frontier.empty(); ++depth) {
    if (dist.count(t)) return dist[t];
    if (depth == static_cast<int>(options.max_hops)) break;
    std::vector<NodeId> next;
    for (NodeId u : frontier) {
      for (const auto& [w, step] : RefSteps(graph, u, s, t, options)) {
        if (dist.emplace(w, depth + 1).second) next.push_back(w);
      }
    }
    frontier = std::move(next);
  }
  return dist.count(t) ? dist[t] : -1;
}

// A path as comparable data: (edge key, forward) per hop.
using HopSequence = std::vector<std::pair<EdgeKey, bool>>;

inline HopSequence Hops(const Path& path) {
  HopSequence hops;
  for (const PathHop& hop : path.hops) hops.push_back({hop.edge, hop.forward});
  return hops;
}

// Every simple path from s to t within options.max_hops.
inline std::vector<HopSequence> RefSimplePaths(const TestGraph& graph, NodeId s, NodeId t,
                                               const PathOptions& options) {
  std::vector<HopSequence> paths;
  HopSequence current;
  std::set<NodeId> on_path = {s};
  std::function<void(NodeId)> walk = [&](NodeId u) {
    if (u == t) {
      paths.push_back(current);
      return;
    }
    if (current.size() == options.max_hops) return;
    for (const auto& [w, step] : RefSteps(graph, u, s, t, options)) {
      if (on_path.count(w)) continue;
      on_path.insert(w);
      current.push_back({step.edge->key, step.forward});
      walk(w);
      current.pop_back();
      on_path.erase(w);
    }
  };
  walk(s);
  return paths;
}

// "" when `path` is a valid walk from s to t under `options`, else what is wrong.
inline std::string CheckPath(const TestGraph& graph, NodeId s, NodeId t, const PathOptions& options,
                             const Path& path) {
  if (path.nodes.size() != path.hops.size() + 1) return "nodes and hops disagree";
  if (path.nodes.front() != s || path.nodes.back() != t) return "wrong endpoints";
  if (path.hops.size() > options.max_hops) return "too many hops";
  std::set<NodeId> distinct(path.nodes.begin(), path.nodes.end());
  if (distinct.size() != path.nodes.size()) return "node repeated";
  for (std::size_t i = 0; i < path.hops.size(); ++i) {
    const PathHop& hop = path.hops[i];
    if (hop.from != path.nodes[i] || hop.to != path.nodes[i + 1]) return "hop endpoints wrong";
    const Edge* edge = graph.FindEdge(hop.edge);
    if (edge == nullptr) return "hop edge not in graph";
    const bool forward_ok =
        hop.forward && edge->key.source == hop.from && edge->key.target == hop.to;
    const bool backward_ok =
        !hop.forward && edge->key.target == hop.from && edge->key.source == hop.to;
    if (!forward_ok && !backward_ok) return "hop orientation wrong";
    if (options.directed && !hop.forward && !IsSymmetric(edge->key.relation))
      return "walked backward";
    if (!RefEdgeOk(*edge, options)) return "edge rejected by filter";
    if (hop.to != t && !RefNodeOk(graph, hop.to, options)) return "node rejected by filter";
  }
  return "";
}

// ---- Index contents as comparable data. ----

using EntryDump = std::tuple<NodeId, RelationId, int, int, std::uint32_t, DateKey, DateKey>;
struct IndexDump {
  std::map<NodeId, NodeKind> kinds;
  std::map<NodeId, std::vector<EntryDump>> lists;
  friend bool operator==(const IndexDump&, const IndexDump&) = default;
};

inline void PrintTo(const IndexDump& dump, std::ostream* os) {
  for (const auto& [id, list] : dump.lists) {
    *os << "\n  " << id << " (kind " << static_cast<int>(dump.kinds.at(id)) << "):";
    for (const EntryDump& e : list) {
      *os << " [" << std::get<0>(e) << " r" << std::get<1>(e) << " f" << std::get<2>(e) << " s"
          << std::get<3>(e) << " n" << std::get<4>(e) << " " << std::get<5>(e) << ".."
          << std::get<6>(e) << "]";
    }
  }
}

// Everything the index holds, by node id (independent of vertex numbering).
inline IndexDump Dump(const AdjacencyIndex& index) {
  IndexDump dump;
  for (VertexIndex v = 0; v < index.num_vertices(); ++v) {
    const NodeId id = index.node_id(v);
    if (!index.live(v)) {  // removed by a correction: neither found nor reached
      EXPECT_EQ(index.Find(id), std::nullopt);
      EXPECT_EQ(index.Adjacent(v).size, 0U);
      continue;
    }
    EXPECT_EQ(index.Find(id), v);
    dump.kinds[id] = index.kind(v);
    std::vector<EntryDump>& list = dump.lists[id];
    const AdjacencySpan span = index.Adjacent(v);
    for (std::uint32_t i = 0; i < span.size; ++i) {
      const AdjacencyHot& hot = span.hot[i];
      list.emplace_back(index.node_id(hot.neighbor), hot.relation, hot.flags,
                        static_cast<int>(hot.status), span.cold[i].source_count,
                        span.cold[i].first_seen, span.cold[i].last_seen);
      if (i > 0) {  // lists stay sorted by neighbour vertex
        EXPECT_LE(span.hot[i - 1].neighbor, hot.neighbor);
      }
    }
    std::sort(list.begin(), list.end());  // vertex order may differ from id order
  }
  return dump;
}

// A GraphSnapshot over a TestGraph (only the methods the index uses).
class FakeSnapshot : public GraphSnapshot {
 public:
  explicit FakeSnapshot(TestGraph graph, std::map<NodeId, std::vector<EdgeKey>> doc_edges = {})
      : graph_(std::move(graph)), doc_edges_(std::move(doc_edges)) {}

  Result<Node> GetNode(NodeId id) const override {
    for (const Node& node : graph_.nodes) {
      if (node.id == id) return node;
    }
    return Status::NotFound("no node " + std::to_string(id));
  }
  Result<Document> GetDocument(NodeId, bool) const override { return Unsupported(); }
  Result<std::optional<NodeId>> FindDocumentByHash(std::string_view) const override {
    return Unsupported();
  }
  Result<Edge> GetEdge(const EdgeKey& key) const override {
    const Edge* edge = graph_.FindEdge(key);
    if (edge == nullptr) return Status::NotFound("no edge");
    return *edge;
  }
  Status ForEachNeighbor(NodeId, std::optional<Direction>, std::optional<RelationId>,
                         const std::function<bool(const AdjacencyEntry&)>&) const override {
    return Unsupported();
  }
  Result<std::vector<Evidence>> GetEvidence(const EdgeKey&) const override { return Unsupported(); }
  Result<std::vector<EdgeKey>> GetDocumentEdges(NodeId document) const override {
    auto it = doc_edges_.find(document);
    return it == doc_edges_.end() ? std::vector<EdgeKey>{} : it->second;
  }
  Result<std::vector<LiteralFact>> GetLiterals(NodeId) const override { return Unsupported(); }
  Result<std::vector<LiteralFact>> GetDocumentLiterals(NodeId) const override {
    return Unsupported();
  }
  Result<std::vector<NodeId>> LookupNameKey(std::string_view) const override {
    return Unsupported();
  }
  Status ForEachNameKey(std::string_view,
                        const std::function<bool(std::string_view, NodeId)>&) const override {
    return Unsupported();
  }
  Status ForEachNode(const std::function<bool(const Node&)>& fn) const override {
    for (const Node& node : graph_.nodes) {
      if (!fn(node)) break;
    }
    return Status::Ok();
  }
  Status ForEachEdge(const std::function<bool(const Edge&)>& fn) const override {
    for (const Edge& edge : graph_.edges) {
      if (!fn(edge)) break;
    }
    return Status::Ok();
  }
  Status ForEachDocument(bool, const std::function<bool(const Document&)>&) const override {
    return Unsupported();
  }
  Result<StoreStats> GetStats() const override { return Unsupported(); }
  Result<std::vector<Correction>> ListCorrections(NodeId) const override { return Unsupported(); }
  Result<Correction> GetCorrection(std::uint64_t) const override { return Unsupported(); }
  Result<std::optional<NodeId>> FollowRedirect(NodeId) const override {
    return std::optional<NodeId>();
  }

 private:
  static Status Unsupported() { return Status::Internal("not supported by FakeSnapshot"); }
  TestGraph graph_;
  std::map<NodeId, std::vector<EdgeKey>> doc_edges_;
};

}  // namespace presskg::graph::testing
