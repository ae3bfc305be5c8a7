// Extraction throughput over a folder of press releases (default: the seed and dev corpus copied
// in tests/data/corpus), beside the time of a bare ICU word-break pass over the same text.
// Usage: extract_bench [DIR...] [--rounds=N]. Prints figures; asserts nothing.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "ingest/extract/extractor.h"
#include "ingest/reader/document_reader.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dirs;
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.starts_with("--rounds=")) {
      rounds = std::atoi(arg.c_str() + 9);
    } else {
      dirs.push_back(arg);
    }
  }
  if (dirs.empty()) dirs.push_back(std::string(PRESSKG_SOURCE_DIR) + "/tests/data/corpus");
  presskg::ingest::ReadBatch batch = presskg::ingest::ReadPaths(dirs);
  std::size_t bytes = 0;
  std::size_t words = 0;
  for (const auto& doc : batch.documents) bytes += doc.text.size();

  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& doc : batch.documents) {
      if (!presskg::ingest::ExtractDocument(doc).ok()) return 1;
    }
  }
  const double extract_s = Seconds(start);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words_it(
      icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
  if (U_FAILURE(status)) return 1;
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& doc : batch.documents) {
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(doc.text);
      words_it->setText(text);
      for (int32_t p = words_it->first(); p != icu::BreakIterator::DONE; p = words_it->next()) {
        if (words_it->getRuleStatus() != UBRK_WORD_NONE) ++words;
      }
    }
  }
  const double break_s = Seconds(start);
  const double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::cout << "documents " << batch.documents.size() << ", " << bytes << " bytes, " << rounds
            << " rounds\n"
            << "extraction       " << mb / extract_s << " MB/s, " << words / extract_s
            << " words/s (one core)\n"
            << "ICU word breaks  " << mb / break_s << " MB/s\n"
            << "ratio            " << extract_s / break_s << "x the word-break pass\n";
  return 0;
}
