// Store benchmark: prints figures, asserts nothing.
//   (a) latency of CommitDocument for documents of 20 edges (fresh and shared entities);
//   (b) a store of ~1M edges built through CommitDocument, then 1-hop neighbour scans.
// Usage: store_bench [--commits=2000] [--edges=1000000] [--facts-per-doc=5000]
//                    [--nodes=200000] [--lookups=10000] [--dir=PATH] [--keep]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

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
  std::map<std::string, std::uint64_t*> numbers = {
      {"--commits", &flags.commits}, {"--edges", &flags.edges},
      {"--facts-per-doc", &flags.facts_per_doc}, {"--nodes", &flags.nodes},
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
    flags.dir = (fs::temp_directory_path() / ("presskg-store-bench-" + std::to_string(getpid())))
                    .string();
  }
  return flags;
}

double Micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

// Prints median, p95, p99 and mean of `samples` (microseconds).
void PrintLatency(const char* what, std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) { return samples[static_cast<std::size_t>(q * (samples.size() - 1))]; };
  double sum = 0;
  for (double s : samples) sum += s;
  std::printf("%-44s n=%zu  median %8.1f us  p95 %8.1f us  p99 %8.1f us  mean %8.1f us\n", what,
              samples.size(), at(0.5), at(0.95), at(0.99), sum / samples.size());
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
    for (const char* name : {"subsidiary_of", "has_client", "partner_of", "supplier_of",
                             "acquired", "part_of", "owns", "merged_with"}) {
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
  std::vector<double> micros;
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
    const auto t0 = Clock::now();
    Result<CommitResult> r = store->CommitDocument(doc);
    micros.push_back(Micros(Clock::now() - t0));
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
  PrintLatency("    CommitDocument (20 facts)", micros);
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
  std::printf("(b) built %llu edges, %zu entity nodes from %llu documents of %llu facts in %.1f s"
              " (%.0f facts/s)\n",
              static_cast<unsigned long long>(edges), node_ids.size(),
              static_cast<unsigned long long>(docs),
              static_cast<unsigned long long>(flags.facts_per_doc), build_seconds,
              docs * flags.facts_per_doc / build_seconds);

  // Reopen so the scans read table files through the block cache, not only memtables.
  store.reset();
  store = OpenOrDie(path);
  auto snap = store->Snapshot();
  std::vector<double> all, filtered;
  std::uint64_t seen_all = 0, seen_filtered = 0;
  const RelationId relation = Relations()[0];
  for (std::uint64_t i = 0; i < flags.lookups; ++i) {
    NodeId node = node_ids[rng() % node_ids.size()];
    auto t0 = Clock::now();
    Status s = snap->ForEachNeighbor(node, std::nullopt, std::nullopt, [&](const AdjacencyEntry&) {
      ++seen_all;
      return true;
    });
    all.push_back(Micros(Clock::now() - t0));
    t0 = Clock::now();
    Status f = snap->ForEachNeighbor(node, Direction::kOut, relation, [&](const AdjacencyEntry&) {
      ++seen_filtered;
      return true;
    });
    filtered.push_back(Micros(Clock::now() - t0));
    if (!s.ok() || !f.ok()) {
      std::fprintf(stderr, "scan failed\n");
      std::exit(1);
    }
  }
  PrintLatency("    1-hop, all relations and directions", all);
  std::printf("    %.1f neighbours per node on average\n",
              static_cast<double>(seen_all) / flags.lookups);
  PrintLatency("    1-hop, out-edges of one relation", filtered);
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
