// libFuzzer target: the document readers (plain text with header lines, HTML, JSON Lines) on
// arbitrary bytes. The first byte picks the reader, the rest is the file content. Every reader
// must return a value or an error, never crash, and every document it returns must hold valid
// UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/raw_document.h"
#include "ingest/reader/document_bytes.h"
#include "ingest/reader/html_reader.h"
#include "ingest/reader/jsonl_reader.h"
#include "ingest/reader/text_reader.h"
#include "graph/text_util.h"

namespace {

using presskg::ingest::RawDocument;

void CheckDocument(const RawDocument& doc) {
  if (!presskg::IsValidUtf8(doc.text) || !presskg::IsValidUtf8(doc.title)) {
    std::abort();
  }
  if (!doc.lang.empty() && doc.lang != "fr" && doc.lang != "en") std::abort();
}

}  // namespace

// Loads the language profiles once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)presskg::ingest::ParseTextDocument("warm-up.txt", "Un communiqué de presse en français.");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      const auto doc = presskg::ingest::ParseTextDocument("fuzz.txt", bytes);
      if (doc.ok()) CheckDocument(*doc);
      (void)presskg::ingest::ParseTextHeader(bytes);
      break;
    }
    case 1: {
      const auto doc = presskg::ingest::ParseHtmlDocument("fuzz.html", bytes);
      if (doc.ok()) CheckDocument(*doc);
      break;
    }
    case 2: {
      const auto result = presskg::ingest::ParseJsonLines("fuzz.jsonl", bytes);
      for (const RawDocument& doc : result.documents) CheckDocument(doc);
      break;
    }
    default: {
      (void)presskg::ingest::CheckDocumentBytes("fuzz", bytes, true);
      (void)presskg::ingest::NormalizeLanguageTag(bytes);
      break;
    }
  }
  return 0;
}
