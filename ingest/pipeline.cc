#include "ingest/pipeline.h"

#include "ingest/extract/extractor.h"
#include "ingest/reader/document_bytes.h"

namespace presskg::ingest {

Result<graph::DocumentGraph> BuildDocumentGraph(const RawDocument& raw) {
  PRESSKG_RETURN_IF_ERROR(CheckLineLengths(raw.name, raw.text));
  RawDocument doc = raw;
  FillLanguage(&doc);
  PRESSKG_ASSIGN_OR_RETURN(graph::DocumentGraph graph, ExtractDocument(doc));
  graph.document.name = doc.name;
  graph.document.source = doc.source;
  graph.document.title = doc.title;
  graph.document.date = doc.date;
  graph.document.lang = doc.lang;
  graph.document.url = doc.url;
  graph.document.text = doc.text;
  return graph;
}

}  // namespace presskg::ingest
