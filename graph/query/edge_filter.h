#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"

namespace presskg::graph {

// Restricts which edges and nodes a traversal may use. A traversal never crosses an edge or
// enters a node the filter rejects, so the filter shapes what is reachable, not only what is
// returned. The start node (and a path's end node) is exempt from the node rules. Empty lists
// and empty strings mean "no restriction".
struct EdgeFilter {
  std::vector<RelationId> relations;  // only these relations
  std::vector<RelationId> excluded_relations;
  std::vector<NodeKind> node_kinds;  // only nodes of these kinds
  std::vector<NodeKind> excluded_node_kinds;
  std::vector<FactStatus> statuses;  // only edges with one of these statuses
  std::uint32_t min_sources = 0;     // only edges seen in at least this many documents
  // Inclusive ISO bounds ("2022", "2022-12", "2022-12-01") on the edge's first and last evidence
  // dates; a month or year bound includes all of it.
  std::string first_seen_from;
  std::string first_seen_to;
  std::string last_seen_from;
  std::string last_seen_to;
  // Whether an edge without any dated evidence passes the date bounds (when any is set).
  bool include_undated = false;
};

}  // namespace presskg::graph
