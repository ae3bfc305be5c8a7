// libFuzzer target: the curated statements importer (TSV) on arbitrary bytes. ParseStatements
// must return a graph or an error, never crash; every fact and literal of a graph must point at
// one of its entities, each with a valid UTF-8 name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "graph/document_graph.h"
#include "graph/text_util.h"
#include "ingest/statements/statement_importer.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

// Loads the resolution tables (the gazetteer) once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)presskg::ingest::ParseStatements("warm-up.tsv", "AVL Maroc\tsubsidiary_of\tAVL France\n");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  const auto graph = presskg::ingest::ParseStatements("fuzz.tsv", content);
  if (!graph.ok()) return 0;
  const std::size_t entities = graph->entities.size();
  for (const auto& entity : graph->entities) {
    Check(!entity.name.empty() && presskg::IsValidUtf8(entity.name));
  }
  for (const auto& fact : graph->facts) {
    Check(fact.subject < entities || fact.subject == presskg::graph::kThisDocument);
    Check(fact.object < entities || fact.object == presskg::graph::kThisDocument);
  }
  for (const auto& literal : graph->literals) {
    Check(literal.subject < entities || literal.subject == presskg::graph::kThisDocument);
  }
  return 0;
}
