// Load benchmark (issues 5 and 6): the synthetic power-law graph written as CSV for the peer
// systems (bench/peers), bulk-loaded into a presskg store, then queried and exported.
//
//   load_bench [--nodes N] [--edges M] [--exponent G] [--seed S] [--pairs P] [--out DIR]
//              [--exports 0|1]
//
// Defaults: 1,000,000 nodes, 10,000,000 edges, exponent 2.3, seed 42, 1000 pairs, DIR
// ./load-bench, exports on. Writes:
//   DIR/nodes.csv     id,name,kind           ids 0..N-1 (presskg node id = id + 2)
//   DIR/edges.csv     src,dst,relation       distinct; symmetric relations with src < dst
//   DIR/sample.tsv    src<TAB>dst            P pairs of nodes with at least one edge
//   DIR/store/        the presskg store (replaced when present)
//   DIR/results/presskg.json, DIR/answers/presskg.tsv   (format of bench/peers/README.md)
// Timed: the bulk load (wall and CPU), the in-memory index build, 1-hop neighbours (the call the
// HTTP API makes, first page of 100) and undirected shortest paths on the sample, and the
// whole-graph GraphML, GEXF and CSV exports (files removed after their size is taken).
// Everything is seeded: two runs write the same files and ask the same queries.

#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_stats.h"
#include "bench/graph_gen.h"
#include "graph/bulk_loader.h"
#include "graph/export/export.h"
#include "graph/graph_store.h"
#include "graph/query/live_index.h"
#include "graph/query/neighbors.h"
#include "graph/query/shortest_path.h"
#include "graph/relation_schema.h"
#include "ingest/resolve/name_key.h"

