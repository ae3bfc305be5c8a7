#include "graph/query/k_shortest_paths.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "graph/query/traversal.h"

namespace presskg::graph {

using internal::DenseHop;

namespace {

// Orders candidates: fewer hops first, then by node ids along the path, then by relations.
struct CandidateLess {
  const AdjacencyIndex& index;
  bool operator()(const std::vector<DenseHop>& a, const std::vector<DenseHop>& b) const {
    if (a.size() != b.size()) return a.size() < b.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
      auto key = [&](const DenseHop& hop) {
        return std::make_tuple(index.node_id(hop.to), hop.relation, hop.from_is_source);
      };
      if (key(a[i]) != key(b[i])) return key(a[i]) < key(b[i]);
    }
    return false;
  }
};

}  // namespace

Result<std::vector<Path>> KShortestPaths(const AdjacencyIndex& index, NodeId from, NodeId to,
                                         std::uint32_t k, const PathOptions& options) {
  if (k < 1 || k > kMaxShortestPaths) {
    return Status::InvalidArgument("k must be within 1.." + std::to_string(kMaxShortestPaths));
  }
  PRESSKG_ASSIGN_OR_RETURN(internal::CompiledFilter filter,
                           internal::CompilePathFilter(index, options));
  PRESSKG_ASSIGN_OR_RETURN(auto endpoints, internal::FindEndpoints(index, from, to));
  const auto [s, t] = endpoints;
  internal::Scratch& scratch = internal::Scratch::ForThread(index.num_vertices());

  internal::SearchSpec spec;
  spec.target = t;
  spec.directed = options.directed;
  spec.filter = &filter;
  spec.source = s;
  spec.max_hops = options.max_hops;
  std::optional<std::vector<DenseHop>> first = internal::BidirectionalSearch(index, spec, scratch);
  std::vector<std::vector<DenseHop>> accepted;
  if (first) accepted.push_back(std::move(*first));
  const CandidateLess less{index};
  std::vector<std::vector<DenseHop>> candidates;
  std::vector<internal::DenseEdge> blocked_edges;
  while (!accepted.empty() && accepted.size() < k && !accepted.back().empty()) {
    const std::vector<DenseHop> previous = accepted.back();
    for (std::size_t i = 0; i < previous.size(); ++i) {
      // Spur from the i-th node of the previous path: keep its first i hops (the root), avoid
      // the root's nodes and every next hop an accepted path with the same root took.
      const auto root_end = previous.begin() + static_cast<std::ptrdiff_t>(i);
      blocked_edges.clear();
      for (const std::vector<DenseHop>& path : accepted) {
        if (path.size() > i && std::equal(previous.begin(), root_end, path.begin())) {
          blocked_edges.push_back(internal::EdgeOf(path[i]));
        }
      }
      scratch.NewBlockEpoch();
      for (auto it = previous.begin(); it != root_end; ++it) scratch.Block(it->from);
      spec.source = previous[i].from;
      spec.max_hops = options.max_hops - static_cast<std::uint32_t>(i);
      spec.blocked_edges = &blocked_edges;
      spec.blocked_vertices = true;
      std::optional<std::vector<DenseHop>> spur =
          internal::BidirectionalSearch(index, spec, scratch);
      if (!spur) continue;
      std::vector<DenseHop> candidate(previous.begin(), root_end);
      candidate.insert(candidate.end(), spur->begin(), spur->end());
      if (std::find(accepted.begin(), accepted.end(), candidate) == accepted.end() &&
          std::find(candidates.begin(), candidates.end(), candidate) == candidates.end()) {
        candidates.push_back(std::move(candidate));
      }
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), less);
    accepted.push_back(std::move(*best));
    candidates.erase(best);
  }

  std::vector<Path> paths;
  paths.reserve(accepted.size());
  for (const std::vector<DenseHop>& hops : accepted)
    paths.push_back(internal::MakePath(index, s, hops));
  return paths;
}

}  // namespace presskg::graph
