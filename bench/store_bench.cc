// Store benchmark: prints figures, asserts nothing.
//   (a) latency of CommitDocument for documents of 20 edges (fresh and shared entities);
//   (b) a store of ~1M edges built through CommitDocument, then 1-hop neighbour scans.
// Usage: store_bench [--commits=2000] [--edges=1000000] [--facts-per-doc=5000]
//                    [--nodes=200000] [--lookups=10000] [--dir=PATH] [--keep]

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/relation_schema.h"

namespace presskg::graph {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::uint64_t commits = 2000;
  std::uint64_t edges = 1000000;
  std::uint64_t facts_per_doc = 5000;
  std::uint64_t nodes = 200000;
  std::uint64_t lookups = 10000;
  std::string dir;
  bool keep = false;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  std::map<std::string, std::uint64_t*> numbers = {{"--commits", &flags.commits},
                                                   {"--edges", &flags.edges},
                                                   {"--facts-per-doc", &flags.facts_per_doc},
                                                   {"--nodes", &flags.nodes},
                                                   {"--lookups", &flags.lookups}};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::size_t eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    if (arg == "--keep") {
      flags.keep = true;
    } else if (name == "--dir" && eq != std::string::npos) {
      flags.dir = arg.substr(eq + 1);
    } else if (numbers.contains(name) && eq != std::string::npos) {
      *numbers[name] = std::strtoull(arg.c_str() + eq + 1, nullptr, 10);
    } else {
      std::fprintf(stderr, "unknown flag %s (see the top of bench/store_bench.cc)\n", arg.c_str());
      std::exit(2);
    }
  }
  if (flags.dir.empty()) {
    flags.dir =
        (fs::temp_directory_path() / ("presskg-store-bench-" + std::to_string(getpid()))).string();
  }
  return flags;
}

double Micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

// CPU time of the calling thread, in microseconds: unlike wall time, it does not count the time
// the thread waits for a core, so it stays meaningful on a loaded machine.
double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Wall and thread-CPU durations of repeated operations.
struct Timings {
  std::vector<double> wall;
  std::vector<double> cpu;
  template <typename Fn>
  void Measure(Fn&& fn) {
    const double cpu0 = ThreadCpuMicros();
    const auto wall0 = Clock::now();
    fn();
    wall.push_back(Micros(Clock::now() - wall0));
    cpu.push_back(ThreadCpuMicros() - cpu0);
  }
};

// Prints median, p95, p99 and mean of `samples` (microseconds).
void PrintLatency(const std::string& what, std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) { return samples[static_cast<std::size_t>(q * (samples.size() - 1))]; };
  double sum = 0;
  for (double s : samples) sum += s;
  std::printf("%-50s n=%zu  median %8.1f us  p95 %8.1f us  p99 %8.1f us  mean %8.1f us\n",
              what.c_str(), samples.size(), at(0.5), at(0.95), at(0.99), sum / samples.size());
}

std::uint64_t DirectoryBytes(const std::string& dir) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::unique_ptr<GraphStore> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

EntityInput Org(const std::string& name) {
  EntityInput e;
  e.kind = NodeKind::kOrganization;
  e.name = name;
  e.lang = "fr";
  e.match_keys = {name};
  return e;
}

FactInput Fact(EntityIndex s, RelationId relation, EntityIndex o, std::uint64_t seq) {
  FactInput f;
  f.subject = s;
  f.relation = relation;
  f.object = o;
  f.evidence.sentence = "Fact " + std::to_string(seq) + " of the benchmark document.";
  f.evidence.start = static_cast<std::uint32_t>(seq * 60);
  f.evidence.end = f.evidence.start + 50;
  f.evidence.lang = "fr";
  f.evidence.rule = "bench";
  return f;
}

const std::vector<RelationId>& Relations() {
  static const std::vector<RelationId> ids = [] {
    std::vector<RelationId> out;
    for (const char* name : {"subsidiary_of", "has_client", "partner_of", "supplier_of", "acquired",
                             "part_of", "owns", "merged_with"}) {
      out.push_back(RelationSchema::Builtin().Find(name)->id);
    }
    return out;
  }();
  return ids;
}

// (a) Documents of 20 edges over 10 fresh entities and 10 drawn from a shared pool of 500.
void BenchCommitLatency(const Flags& flags) {
  const std::string path = flags.dir + "/latency";
  auto store = OpenOrDie(path);
  std::mt19937_64 rng(1);
  Timings timings;
  std::uint64_t edges_created = 0;
  const auto start = Clock::now();
  for (std::uint64_t d = 0; d < flags.commits; ++d) {
    DocumentGraph doc;
    doc.document.name = "latency-" + std::to_string(d);
    doc.document.date = "2022-12-01";
    doc.document.text = "Benchmark document " + std::to_string(d) + ".";
    for (int k = 0; k < 10; ++k) {
      doc.entities.push_back(Org("fresh-" + std::to_string(d) + "-" + std::to_string(k)));
    }
    for (int k = 0; k < 10; ++k) {
      doc.entities.push_back(Org("shared-" + std::to_string(rng() % 500)));
    }
    for (std::uint64_t f = 0; f < 20; ++f) {
      doc.facts.push_back(Fact(static_cast<EntityIndex>(f % 10), Relations()[rng() % 8],
                               static_cast<EntityIndex>(10 + rng() % 10), f));
    }
    Result<CommitResult> r = Status::Internal("not run");
    timings.Measure([&] { r = store->CommitDocument(doc); });
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    edges_created += r->edges_created;
  }
  const double seconds = Micros(Clock::now() - start) / 1e6;
  std::printf("(a) %llu commits of 20-fact documents, %llu edges created, %.0f commits/s\n",
              static_cast<unsigned long long>(flags.commits),
              static_cast<unsigned long long>(edges_created), flags.commits / seconds);
  PrintLatency("    CommitDocument (20 facts), wall", timings.wall);
  PrintLatency("    CommitDocument (20 facts), thread CPU", timings.cpu);
  store.reset();
  std::printf("    store size on disk: %.1f MB\n", DirectoryBytes(path) / 1e6);
}

