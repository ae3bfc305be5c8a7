// The API's neighbours handler in process (no sockets): what one GET
// /api/v1/entities/{id}/neighbors costs the server beyond HTTP, on a store written by load_bench.
// Usage: api_bench DIR [--rounds=N] [--limit=L] [--detail=brief|full]
//   DIR is load_bench's --out folder (DIR/store, DIR/sample.tsv; presskg id = CSV id + 2).
// Prints wall and thread-CPU percentiles and the mean answer size; asserts nothing.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_stats.h"
#include "graph/graph_store.h"
#include "query/api/api_service.h"

namespace {

std::vector<std::string> SampleSources(const std::string& path) {
  std::vector<std::string> ids;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    ids.push_back(std::to_string(std::stoull(line.substr(0, tab)) + 2));
  }
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace presskg;
  if (argc < 2) {
    std::fprintf(stderr, "usage: api_bench DIR [--rounds=N] [--limit=L] [--detail=brief|full]\n");
    return 2;
  }
  const std::string dir = argv[1];
  int rounds = 5;
  std::string limit;
  std::string detail;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--rounds=", 0) == 0) rounds = std::atoi(arg.c_str() + 9);
    if (arg.rfind("--limit=", 0) == 0) limit = arg.substr(8);
    if (arg.rfind("--detail=", 0) == 0) detail = arg.substr(9);
  }
  const std::vector<std::string> sources = SampleSources(dir + "/sample.tsv");
  if (sources.empty()) {
    std::fprintf(stderr, "api_bench: no pairs in %s/sample.tsv\n", dir.c_str());
    return 1;
  }
  graph::StoreOptions store_options;
  store_options.read_only = true;
  auto store = graph::GraphStore::Open(dir + "/store", store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto api = query::ApiService::Create(store->get(), "");
  if (!api.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", api.status().ToString().c_str());
    return 1;
  }
  bench::Samples samples;
  std::uint64_t bytes = 0;
  std::uint64_t answers = 0;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& id : sources) {
      query::ApiRequest request;
      request.method = "GET";
      request.path = "/api/v1/entities/" + id + "/neighbors";
      if (!limit.empty()) request.params.emplace("limit", limit);
      if (!detail.empty()) request.params.emplace("detail", detail);
      query::ApiResponse response;
      samples.Time([&] { response = (*api)->Handle(request); });
      if (response.status != 200) {
        std::fprintf(stderr, "api_bench: %s answered %d\n", request.path.c_str(), response.status);
        return 1;
      }
      bytes += response.body.size();
      ++answers;
    }
  }
  std::printf("neighbours handler (%zu sources x %d rounds): %s; mean answer %.0f bytes\n",
              sources.size(), rounds, bench::Describe(samples).c_str(),
              static_cast<double>(bytes) / static_cast<double>(answers));
  return 0;
}
