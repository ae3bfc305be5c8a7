#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/document_graph.h"

namespace presskg::ingest {

// A stable id for an entity in `presskg extract` output: kind prefix and a slug of its name key,
// e.g. "org:avl-maroc", "person:r-mezzour", "place:maroc", "doc:avl-maroc-fr-txt".
std::string StatementEntityId(graph::NodeKind kind, const std::string& name);

// The statements of one extracted document, one JSON object per fact and literal, in the format
// of schema/statements.md: doc, lang, subject {id,name,kind[,aliases]}, relation,
// object {id,name,kind} (absent for literal facts, which carry `value`), properties, status,
// confidence, evidence {sentence,start,end,rule}. `mentions` facts are left out unless
// `with_mentions`.
std::vector<nlohmann::json> StatementsOf(const graph::DocumentGraph& doc, bool with_mentions);

}  // namespace presskg::ingest
