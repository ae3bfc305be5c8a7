#pragma once

#include <string_view>

#include "graph/document_graph.h"
#include "graph/status.h"

namespace presskg::ingest {

// Parses a file of explicit, curated statements into the graph of one document (the file).
// Format: UTF-8 TSV, one statement a line:
//   subject <TAB> relation <TAB> object [<TAB> subject_kind [<TAB> object_kind]]
// `relation` is a relation id of relations.tsv, or a literal fact type (employees, revenue,
// founded, jobs_created, investment) whose object is an integer. Kinds default to organization
// when the relation allows it, otherwise to the first kind the relation allows. Blank lines and
// lines starting with '#' are skipped. Each statement's evidence is its line (rule
// "import.statement"). InvalidArgument naming the file and line for a malformed line, an
// unknown relation or kind, a kind the relation does not allow, or invalid UTF-8.
Result<graph::DocumentGraph> ParseStatements(std::string_view name, std::string_view content);

}  // namespace presskg::ingest
