// Query engine benchmark: builds an AdjacencyIndex over a Chung-Lu power-law graph with the bulk
// builder, then times 1-hop neighbours and point-to-point shortest paths.
//
//   query_engine_bench [--nodes N] [--edges M] [--exponent G] [--seed S] [--queries Q]
//
// Defaults: 1,000,000 nodes, 10,000,000 distinct edges, exponent 2.3, seed 42, 1000 queries.
// Everything is seeded: two runs build the same graph and ask the same queries.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "graph/query/adjacency_index.h"
#include "graph/query/k_shortest_paths.h"
#include "graph/query/neighbors.h"
#include "graph/query/shortest_path.h"

namespace presskg::graph {
namespace {

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

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of the calling thread: unlike wall time, not inflated when the cores are shared.
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Wall and thread-CPU durations of a sequence of operations.
struct Samples {
  std::vector<double> wall;
  std::vector<double> cpu;
  template <typename Fn>
  void Time(Fn&& fn) {
    const double cpu_start = ThreadCpuSeconds();
    const auto wall_start = std::chrono::steady_clock::now();
    fn();
    wall.push_back(Seconds(wall_start));
    cpu.push_back(ThreadCpuSeconds() - cpu_start);
  }
};

// "VmRSS" or "VmHWM" of this process, in MiB.
double ProcStatusMiB(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0)
      return std::strtod(line.c_str() + std::strlen(field) + 1, nullptr) / 1024.0;
  }
  return -1;
}

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

// Chung-Lu: node i has weight (i + 1)^(-1 / (exponent - 1)); both endpoints of each edge are drawn
// proportionally to weight, so degrees follow a power law with that exponent. Relations are the
// first 8 of the schema (3 of them symmetric); duplicates and self-loops are redrawn.
std::vector<IndexEdge> ChungLuEdges(const Flags& flags) {
  std::vector<double> weights(flags.nodes);
  for (std::uint32_t i = 0; i < flags.nodes; ++i) {
    weights[i] = std::pow(static_cast<double>(i) + 1.0, -1.0 / (flags.exponent - 1.0));
  }
  const AliasTable table(weights);
  const RelationSchema& schema = RelationSchema::Builtin();
  std::mt19937_64 rng(flags.seed);
  std::vector<IndexEdge> edges;
  edges.reserve(flags.edges);
  auto key = [](const IndexEdge& e) { return std::make_tuple(e.source, e.target, e.relation); };
  while (edges.size() < flags.edges) {
    while (edges.size() < flags.edges) {
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
      edge.status = rng() % 10 == 0 ? FactStatus::kPlanned : FactStatus::kStated;
      edges.push_back(edge);
    }
    std::sort(edges.begin(), edges.end(),
              [&](const IndexEdge& a, const IndexEdge& b) { return key(a) < key(b); });
    edges.erase(
        std::unique(edges.begin(), edges.end(),
                    [&](const IndexEdge& a, const IndexEdge& b) { return key(a) == key(b); }),
        edges.end());
  }
  std::shuffle(edges.begin(), edges.end(), rng);  // the builder must not rely on sorted input
  return edges;
}

struct Percentiles {
  double p50_ms = 0;
  double p95_ms = 0;
  double max_ms = 0;
};

Percentiles Summarise(std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  auto at = [&](double q) {
    return seconds[std::min(seconds.size() - 1, static_cast<std::size_t>(q * seconds.size()))] *
           1e3;
  };
  return {at(0.50), at(0.95), seconds.back() * 1e3};
}

// "p50 0.0123 ms, p95 0.2345 ms, max 1.234 ms (thread CPU: p50 ..., p95 ...)"
std::string Describe(const Samples& samples) {
  const Percentiles wall = Summarise(samples.wall);
  const Percentiles cpu = Summarise(samples.cpu);
  char text[200];
  std::snprintf(text, sizeof(text),
                "p50 %.4f ms, p95 %.4f ms, max %.3f ms (thread CPU: p50 %.4f ms, p95 %.4f ms)",
                wall.p50_ms, wall.p95_ms, wall.max_ms, cpu.p50_ms, cpu.p95_ms);
  return text;
}

int Run(const Flags& flags) {
  std::printf("graph: Chung-Lu, %u nodes, %llu edges, exponent %.2f, seed %u\n", flags.nodes,
              static_cast<unsigned long long>(flags.edges), flags.exponent, flags.seed);
  auto start = std::chrono::steady_clock::now();
  std::vector<IndexEdge> edges = ChungLuEdges(flags);
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
