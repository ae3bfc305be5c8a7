#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/query/edge_filter.h"

namespace presskg::graph {

// Options shared by the path queries.
struct PathOptions {
  // Follow edges from source to target only (symmetric relations still go both ways); by default
  // every edge may be walked either way.
  bool directed = false;
  std::uint32_t max_hops = 6;      // 1..64
  bool include_documents = false;  // let paths pass through document nodes
  bool include_mentions = false;   // let paths use `mentions` edges
  // Do not pass through a node with more adjacency entries than this (hubs); 0: no limit.
  std::uint32_t max_degree = 0;
  // Only edges first seen on or before this ISO date ("2022-12" means the end of December);
  // undated edges pass only when filter.include_undated. "" : no limit.
  std::string as_of;
  EdgeFilter filter;  // further restrictions, applied with the rules above
};
// The two endpoints of a path are exempt from every node rule (kinds, documents, hubs).

// One step of a path.
struct PathHop {
  EdgeKey edge;         // fetch its evidence from the store with this key
  bool forward = true;  // walked from edge.source to edge.target
  NodeId from = 0;
  NodeId to = 0;
  friend bool operator==(const PathHop&, const PathHop&) = default;
};

struct Path {
  std::vector<NodeId> nodes;  // hops.size() + 1 nodes, start first
  std::vector<PathHop> hops;
  friend bool operator==(const Path&, const Path&) = default;
};

}  // namespace presskg::graph
