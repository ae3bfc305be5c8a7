#pragma once

#include "graph/document_graph.h"
#include "graph/status.h"
#include "ingest/raw_document.h"

namespace presskg::ingest {

// Turns a French or English press release into entities and typed facts with evidence, ready
// for GraphStore::CommitDocument. Every entity the document names gets a `mentions` fact (the
// document as subject); persons quoted get `quoted_in` with the document (kThisDocument) as
// object and properties.quote. Negated, modal and former statements come out with status
// denied / planned, or not at all. Evidence offsets are code points of the sentence in
// `doc.text`; evidence.rule names the rule ("fr.subsidiary_of.apposition").
// `doc.lang` selects the rules ("fr" / "en"); when empty the language is detected.
// InvalidArgument when `doc.text` is empty. Thread-safe: the rule tables are immutable.
Result<graph::DocumentGraph> ExtractDocument(const RawDocument& doc);

}  // namespace presskg::ingest
