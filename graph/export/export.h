#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

// Exports of the graph for Gephi, networkx, igraph (GraphML, GEXF) and Neo4j (CSV for
// `neo4j-admin database import`).
//
// Every writer streams: the whole graph is read with ForEachNode / ForEachEdge and written as it
// is read, so memory does not grow with the number of edges. (Boost.Graph's write_graphml is not
// used: it needs the whole graph in an adjacency_list in memory, and one streaming writer serves
// the whole graph and filtered subgraphs alike, with identical output.)
//
// Shared conventions:
//  - Node ids are the presskg node ids in decimal ("42"); edge ids are
//    "<source>-<relation>-<target>" ("42-subsidiary_of-17"), unique because the store keys edges
//    by (source, relation, target).
//  - The graph is directed. A symmetric relation (partner_of, merged_with, ...) is written once,
//    as the store keeps it (source id < target id), with `symmetric` = true: readers that want
//    both directions add the reverse edge themselves.
//  - Text is cleaned before it is written: invalid UTF-8 becomes U+FFFD and characters XML 1.0
//    forbids (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
//    are dropped, in every format, so the three formats carry the same values.
//  - Empty strings and absent values are not written (no `data` element, empty CSV field).
namespace presskg::graph {

enum class ExportFormat : std::uint8_t { kGraphml, kGexf, kCsv };

// "graphml", "gexf", "csv".
std::string_view ExportFormatName(ExportFormat format);
// Inverse of ExportFormatName; nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// What to export. With neither list the whole graph is streamed. Otherwise (a query result: an
// ego network, a set of paths, ...):
//  - nodes only: those nodes and every edge between two of them;
//  - edges only: those edges and their endpoints;
//  - both: the listed edges, and the listed nodes plus the endpoints of the listed edges.
// Without `include_documents`, document nodes, `mentions` and `quoted_in` edges and any edge
// touching a document node are left out, even when listed.
struct ExportFilter {
  std::optional<std::vector<NodeId>> nodes;
  std::optional<std::vector<EdgeKey>> edges;
  bool include_documents = false;
};

// Writes the selected graph to `out` as GraphML or GEXF 1.3. InvalidArgument for kCsv (two files:
// use ExportCsv or ExportGraphToPath); NotFound when the filter names a missing node or edge;
// IoError when `out` fails; store errors as returned by the snapshot. On error `out` may hold a
// partial document.
Status ExportGraph(const GraphSnapshot& snapshot, ExportFormat format, const ExportFilter& filter,
                   std::ostream& out);

// Writes the two CSV files of `neo4j-admin database import` to two streams; errors as
// ExportGraph.
Status ExportCsv(const GraphSnapshot& snapshot, const ExportFilter& filter, std::ostream& nodes,
                 std::ostream& relationships);

// Writes `path`: a file for GraphML and GEXF; for CSV a directory (created when missing) that
// receives nodes.csv and relationships.csv. IoError naming the file that cannot be written;
// otherwise errors as ExportGraph.
Status ExportGraphToPath(const GraphSnapshot& snapshot, ExportFormat format,
                         const ExportFilter& filter, const std::string& path);

}  // namespace presskg::graph
