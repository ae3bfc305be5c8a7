// libFuzzer target: the bilingual extractor. The first byte picks the language ("fr", "en" or
// detected); the rest, when it is valid UTF-8, is the body of a document that goes through
// BuildDocumentGraph. The graph must be well formed: every fact and literal points at an entity of
// the document (or the document itself), every entity has a name, and every evidence sentence is
// valid UTF-8 with offsets inside the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/document_graph.h"
#include "graph/text_util.h"
#include "ingest/pipeline.h"
#include "ingest/raw_document.h"

namespace {

using presskg::graph::DocumentGraph;
using presskg::graph::EntityIndex;
using presskg::graph::Evidence;

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

void CheckEntity(const DocumentGraph& graph, EntityIndex index) {
  Check(index == presskg::graph::kThisDocument || index < graph.entities.size());
}

void CheckEvidence(const Evidence& evidence, std::size_t body_code_points) {
  Check(presskg::IsValidUtf8(evidence.sentence));
  Check(evidence.start <= evidence.end);
  Check(evidence.end <= body_code_points);
}

}  // namespace

// Loads the rule and resolution tables once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  for (const char* lang : {"fr", "en"}) {
    presskg::ingest::RawDocument doc;
    doc.name = "warm-up.txt";
    doc.lang = lang;
    doc.text = "AVL Maroc, filiale d'AVL France, emploie 250 personnes à Casablanca.";
    (void)presskg::ingest::BuildDocumentGraph(doc);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!presskg::IsValidUtf8(text)) return 0;
  presskg::ingest::RawDocument doc;
  doc.name = "fuzz.txt";
  doc.lang = data[0] % 3 == 0 ? "fr" : data[0] % 3 == 1 ? "en" : "";
  doc.text = std::string(text);
  const auto graph = presskg::ingest::BuildDocumentGraph(doc);
  if (!graph.ok()) return 0;
  const std::size_t code_points = CodePointCount(doc.text);
  for (const auto& entity : graph->entities) {
    Check(!entity.name.empty() && presskg::IsValidUtf8(entity.name));
  }
  for (const auto& fact : graph->facts) {
    CheckEntity(*graph, fact.subject);
    CheckEntity(*graph, fact.object);
    CheckEvidence(fact.evidence, code_points);
  }
  for (const auto& literal : graph->literals) {
    CheckEntity(*graph, literal.subject);
    CheckEvidence(literal.evidence, code_points);
  }
  return 0;
}
