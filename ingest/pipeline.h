#pragma once

#include "graph/document_graph.h"
#include "graph/status.h"
#include "ingest/raw_document.h"

namespace presskg::ingest {

// The graph one document contributes: the extracted entities and facts plus the document's
// metadata and text, ready for GraphStore::CommitDocument. Errors as ExtractDocument.
Result<graph::DocumentGraph> BuildDocumentGraph(const RawDocument& doc);

}  // namespace presskg::ingest
