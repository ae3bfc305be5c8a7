#pragma once

#include <ostream>

#include "graph/export/export_selection.h"

// One streaming writer per format; each walks `selection` once per pass and writes as it goes.
// Errors: those of the selection, IoError when a stream fails. Internal to graph/export.
namespace presskg::graph {

// GraphML 1.0, valid against graphml.xsd.
Status WriteGraphml(const ExportSelection& selection, std::ostream& out);
// GEXF 1.3, dynamic, with date spells. Walks the edges twice (node spells come from them) and
// keeps one date range per node with dated edges.
Status WriteGexf(const ExportSelection& selection, std::ostream& out);
// nodes.csv and relationships.csv for neo4j-admin database import.
Status WriteCsv(const ExportSelection& selection, std::ostream& nodes, std::ostream& relationships);

// IoError naming `what` when `out` has failed.
Status CheckStream(const std::ostream& out, const char* what);

}  // namespace presskg::graph