// (b) A store of ~flags.edges edges among flags.nodes organisations, then 1-hop scans.
void BenchNeighbourScans(const Flags& flags) {
  const std::string path = flags.dir + "/million";
  auto store = OpenOrDie(path);
  std::mt19937_64 rng(2);
  std::vector<NodeId> node_ids;
  std::map<std::uint64_t, NodeId> id_of_name;
  std::uint64_t edges = 0, docs = 0;
  const auto start = Clock::now();
  const double cpu_start = ThreadCpuMicros();
  while (edges < flags.edges) {
    DocumentGraph doc;
    doc.document.name = "bulk-" + std::to_string(docs);
    doc.document.date = "2022-12-01";
    doc.document.text = "Bulk document " + std::to_string(docs) + ".";
    std::map<std::uint64_t, EntityIndex> index;
    auto entity = [&](std::uint64_t n) {
      auto [it, inserted] = index.try_emplace(n, static_cast<EntityIndex>(doc.entities.size()));
      if (inserted) doc.entities.push_back(Org("org-" + std::to_string(n)));
      return it->second;
    };
    for (std::uint64_t f = 0; f < flags.facts_per_doc; ++f) {
      EntityIndex s = entity(rng() % flags.nodes);
      EntityIndex o = entity(rng() % flags.nodes);
      doc.facts.push_back(Fact(s, Relations()[rng() % Relations().size()], o, f));
    }
    Result<CommitResult> r = store->CommitDocument(doc);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    for (const auto& [n, i] : index) {
      if (id_of_name.emplace(n, r->entity_ids[i]).second) node_ids.push_back(r->entity_ids[i]);
    }
    edges += r->edges_created;
    ++docs;
  }
  const double build_seconds = Micros(Clock::now() - start) / 1e6;
  const double build_cpu_seconds = (ThreadCpuMicros() - cpu_start) / 1e6;
  std::printf(
      "(b) built %llu edges, %zu entity nodes from %llu documents of %llu facts in %.1f s wall,"
      " %.1f s CPU of the committing thread (%.0f facts per wall second)\n",
      static_cast<unsigned long long>(edges), node_ids.size(),
      static_cast<unsigned long long>(docs), static_cast<unsigned long long>(flags.facts_per_doc),
      build_seconds, build_cpu_seconds, docs * flags.facts_per_doc / build_seconds);

  // Reopen so the scans read table files through the block cache, not only memtables.
  store.reset();
  store = OpenOrDie(path);
  auto snap = store->Snapshot();
  Timings all, filtered;
  std::uint64_t seen_all = 0, seen_filtered = 0;
  Status status;
  const RelationId relation = Relations()[0];
  for (std::uint64_t i = 0; i < flags.lookups && status.ok(); ++i) {
    const NodeId node = node_ids[rng() % node_ids.size()];
    all.Measure([&] {
      status = snap->ForEachNeighbor(node, std::nullopt, std::nullopt, [&](const AdjacencyEntry&) {
        ++seen_all;
        return true;
      });
    });
    if (!status.ok()) break;
    filtered.Measure([&] {
      status = snap->ForEachNeighbor(node, Direction::kOut, relation, [&](const AdjacencyEntry&) {
        ++seen_filtered;
        return true;
      });
    });
  }
  if (!status.ok()) {
    std::fprintf(stderr, "scan failed: %s\n", status.ToString().c_str());
    std::exit(1);
  }
  PrintLatency("    1-hop, all relations and directions, wall", all.wall);
  PrintLatency("    1-hop, all relations and directions, thread CPU", all.cpu);
  std::printf("    %.1f neighbours per node on average\n",
              static_cast<double>(seen_all) / flags.lookups);
  PrintLatency("    1-hop, out-edges of one relation, wall", filtered.wall);
  PrintLatency("    1-hop, out-edges of one relation, thread CPU", filtered.cpu);
  std::printf("    %.2f neighbours per node on average\n",
              static_cast<double>(seen_filtered) / flags.lookups);
  snap.reset();
  store.reset();
  std::printf("    store size on disk: %.1f MB\n", DirectoryBytes(path) / 1e6);
}

}  // namespace
}  // namespace presskg::graph

int main(int argc, char** argv) {
  using namespace presskg::graph;
  const Flags flags = ParseFlags(argc, argv);
  std::filesystem::create_directories(flags.dir);
  std::printf("store_bench in %s\n", flags.dir.c_str());
  BenchCommitLatency(flags);
  BenchNeighbourScans(flags);
  if (!flags.keep) std::filesystem::remove_all(flags.dir);
  return 0;
}
