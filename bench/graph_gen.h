#pragma once

// The synthetic graph of the benchmarks (issue 5): Chung-Lu power law, fixed seed.

#include <cstdint>
#include <vector>

#include "graph/query/adjacency_index.h"

namespace presskg::bench {

struct GraphGenOptions {
  std::uint32_t nodes = 1'000'000;
  std::uint64_t edges = 10'000'000;
  double exponent = 2.3;
  std::uint32_t seed = 42;
};

// Chung-Lu: node i (ids 1..N) has weight i^(-1 / (exponent - 1)); both endpoints of each edge
// are drawn proportionally to weight, so degrees follow a power law with that exponent (node 1
// is the biggest hub). Relations are the first 8 of the builtin schema (3 of them symmetric,
// stored with source < target); duplicate keys and self-loops are redrawn, so exactly
// options.edges distinct edges come out, in a seeded random order. Each edge also gets a source
// count, dates and a status, for the filters. Deterministic for given options.
// Precondition: nodes >= 2, exponent > 1, and edges well below the number of possible keys.
std::vector<graph::IndexEdge> ChungLuEdges(const GraphGenOptions& options);

}  // namespace presskg::bench
