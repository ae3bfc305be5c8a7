#pragma once

// `presskg check`: verifies the invariants of a store by a full scan of its column families.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/status.h"

namespace presskg::graph {

// One violated invariant.
struct StoreProblem {
  std::string kind;     // e.g. "missing_adjacency", "counter_mismatch" (see store_check.cc)
  std::string key;      // "<column family>/<hex key>" of the offending key
  std::string message;  // human-readable, with the node, edge or document ids involved
};

// What a check found. Sound when `problem_count` is 0.
struct StoreCheckReport {
  std::vector<StoreProblem> problems;  // the first StoreCheckOptions::max_problems problems
  std::uint64_t problem_count = 0;     // all problems, listed or not
  // What the scan counted.
  std::uint64_t documents = 0;
  std::uint64_t nodes = 0;
  std::uint64_t edges = 0;
  std::uint64_t adjacency_keys = 0;
  std::uint64_t evidence = 0;
  std::uint64_t literals = 0;
  std::uint64_t name_keys = 0;
  bool sound() const { return problem_count == 0; }
};

struct StoreCheckOptions {
  std::size_t max_problems = 1000;
};

// Opens the store at `path` read-only (it may be open for writing in another process; the check
// sees the state as of the open) and verifies, by a full scan:
//  - every edge has both adjacency keys, every adjacency key has its edge, endpoints are nodes,
//    symmetric edges are stored once (source <= target), relations are known;
//  - every edge has >= 1 evidence record and its evidence count, source count and status agree
//    with them; evidence and literals name existing documents and nodes;
//  - the meta counters equal the scan's counts (documents, nodes per kind, edges per relation,
//    evidence, literals) and every node id is below next_node_id;
//  - every name-index entry points at an existing node and every non-document node is indexed;
//  - every document is whole: metadata, text and document node, its doc_facts entries point at
//    existing edges and literals it gave evidence for (and back), and its content hash is in the
//    doc_index pointing at it (no two documents share a hash).
// Column families the checker does not know are ignored. Errors: those of GraphStore::Open with
// read_only (NotFound when there is no store), or IoError when a scan fails; a damaged value is
// a problem of the report, not an error.
Result<StoreCheckReport> CheckStore(const std::string& path, const StoreCheckOptions& options = {});

}  // namespace presskg::graph
