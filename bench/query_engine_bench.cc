// Query engine benchmark: builds an AdjacencyIndex over a Chung-Lu power-law graph with the bulk
// builder, then times 1-hop neighbours and point-to-point shortest paths.
//
//   query_engine_bench [--nodes N] [--edges M] [--exponent G] [--seed S] [--queries Q]
//
// Defaults: 1,000,000 nodes, 10,000,000 distinct edges, exponent 2.3, seed 42, 1000 queries.
// Everything is seeded: two runs build the same graph and ask the same queries.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_stats.h"
#include "bench/graph_gen.h"
#include "graph/query/adjacency_index.h"
#include "graph/query/k_shortest_paths.h"
#include "graph/query/neighbors.h"
#include "graph/query/shortest_path.h"

namespace presskg::graph {
namespace {

using bench::Describe;
using bench::ProcStatusMiB;
using bench::Samples;
using bench::Seconds;
using bench::ThreadCpuSeconds;

struct Flags {
  std::uint32_t nodes = 1'000'000;
  std::uint64_t edges = 10'000'000;
  double exponent = 2.3;
  std::uint32_t seed = 42;
  std::uint32_t queries = 1000;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--nodes") {
      flags.nodes = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else if (name == "--edges") {
      flags.edges = std::strtoull(value, nullptr, 10);
    } else if (name == "--exponent") {
      flags.exponent = std::strtod(value, nullptr);
    } else if (name == "--seed") {
      flags.seed = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else if (name == "--queries") {
      flags.queries = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && flags.nodes >= 2 && flags.exponent > 1.0 && flags.queries > 0;
}

int Run(const Flags& flags) {
  std::printf("graph: Chung-Lu, %u nodes, %llu edges, exponent %.2f, seed %u\n", flags.nodes,
              static_cast<unsigned long long>(flags.edges), flags.exponent, flags.seed);
  auto start = std::chrono::steady_clock::now();
  std::vector<IndexEdge> edges =
      bench::ChungLuEdges({flags.nodes, flags.edges, flags.exponent, flags.seed});
  std::printf("generate: %.2f s\n", Seconds(start));

  start = std::chrono::steady_clock::now();
  const double build_cpu_start = ThreadCpuSeconds();
  AdjacencyIndex::Builder builder;
  builder.Reserve(flags.nodes, edges.size());
  for (std::uint32_t i = 0; i < flags.nodes; ++i) {
    builder.AddNode(i + 1, i % 20 == 0 ? NodeKind::kPlace : NodeKind::kOrganization);
  }
  for (const IndexEdge& edge : edges) builder.AddEdge(edge);
  std::vector<IndexEdge>().swap(edges);
  Result<AdjacencyIndex> built = std::move(builder).Build();
  if (!built.ok()) {
    std::fprintf(stderr, "build failed: %s\n", built.status().ToString().c_str());
    return 1;
  }
  const double build_seconds = Seconds(start);
  const double build_cpu_seconds = ThreadCpuSeconds() - build_cpu_start;
  const AdjacencyIndex& index = *built;
  std::uint32_t max_degree = 0;
  for (VertexIndex v = 0; v < index.num_vertices(); ++v) {
    max_degree = std::max(max_degree, index.degree(v));
  }
  std::printf(
      "build (bulk builder, from edge list): %.2f s wall, %.2f s CPU; %u vertices, %llu edges, "
      "max degree %u\n",
      build_seconds, build_cpu_seconds, index.num_vertices(),
      static_cast<unsigned long long>(index.num_edges()), max_degree);
  std::printf("memory: index arrays %.0f MiB; process VmRSS %.0f MiB, VmHWM (peak) %.0f MiB\n",
              static_cast<double>(index.memory_bytes()) / (1 << 20), ProcStatusMiB("VmRSS"),
              ProcStatusMiB("VmHWM"));

  std::mt19937_64 rng(flags.seed + 1);
  auto random_node = [&] { return static_cast<NodeId>(1 + rng() % flags.nodes); };

  // Warm-up: the first query of a thread sizes its scratch arrays.
  (void)ShortestPath(index, 1, 2);

  Samples neighbor_samples;
  std::uint64_t returned = 0;
  std::uint64_t total = 0;
  NeighborOptions neighbor_options;  // depth 1, both directions, first page of 100
  for (std::uint32_t q = 0; q < flags.queries; ++q) {
    const NodeId node = random_node();
    Result<NeighborPage> page = NeighborPage{};
    neighbor_samples.Time([&] { page = Neighbors(index, node, neighbor_options); });
    if (!page.ok()) return 1;
    returned += page->nodes.size();
    total += page->total;
  }
  std::printf("neighbours depth 1 (page of 100): %s; mean %.1f neighbours, %.1f returned\n",
              Describe(neighbor_samples).c_str(), static_cast<double>(total) / flags.queries,
              static_cast<double>(returned) / flags.queries);

  std::vector<std::pair<NodeId, NodeId>> pairs;
  for (std::uint32_t q = 0; q < flags.queries; ++q) {
    pairs.emplace_back(random_node(), random_node());
  }
  auto time_paths = [&](const char* label, const PathOptions& options) {
    Samples samples;
    std::uint32_t found = 0;
    std::uint64_t hops = 0;
    for (const auto& [s, t] : pairs) {
      Result<std::optional<Path>> path = std::optional<Path>();
      samples.Time([&] { path = ShortestPath(index, s, t, options); });
      if (path.ok() && path->has_value()) {
        ++found;
        hops += (*path)->hops.size();
      }
    }
    std::printf("shortest path, %s: %s; %u/%zu found, mean %.2f hops\n", label,
                Describe(samples).c_str(), found, pairs.size(),
                found > 0 ? static_cast<double>(hops) / found : 0.0);
  };
  time_paths("undirected (default options)", PathOptions{});
  PathOptions directed;
  directed.directed = true;
  time_paths("directed", directed);
  PathOptions no_hubs;
  no_hubs.max_degree = 1000;
  time_paths("undirected, hubs > 1000 excluded", no_hubs);
  PathOptions as_of;
  as_of.as_of = "2019-12-31";
  time_paths("undirected, as of 2019-12-31", as_of);

  Samples k_samples;
  const std::size_t k_pairs = std::min<std::size_t>(pairs.size(), 100);
  for (std::size_t q = 0; q < k_pairs; ++q) {
    k_samples.Time([&] { (void)KShortestPaths(index, pairs[q].first, pairs[q].second, 5); });
  }
  std::printf("k shortest paths (k = 5, first %zu pairs): %s\n", k_pairs,
              Describe(k_samples).c_str());
  std::printf("final VmRSS %.0f MiB, VmHWM %.0f MiB\n", ProcStatusMiB("VmRSS"),
              ProcStatusMiB("VmHWM"));
  return 0;
}

}  // namespace
}  // namespace presskg::graph

int main(int argc, char** argv) {
  presskg::graph::Flags flags;
  if (!presskg::graph::ParseFlags(argc, argv, flags)) {
    std::fprintf(stderr,
                 "usage: query_engine_bench [--nodes N] [--edges M] [--exponent G] [--seed S] "
                 "[--queries Q]\n");
    return 2;
  }
  return presskg::graph::Run(flags);
}
