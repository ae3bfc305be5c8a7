#pragma once

// Test support for the graph store: damage a store on purpose, generate documents, and check a
// snapshot's invariants through the public API. Used by tests and benchmarks only.

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/document_graph.h"
#include "graph/graph_store.h"
#include "graph/status.h"

namespace presskg::graph::testing {

// Opens the store at `path` (which must open cleanly) and overwrites meta key `key` with `value`,
// e.g. ("schema_version", "999"). Errors as GraphStore::Open.
Status OverwriteMetaForTesting(const std::string& path, std::string_view key,
                               std::string_view value);

struct SyntheticOptions {
  int organizations = 150;  // size of the shared entity pools
  int persons = 60;
  int min_facts = 5;
  int max_facts = 20;
};

// A deterministic pseudo-random document, the same for the same (seed, index). Entities come
// from shared pools (match key == name, e.g. "org-17", "person-3"), so documents share nodes
// and edges; facts mix directed and symmetric relations, person -quoted_in-> the document,
// the document -mentions-> an entity, and every status; a few literals are attached.
DocumentGraph SyntheticDocument(std::uint64_t seed, std::uint64_t index,
                                const SyntheticOptions& options = {});

// Checks the invariants of every committed state, by a full scan of `snapshot`:
//  - each document's doc_facts edges exist with both adjacency keys and evidence from it, and
//    its literals exist;
//  - each edge has evidence, all from existing documents that list the edge; source_count is
//    the number of distinct documents, evidence_count the number of records; status is the
//    strongest evidence status; symmetric edges are stored once, with source <= target;
//  - the adjacency index holds exactly the two keys of each edge, between existing nodes;
//  - every counter of GetStats equals the count found by the scan.
// Returns Corruption naming the first violation, or the error of a failed read.
Status CheckStoreInvariants(const GraphSnapshot& snapshot);

}  // namespace presskg::graph::testing