namespace presskg::bench {
namespace {

namespace fs = std::filesystem;
using graph::NodeId;
using graph::NodeKind;
using Clock = std::chrono::steady_clock;

constexpr NodeId kIdOffset = 2;  // presskg id of CSV node 0 (node 1 is the import document)

struct Flags {
  GraphGenOptions graph;
  std::uint32_t pairs = 1000;
  std::string out = "load-bench";
  bool exports = true;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--nodes") {
      flags.graph.nodes = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else if (name == "--edges") {
      flags.graph.edges = std::strtoull(value, nullptr, 10);
    } else if (name == "--exponent") {
      flags.graph.exponent = std::strtod(value, nullptr);
    } else if (name == "--seed") {
      flags.graph.seed = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else if (name == "--pairs") {
      flags.pairs = static_cast<std::uint32_t>(std::strtoul(value, nullptr, 10));
    } else if (name == "--out") {
      flags.out = value;
    } else if (name == "--exports") {
      flags.exports = std::string(value) != "0";
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && flags.graph.nodes >= 2 && flags.graph.exponent > 1.0 && flags.pairs > 0 &&
         !flags.out.empty();
}

// Kind and name of CSV node `id`: mostly organisations, a few persons, places and sectors;
// accented names, each unique (the id is part of it) so no two nodes share a name key.
NodeKind KindOf(std::uint32_t id) {
  const std::uint32_t r = (id * 2654435761U) % 100;
  if (r < 80) return NodeKind::kOrganization;
  if (r < 90) return NodeKind::kPerson;
  if (r < 95) return NodeKind::kPlace;
  return NodeKind::kSector;
}

std::string NameOf(std::uint32_t id, NodeKind kind) {
  static constexpr std::array<const char*, 8> kFirst = {"Atlas", "Nova",   "Sahara", "Orion",
                                                        "Cèdre", "Étoile", "Argan",  "Delta"};
  static constexpr std::array<const char*, 8> kSecond = {
      "Industries", "Logistique", "Énergie", "Motors", "Télécom", "Mines", "Capital", "Agro"};
  static constexpr std::array<const char*, 8> kGiven = {"Amina", "Youssef", "Claire", "Mehdi",
                                                        "Inès",  "Karim",   "Sofia",  "Hélène"};
  const std::string n = std::to_string(id);
  switch (kind) {
    case NodeKind::kPerson:
      return std::string(kGiven[id % 8]) + " Dupont-" + n;
    case NodeKind::kPlace:
      return "Ville " + n;
    case NodeKind::kSector:
      return "Secteur " + n;
    default:
      return std::string(kFirst[id % 8]) + " " + kSecond[(id / 8) % 8] + " " + n;
  }
}

// The graph with CSV ids: generator node g (1..N) becomes a seeded random id, so ids do not
// follow degree; symmetric edges are re-oriented to src < dst.
struct CsvGraph {
  std::vector<graph::BulkEdge> edges;  // source/target are CSV ids
  std::vector<std::uint32_t> degree;   // incident edges per CSV id
};

CsvGraph Relabel(std::vector<graph::IndexEdge> generated, const GraphGenOptions& options) {
  std::vector<std::uint32_t> permutation(options.nodes);
  std::iota(permutation.begin(), permutation.end(), 0U);
  std::mt19937_64 rng(options.seed + 7);
  std::shuffle(permutation.begin(), permutation.end(), rng);
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  CsvGraph out;
  out.degree.assign(options.nodes, 0);
  out.edges.reserve(generated.size());
  for (const graph::IndexEdge& e : generated) {
    graph::BulkEdge edge;
    edge.source = permutation[e.source - 1];
    edge.target = permutation[e.target - 1];
    edge.relation = e.relation;
    edge.status = e.status;
    if (schema.Get(e.relation)->symmetric && edge.target < edge.source) {
      std::swap(edge.source, edge.target);
    }
    ++out.degree[edge.source];
    ++out.degree[edge.target];
    out.edges.push_back(edge);
  }
  return out;
}

// Writes `path` through a large buffer; false on a write error.
class CsvFile {
 public:
  explicit CsvFile(const fs::path& path) : file_(std::fopen(path.c_str(), "wb")), path_(path) {
    if (file_ != nullptr) std::setvbuf(file_, nullptr, _IOFBF, 1 << 22);
  }
  ~CsvFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  void Write(const std::string& line) {
    if (file_ != nullptr) std::fwrite(line.data(), 1, line.size(), file_);
  }
  bool Close() {
    bool ok = file_ != nullptr && std::ferror(file_) == 0 && std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok) std::fprintf(stderr, "load_bench: cannot write %s\n", path_.c_str());
    return ok;
  }

 private:
  std::FILE* file_;
  fs::path path_;
};

bool WriteCsv(const fs::path& dir, const graph::BulkGraph& bulk) {
  CsvFile nodes(dir / "nodes.csv");
  nodes.Write("id,name,kind\n");
  for (std::size_t i = 0; i < bulk.nodes.size(); ++i) {
    nodes.Write(std::to_string(i) + "," + bulk.nodes[i].name + "," +
                std::string(graph::NodeKindName(bulk.nodes[i].kind)) + "\n");
  }
  CsvFile edges(dir / "edges.csv");
  edges.Write("src,dst,relation\n");
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  for (const graph::BulkEdge& e : bulk.edges) {
    edges.Write(std::to_string(e.source) + "," + std::to_string(e.target) + "," +
                schema.Get(e.relation)->name + "\n");
  }
  return nodes.Close() && edges.Close();
}

// `count` seeded pairs of distinct nodes that have at least one edge.
std::vector<std::pair<std::uint32_t, std::uint32_t>> SamplePairs(
    const std::vector<std::uint32_t>& degree, std::uint32_t count, std::uint32_t seed) {
  std::vector<std::uint32_t> connected;
  for (std::uint32_t id = 0; id < degree.size(); ++id) {
    if (degree[id] > 0) connected.push_back(id);
  }
  std::mt19937_64 rng(seed + 1);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  while (pairs.size() < count && connected.size() >= 2) {
    const std::uint32_t s = connected[rng() % connected.size()];
    const std::uint32_t t = connected[rng() % connected.size()];
    if (s != t) pairs.emplace_back(s, t);
  }
  return pairs;
}

// Linearly interpolated percentile (0..100) of `values`, as bench/peers computes it.
double Percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double pos = static_cast<double>(values.size() - 1) * q / 100.0;
  const auto low = static_cast<std::size_t>(pos);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (pos - static_cast<double>(low));
}

std::uint64_t DirectoryBytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

double MiB(std::uint64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

int Fail(const char* what, const Status& status) {
  std::fprintf(stderr, "load_bench: %s: %s\n", what, status.ToString().c_str());
  return 1;
}

int Run(const Flags& flags) {
  const fs::path dir = flags.out;
  std::error_code ec;
  fs::create_directories(dir / "results", ec);
  fs::create_directories(dir / "answers", ec);
  std::printf("graph: Chung-Lu, %u nodes, %llu edges, exponent %.2f, seed %u -> %s\n",
              flags.graph.nodes, static_cast<unsigned long long>(flags.graph.edges),
              flags.graph.exponent, flags.graph.seed, dir.c_str());

  auto start = Clock::now();
  CsvGraph csv = Relabel(ChungLuEdges(flags.graph), flags.graph);
  graph::BulkGraph bulk;
  bulk.edges = std::move(csv.edges);
  bulk.nodes.resize(flags.graph.nodes);
  for (std::uint32_t id = 0; id < flags.graph.nodes; ++id) {
    graph::BulkNode& node = bulk.nodes[id];
    node.kind = KindOf(id);
    node.name = NameOf(id, node.kind);
    node.lang = "fr";
    node.name_keys = ingest::MatchKeys(node.name, node.kind);
  }
  std::printf("generate (edges, names, name keys): %.1f s\n", Seconds(start));

  start = Clock::now();
  if (!WriteCsv(dir, bulk)) return 1;
  const auto pairs = SamplePairs(csv.degree, flags.pairs, flags.graph.seed);
  {
    CsvFile sample(dir / "sample.tsv");
    for (const auto& [s, t] : pairs) {
      sample.Write(std::to_string(s) + "\t" + std::to_string(t) + "\n");
    }
    if (!sample.Close()) return 1;
  }
  std::printf("write CSV: %.1f s (nodes.csv %.0f MiB, edges.csv %.0f MiB)\n", Seconds(start),
              MiB(fs::file_size(dir / "nodes.csv", ec)), MiB(fs::file_size(dir / "edges.csv", ec)));

  const fs::path store_dir = dir / "store";
  fs::remove_all(store_dir, ec);
  start = Clock::now();
  const double load_cpu_start = ProcessCpuSeconds();
  Result<graph::BulkLoadResult> loaded = graph::BulkLoad(store_dir.string(), bulk);
  const double load_s = Seconds(start);
  const double load_cpu_s = ProcessCpuSeconds() - load_cpu_start;
  if (!loaded.ok()) return Fail("bulk load", loaded.status());
  std::printf(
      "bulk load: %.1f s wall, %.1f s CPU; %llu nodes, %llu edges, %llu name keys; "
      "store %.0f MiB on disk\n",
      load_s, load_cpu_s, static_cast<unsigned long long>(loaded->nodes),
      static_cast<unsigned long long>(loaded->edges),
      static_cast<unsigned long long>(loaded->name_keys), MiB(DirectoryBytes(store_dir)));
  std::vector<graph::BulkNode>().swap(bulk.nodes);
  std::vector<graph::BulkEdge>().swap(bulk.edges);
  malloc_trim(0);
  const double rss_before_index = ProcStatusMiB("VmRSS");

  Result<std::unique_ptr<graph::GraphStore>> store = graph::GraphStore::Open(store_dir.string());
  if (!store.ok()) return Fail("open", store.status());
  start = Clock::now();
  const double index_cpu_start = ThreadCpuSeconds();
  Result<std::unique_ptr<graph::LiveIndex>> live = graph::LiveIndex::Open(**store);
  const double index_s = Seconds(start);
  const double index_cpu_s = ThreadCpuSeconds() - index_cpu_start;
  if (!live.ok()) return Fail("index build", live.status());
  std::shared_ptr<const graph::AdjacencyIndex> index = (*live)->Current();
  malloc_trim(0);
  std::printf(
      "index build (LiveIndex::Open, from the store): %.1f s wall, %.1f s CPU; "
      "arrays %.0f MiB; VmRSS %.0f -> %.0f MiB\n",
      index_s, index_cpu_s, MiB(index->memory_bytes()), rss_before_index, ProcStatusMiB("VmRSS"));

  (void)graph::ShortestPath(*index, kIdOffset + pairs[0].first, kIdOffset + pairs[0].second);
  graph::NeighborOptions neighbor_options;  // as GET .../neighbors: depth 1, both, page of 100
  graph::PathOptions path_options;          // undirected
  path_options.max_hops = 64;               // unbounded, like the peers
  Samples one_hop;
  Samples paths;
  std::vector<std::uint32_t> degrees;
  std::vector<std::vector<NodeId>> answers;
  std::uint32_t found = 0;
  std::uint64_t hops = 0;
  // Two loops, as the peers time them (bench/peers/peer_common.py): every 1-hop query, then
  // every path (a path's search would otherwise evict the next 1-hop query's data from the
  // caches).
  for (const auto& [s, t] : pairs) {
    const NodeId from = kIdOffset + s;
    Result<graph::NeighborPage> page = graph::NeighborPage{};
    one_hop.Time([&] { page = graph::Neighbors(*index, from, neighbor_options); });
    if (!page.ok()) return Fail("neighbours", page.status());
    degrees.push_back(index->degree(*index->Find(from)));
  }
  for (const auto& [s, t] : pairs) {
    const NodeId from = kIdOffset + s;
    const NodeId to = kIdOffset + t;
    Result<std::optional<graph::Path>> path = std::optional<graph::Path>();
    paths.Time([&] { path = graph::ShortestPath(*index, from, to, path_options); });
    if (!path.ok()) return Fail("shortest path", path.status());
    answers.emplace_back();
    if (path->has_value()) {
      ++found;
      hops += (*path)->hops.size();
      for (NodeId id : (*path)->nodes) answers.back().push_back(id - kIdOffset);
    }
  }
  const double memory_mib = ProcStatusMiB("VmRSS");
  std::printf("1-hop neighbours (page of 100): %s\n", Describe(one_hop).c_str());
  std::printf("shortest path (undirected, max 64 hops): %s; %u/%zu found, mean %.2f hops\n",
              Describe(paths).c_str(), found, pairs.size(),
              found > 0 ? static_cast<double>(hops) / found : 0.0);
  {
    CsvFile out(dir / "answers" / "presskg.tsv");
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      std::string line = std::to_string(pairs[i].first) + "\t" + std::to_string(pairs[i].second) +
                         "\t" + std::to_string(degrees[i]) + "\t";
      if (answers[i].empty()) line += "-";
      for (std::size_t k = 0; k < answers[i].size(); ++k) {
        line += (k > 0 ? " " : "") + std::to_string(answers[i][k]);
      }
      out.Write(line + "\n");
    }
    if (!out.Close()) return 1;
  }

  std::string export_json;
  if (flags.exports) {
    auto snapshot = (*store)->Snapshot();
    for (graph::ExportFormat format :
         {graph::ExportFormat::kGraphml, graph::ExportFormat::kGexf, graph::ExportFormat::kCsv}) {
      const std::string name(graph::ExportFormatName(format));
      const fs::path path = dir / ("export." + name);
      fs::remove_all(path, ec);
      start = Clock::now();
      Status status = graph::ExportGraphToPath(*snapshot, format, graph::ExportFilter{}, path);
      const double seconds = Seconds(start);
      if (!status.ok()) return Fail("export", status);
      const std::uint64_t bytes =
          fs::is_directory(path, ec) ? DirectoryBytes(path) : fs::file_size(path, ec);
      std::printf("export %s: %.1f s, %.0f MiB\n", name.c_str(), seconds, MiB(bytes));
      char item[160];
      std::snprintf(item, sizeof(item), ",\"export_%s_s\":%.2f,\"export_%s_mib\":%.1f",
                    name.c_str(), seconds, name.c_str(), MiB(bytes));
      export_json += item;
      fs::remove_all(path, ec);
    }
  }

  char json[1024];
  std::snprintf(
      json, sizeof(json),
      "{\"system\":\"presskg\",\"nodes\":%u,\"edges\":%llu,\"load_s\":%.3f,"
      "\"one_hop_p50_us\":%.2f,\"one_hop_p95_us\":%.2f,\"sp_p50_ms\":%.4f,\"sp_p95_ms\":%.4f,"
      "\"memory_mib\":%.1f,\"load_cpu_s\":%.3f,\"one_hop_cpu_p50_us\":%.2f,"
      "\"sp_cpu_p50_ms\":%.4f,\"index_build_s\":%.3f,\"index_mib\":%.1f,"
      "\"peak_rss_mib\":%.1f,\"queries\":%zu,\"paths_found\":%u%s}",
      flags.graph.nodes, static_cast<unsigned long long>(flags.graph.edges), load_s,
      Percentile(one_hop.wall, 50) * 1e6, Percentile(one_hop.wall, 95) * 1e6,
      Percentile(paths.wall, 50) * 1e3, Percentile(paths.wall, 95) * 1e3, memory_mib, load_cpu_s,
      Percentile(one_hop.cpu, 50) * 1e6, Percentile(paths.cpu, 50) * 1e3, index_s,
      MiB(index->memory_bytes()), ProcStatusMiB("VmHWM"), pairs.size(), found, export_json.c_str());
  std::printf("%s\n", json);
  std::ofstream(dir / "results" / "presskg.json") << json << "\n";
  return 0;
}

}  // namespace
}  // namespace presskg::bench

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines show up when piped to a file
  presskg::bench::Flags flags;
  if (!presskg::bench::ParseFlags(argc, argv, flags)) {
    std::fprintf(stderr,
                 "usage: load_bench [--nodes N] [--edges M] [--exponent G] [--seed S] "
                 "[--pairs P] [--out DIR] [--exports 0|1]\n");
    return 2;
  }
  return presskg::bench::Run(flags);
}
