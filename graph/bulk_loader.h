#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace presskg::graph {

// One node of a bulk load. Node `i` of BulkGraph::nodes gets id i + 2 (the synthetic document
// takes id 1, as a document committed first would).
struct BulkNode {
  NodeKind kind = NodeKind::kOrganization;  // any kind but kDocument
  std::string name;                         // label, and the node's one alias
  std::string lang;                         // language of `name`: "fr", "en" or ""
  std::string label_fr;
  std::string label_en;
  // Keys of the names index, as the normal path computes them (ingest::MatchKeys); indexed as
  // given. Nodes that share a key are not merged: the caller gives distinct entities.
  std::vector<std::string> name_keys;
};

// One edge of a bulk load, between positions in BulkGraph::nodes. A symmetric relation may be
// given either way round (it is stored with source < target). The same edge given twice becomes
// one edge with two evidence records, as two facts of one document would.
struct BulkEdge {
  std::uint64_t source = 0;
  std::uint64_t target = 0;
  RelationId relation = 0;
  FactStatus status = FactStatus::kStated;
  float confidence = 1.0F;
};

struct BulkGraph {
  std::vector<BulkNode> nodes;
  std::vector<BulkEdge> edges;
};

struct BulkLoadOptions {
  // The synthetic document every edge's evidence points at; it becomes node 1.
  std::string document_name = "bulk-import";
  std::string document_title = "Bulk import";
  std::string document_date;         // ISO date given to the document and every evidence record
  std::string rule = "bulk_import";  // Evidence::rule of every evidence record
  // SST files of one column family are cut at about this size or this many entries, whichever
  // comes first. The entry cap keeps each file's bloom filter (about 1.25 bytes per key) and
  // index small enough for one shard of the store's block cache (4 MiB): a larger filter block
  // cannot stay cached and is read from disk on every lookup.
  std::uint64_t sst_file_bytes = std::uint64_t{64} << 20;
  std::uint64_t sst_file_entries = 1'000'000;
};

struct BulkLoadResult {
  NodeId first_node = 2;       // id of BulkGraph::nodes[0]; nodes[i] has id first_node + i
  NodeId document = 1;         // id of the synthetic document
  std::uint64_t nodes = 0;     // nodes written, the document included
  std::uint64_t edges = 0;     // distinct edges written
  std::uint64_t evidence = 0;  // evidence records written (one per BulkEdge)
  std::uint64_t name_keys = 0;
};

// Creates a new store at `path` holding `graph`: nodes, names index, both adjacency keys per
// edge, edges, one evidence record per BulkEdge citing a synthetic document, doc_facts, the
// document and its hash index, and every counter. The keys and values are exactly those that
// committing the graph to a new store as one document through GraphStore::CommitDocument writes
// (each node an entity with match_keys = name_keys, each edge a fact whose evidence carries only
// status, confidence, rule and date, the document's text "Bulk import of N nodes and M edges."),
// but they are written as sorted SST files and ingested into RocksDB, with no write-ahead log and
// no read-before-write. The store then opens with GraphStore::Open like any other.
// Every column family is ingested in one atomic step (DB::IngestExternalFiles), so a load that
// fails leaves the new store empty and may simply be run again.
// Errors: InvalidArgument for an edge endpoint out of range, an unknown relation or status, a
// node of kind document, or 2^32 edges or more (nothing is written then); FailedPrecondition when
// `path` already holds a store with nodes, edges or documents, or is a non-empty directory that
// is not a store; the errors of GraphStore::Open; IoError when writing or ingesting fails.
// Thread safety: opens the store exclusively (RocksDB's lock) for the duration of the call.
Result<BulkLoadResult> BulkLoad(const std::string& path, const BulkGraph& graph,
                                const BulkLoadOptions& options = {});

}  // namespace presskg::graph
