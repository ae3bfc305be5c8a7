// Entity search latency on synthetic names: builds ingest::NameSearchIndex over N entities
// (default 1,000,000) and times exact, prefix, typo and two-word typo queries.
// Usage: search_bench [entities] [queries_per_kind]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <time.h>

#include "ingest/resolve/name_search.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string MakeWord(std::mt19937_64& rng, std::size_t min_syllables, std::size_t max_syllables) {
  static const char* const kOnsets[] = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r",
                                        "s", "t", "v", "z", "ch", "tr", "br", "st", "gr"};
  static const char* const kVowels[] = {"a", "e", "i", "o", "u", "ou", "ai", "é", "è"};
  std::uniform_int_distribution<std::size_t> syllables(min_syllables, max_syllables);
  std::string word;
  for (std::size_t i = syllables(rng); i > 0; --i) {
    word += kOnsets[rng() % std::size(kOnsets)];
    word += kVowels[rng() % std::size(kVowels)];
  }
  if (rng() % 3 == 0) word += "n";
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Zipf-like pick: low indexes are much more frequent, as real name words are.
std::size_t Pick(std::mt19937_64& rng, std::size_t n) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  return std::min(n - 1, static_cast<std::size_t>(static_cast<double>(n) * std::pow(u(rng), 3.0)));
}

std::string Typo(std::mt19937_64& rng, std::string word) {
  const std::size_t at = 1 + rng() % (word.size() - 2);
  switch (rng() % 4) {
    case 0: word.erase(at, 1); break;                      // deletion
    case 1: word.insert(at, 1, 'x'); break;                // insertion
    case 2: word[at] = word[at] == 'q' ? 'w' : 'q'; break;  // substitution
    default: std::swap(word[at], word[at + 1]); break;      // transposition
  }
  return word;
}

std::size_t RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10) / 1024;
  }
  return 0;
}

struct Figures {
  double p50 = 0;
  double p95 = 0;
  double p99 = 0;
  double cpu_p50 = 0;  // thread CPU time: the figure a busy, shared machine does not distort
  double cpu_p95 = 0;
  double hit_rate = 0;
};

double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

Figures Time(const presskg::ingest::NameSearchIndex& index, const std::vector<std::string>& queries,
             const std::vector<presskg::graph::NodeId>& expected) {
  std::vector<double> micros;
  std::vector<double> cpu;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto start = Clock::now();
    const double cpu_start = ThreadCpuMicros();
    const std::vector<presskg::ingest::NameMatch> found = index.Search(queries[i], 10);
    cpu.push_back(ThreadCpuMicros() - cpu_start);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    for (const auto& m : found) hits += m.node == expected[i] ? 1 : 0;
  }
  std::sort(micros.begin(), micros.end());
  std::sort(cpu.begin(), cpu.end());
  auto at = [](const std::vector<double>& v, double q) {
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
  };
  return {at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), at(cpu, 0.50), at(cpu, 0.95),
          static_cast<double>(hits) / static_cast<double>(queries.size())};
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t entities = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const std::size_t per_kind = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2000;
  std::mt19937_64 rng(42);

  std::vector<std::string> vocabulary;
  for (int i = 0; i < 60000; ++i) vocabulary.push_back(MakeWord(rng, 2, 4));
  std::vector<std::string> given;
  for (int i = 0; i < 3000; ++i) given.push_back(MakeWord(rng, 2, 3));
  const char* const kSuffixes[] = {"Maroc", "France", "Group", "Industries", "Holding",
                                   "Technologies", "Bank", "Energy", "Services", "SA"};

  std::vector<std::string> names;
  names.reserve(entities);
  presskg::ingest::NameSearchIndex index;
  const auto build_start = Clock::now();
  for (std::size_t id = 1; id <= entities; ++id) {
    std::string name;
    if (id % 4 == 0) {
      name = given[Pick(rng, given.size())] + " " + vocabulary[rng() % vocabulary.size()];
    } else {
      name = vocabulary[Pick(rng, vocabulary.size())];
      if (rng() % 2 == 0) name += " " + vocabulary[rng() % vocabulary.size()];
      if (rng() % 3 == 0) name += std::string(" ") + kSuffixes[rng() % std::size(kSuffixes)];
    }
    const auto documents = static_cast<std::uint32_t>(1 + Pick(rng, 200));
    index.Add(id, name, documents);
    if (id % 5 == 0) index.Add(id, "Groupe " + name, documents);  // a second alias
    names.push_back(std::move(name));
  }
  index.Finish();
  const double build_s = std::chrono::duration<double>(Clock::now() - build_start).count();
  std::printf("entities %zu, names %zu, distinct words %zu, build %.1f s, RSS %zu MB\n", entities,
              index.name_count(), index.word_count(), build_s, RssMb());

  struct Kind {
    const char* label;
    std::vector<std::string> queries;
    std::vector<presskg::graph::NodeId> expected;
  };
  std::vector<Kind> kinds = {{"exact", {}, {}}, {"prefix", {}, {}}, {"typo", {}, {}},
                             {"two-word typo", {}, {}}};
  for (std::size_t i = 0; i < per_kind; ++i) {
    const std::size_t id = 1 + rng() % entities;
    const std::string& name = names[id - 1];
    const std::string first = name.substr(0, name.find(' '));
    kinds[0].queries.push_back(name);
    kinds[1].queries.push_back(name.substr(0, std::min<std::size_t>(name.size(), 3 + rng() % 4)));
    kinds[2].queries.push_back(first.size() >= 5 ? Typo(rng, first) : first);
    const std::size_t space = name.find(' ');
    kinds[3].queries.push_back(space == std::string::npos || first.size() < 5
                                   ? name
                                   : Typo(rng, first) + name.substr(space));
    for (Kind& k : kinds) k.expected.push_back(id);
  }
  std::printf("%-14s %9s %9s %9s %11s %11s %9s\n", "query", "p50 us", "p95 us", "p99 us",
              "cpu p50 us", "cpu p95 us", "found@10");
  std::vector<std::string> all;
  std::vector<presskg::graph::NodeId> all_expected;
  for (const Kind& k : kinds) {
    const Figures f = Time(index, k.queries, k.expected);
    std::printf("%-14s %9.1f %9.1f %9.1f %11.1f %11.1f %8.0f%%\n", k.label, f.p50, f.p95, f.p99,
                f.cpu_p50, f.cpu_p95, 100.0 * f.hit_rate);
    all.insert(all.end(), k.queries.begin(), k.queries.end());
    all_expected.insert(all_expected.end(), k.expected.begin(), k.expected.end());
  }
  const Figures f = Time(index, all, all_expected);
  std::printf("%-14s %9.1f %9.1f %9.1f %11.1f %11.1f\n", "all", f.p50, f.p95, f.p99, f.cpu_p50,
              f.cpu_p95);
  return 0;
}
