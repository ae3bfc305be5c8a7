#include "bench/graph_gen.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <tuple>

#include "graph/relation_schema.h"

namespace presskg::bench {
namespace {

using graph::DateKey;
using graph::IndexEdge;
using graph::RelationId;

// Vose's alias table: O(1) sampling of an index proportionally to `weights`.
class AliasTable {
 public:
  explicit AliasTable(const std::vector<double>& weights)
      : probability_(weights.size()), alias_(weights.size()) {
    const std::size_t n = weights.size();
    double total = 0;
    for (double w : weights) total += w;
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small;
    std::vector<std::uint32_t> large;
    for (std::size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / total;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back();
      small.pop_back();
      const std::uint32_t l = large.back();
      probability_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (std::uint32_t i : small) probability_[i] = 1.0;
    for (std::uint32_t i : large) probability_[i] = 1.0;
  }

  std::uint32_t Sample(std::mt19937_64& rng) const {
    const auto i = static_cast<std::uint32_t>(rng() % probability_.size());
    return std::uniform_real_distribution<double>(0, 1)(rng) < probability_[i] ? i : alias_[i];
  }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace

std::vector<IndexEdge> ChungLuEdges(const GraphGenOptions& options) {
  std::vector<double> weights(options.nodes);
  for (std::uint32_t i = 0; i < options.nodes; ++i) {
    weights[i] = std::pow(static_cast<double>(i) + 1.0, -1.0 / (options.exponent - 1.0));
  }
  const AliasTable table(weights);
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  std::mt19937_64 rng(options.seed);
  std::vector<IndexEdge> edges;
  edges.reserve(options.edges);
  auto key = [](const IndexEdge& e) { return std::make_tuple(e.source, e.target, e.relation); };
  while (edges.size() < options.edges) {
    while (edges.size() < options.edges) {
      IndexEdge edge;
      edge.source = table.Sample(rng) + 1;  // node ids 1..N
      edge.target = table.Sample(rng) + 1;
      if (edge.source == edge.target) continue;
      edge.relation = static_cast<RelationId>(1 + rng() % 8);
      if (schema.Get(edge.relation)->symmetric && edge.source > edge.target) {
        std::swap(edge.source, edge.target);
      }
      edge.source_count = 1 + static_cast<std::uint32_t>(rng() % 5);
      const auto year = static_cast<DateKey>(2015 + rng() % 10);
      edge.first_seen = year * 10000 + 100 * (1 + rng() % 12) + 1 + rng() % 28;
      edge.last_seen = edge.first_seen + static_cast<DateKey>(10000 * (rng() % 2));
      edge.status = rng() % 10 == 0 ? graph::FactStatus::kPlanned : graph::FactStatus::kStated;
      edges.push_back(edge);
    }
    std::sort(edges.begin(), edges.end(),
              [&](const IndexEdge& a, const IndexEdge& b) { return key(a) < key(b); });
    edges.erase(
        std::unique(edges.begin(), edges.end(),
                    [&](const IndexEdge& a, const IndexEdge& b) { return key(a) == key(b); }),
        edges.end());
  }
  std::shuffle(edges.begin(), edges.end(), rng);  // consumers must not rely on sorted input
  return edges;
}

}  // namespace presskg::bench
