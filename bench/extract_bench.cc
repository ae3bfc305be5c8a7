// Extraction throughput over press releases (default: the seed and dev corpus copied in
// tests/data/corpus), replicated with varied names and numbers up to --mb megabytes, beside the
// time of a bare ICU word-break pass over the same text.
// Usage: extract_bench [DIR...] [--mb=20] [--rounds=1]. Prints figures; asserts nothing.
//   --mb=M      replicate the documents until their bodies total M MB (0: the corpus as it is)
//   --rounds=N  time N passes over the documents (the figures are per pass)
//   --write=DIR also write the documents to DIR as NNNNN.<lang>.txt with a header, so that
//               `presskg extract DIR` can compare extraction output before and after a change
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "ingest/extract/extractor.h"
#include "ingest/extract/lexicon.h"
#include "ingest/extract/token.h"
#include "ingest/reader/document_reader.h"
#include "ingest/resolve/resolve_tables.h"

namespace {

using presskg::ingest::RawDocument;

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of this thread: the figure that holds on a loaded machine.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

constexpr std::string_view kSyllables[] = {"ra", "vel", "ton", "mi", "sor", "dan", "lek",
                                           "ba", "nor", "ti", "qua", "zen", "po", "ril"};

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || IsUpperAscii(c) || static_cast<unsigned char>(c) >= 0x80;
}

// A capitalised word that is probably part of a name: not a known place, function word,
// organisation cue or first name (those keep the rules' cues intact).
bool IsVariableName(std::string_view word) {
  if (word.size() < 4 || !IsUpperAscii(word.front())) return false;
  const std::string fold = presskg::ingest::FoldWord(word);
  const auto& lex = presskg::ingest::Lexicon::Get();
  if (lex.IsFunctionWord(fold) || lex.IsOrgCue(fold) || lex.IsInstitutionCue(fold) ||
      lex.IsFirstName(fold) || lex.IsDemonym(fold) || lex.IsNotName(fold) ||
      lex.IsSiteWord(fold)) {
    return false;
  }
  return presskg::ingest::resolve::ResolveTables::Get().PlaceId(fold).empty();
}

// Copy number `copy` (1, 2, ...) of `text`: name-like capitalised words get a suffix that
// depends on the word and the copy (the same within a document, so coreference still works),
// and the last digit of every number moves by `copy`.
std::string Vary(const std::string& text, int copy) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      out.append(text, i, j - i - 1);
      out.push_back(static_cast<char>('0' + (text[j - 1] - '0' + copy) % 10));
      i = j;
      continue;
    }
    if (IsWordByte(c) && (i == 0 || !IsWordByte(text[i - 1]))) {
      std::size_t j = i;
      while (j < text.size() && IsWordByte(text[j])) ++j;
      const std::string_view word(text.data() + i, j - i);
      out.append(word);
      if (IsVariableName(word)) {
        const std::size_t h = std::hash<std::string_view>{}(word) + static_cast<std::size_t>(copy);
        out.append(kSyllables[h % std::size(kSyllables)]);
        out.append(kSyllables[(h / 16 + static_cast<std::size_t>(copy)) % std::size(kSyllables)]);
      }
      i = j;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::vector<RawDocument> Replicate(const std::vector<RawDocument>& corpus, double megabytes) {
  std::vector<RawDocument> docs = corpus;
  std::size_t bytes = 0;
  for (const RawDocument& d : docs) bytes += d.text.size();
  const auto target = static_cast<std::size_t>(megabytes * 1e6);
  for (int copy = 1; bytes < target && !corpus.empty(); ++copy) {
    for (const RawDocument& d : corpus) {
      RawDocument v = d;
      v.name = std::to_string(copy) + "/" + d.name;
      v.text = Vary(d.text, copy);
      bytes += v.text.size();
      docs.push_back(std::move(v));
      if (bytes >= target) break;
    }
  }
  return docs;
}

// Writes `docs` under `dir` (which must exist) with the header lines the text reader takes.
bool WriteDocuments(const std::vector<RawDocument>& docs, const std::string& dir) {
  for (std::size_t i = 0; i < docs.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof(name), "/%05zu.", i);
    std::ofstream out(dir + name + (docs[i].lang.empty() ? "en" : docs[i].lang) + ".txt");
    out << "date: " << docs[i].date << "\nlang: " << docs[i].lang << "\n\n" << docs[i].text;
    if (!out) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dirs;
  int rounds = 1;
  double megabytes = 20;
  std::string write_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--rounds=")) {
      rounds = std::max(1, std::atoi(arg.c_str() + 9));
    } else if (arg.starts_with("--write=")) {
      write_dir = arg.substr(8);
    } else if (arg.starts_with("--mb=")) {
      megabytes = std::atof(arg.c_str() + 5);
    } else {
      dirs.push_back(arg);
    }
  }
  if (dirs.empty()) dirs.push_back(std::string(PRESSKG_SOURCE_DIR) + "/tests/data/corpus");
  const presskg::ingest::ReadBatch batch = presskg::ingest::ReadPaths(dirs);
  if (batch.documents.empty()) {
    std::cerr << "no documents\n";
    return 1;
  }
  const std::vector<RawDocument> docs = Replicate(batch.documents, megabytes);
  std::size_t bytes = 0;
  for (const RawDocument& doc : docs) bytes += doc.text.size();
  if (!write_dir.empty() && !WriteDocuments(docs, write_dir)) {
    std::cerr << "cannot write to " << write_dir << "\n";
    return 1;
  }

  // The rule, lexicon and gazetteer tables are built on first use: timed apart.
  auto start = std::chrono::steady_clock::now();
  if (!presskg::ingest::ExtractDocument(docs.front()).ok()) return 1;
  const double startup_s = Seconds(start);

  std::size_t facts = 0;
  double cpu = ThreadCpuSeconds();
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const RawDocument& doc : docs) {
      auto graph = presskg::ingest::ExtractDocument(doc);
      if (!graph.ok()) {
        std::cerr << graph.status().ToString() << "\n";
        return 1;
      }
      facts += graph->facts.size() + graph->literals.size();
    }
  }
  const double extract_s = Seconds(start) / rounds;
  const double extract_cpu = (ThreadCpuSeconds() - cpu) / rounds;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words_it(
      icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
  if (U_FAILURE(status)) return 1;
  std::size_t words = 0;
  cpu = ThreadCpuSeconds();
  start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    words = 0;
    for (const RawDocument& doc : docs) {
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(doc.text);
      words_it->setText(text);
      for (int32_t p = words_it->first(); p != icu::BreakIterator::DONE; p = words_it->next()) {
        if (words_it->getRuleStatus() != UBRK_WORD_NONE) ++words;
      }
    }
  }
  const double break_s = Seconds(start) / rounds;
  const double break_cpu = (ThreadCpuSeconds() - cpu) / rounds;
  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << std::fixed << std::setprecision(2) << "documents        " << docs.size() << " ("
            << batch.documents.size() << " read, the rest varied copies), " << mb << " MB, "
            << words << " words, " << rounds << " round(s); tables built in " << startup_s
            << " s before timing\n"
            << "extraction       " << extract_s << " s wall, " << extract_cpu << " s CPU: "
            << mb / extract_cpu << " MB/s, " << std::setprecision(0) << words / extract_cpu
            << " words/s per core (CPU time), " << facts / rounds << " facts\n"
            << std::setprecision(2) << "ICU word breaks  " << break_s << " s wall, " << break_cpu
            << " s CPU: " << mb / break_cpu << " MB/s\n"
            << "ratio            " << extract_cpu / break_cpu
            << "x the word-break pass (CPU time)\n";
  return 0;
}
