// libFuzzer target: the JSON API's request parsing and handlers, without sockets. A small store is
// built once per process in a temporary directory (the seed and development corpus plus the
// sample statements); each input becomes one ApiRequest:
//   line 1: the path; "/..." is taken as it is, anything else is put under /api/v1/
//   then "name=value" lines (decoded query parameters) up to an empty line
//   the rest: the body
// The method is POST for /api/v1/extract and GET otherwise (reads only: no token is configured,
// so the store is never written). Every answer must have a 2xx or 4xx status, and a JSON body
// whenever its content type says JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "graph/text_util.h"
#include "ingest/pipeline.h"
#include "ingest/reader/document_reader.h"
#include "ingest/statements/statement_importer.h"
#include "query/api/api_request.h"
#include "query/api/api_service.h"

namespace {

namespace fs = std::filesystem;
using presskg::query::ApiRequest;
using presskg::query::ApiResponse;
using presskg::query::ApiService;

struct Fixture {
  fs::path dir;
  std::unique_ptr<presskg::graph::GraphStore> store;
  std::unique_ptr<ApiService> service;
};

Fixture* fixture = nullptr;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "api_fuzz: %s\n", message.c_str());
  std::abort();
}

void RemoveStore() {
  if (fixture == nullptr) return;
  fixture->service.reset();
  fixture->store.reset();
  std::error_code ignored;
  fs::remove_all(fixture->dir, ignored);
}

// Opens a fresh store and ingests the test corpus and the sample statements into it.
void BuildFixture() {
  fixture = new Fixture;
  fixture->dir = fs::temp_directory_path() / ("presskg-api-fuzz-" + std::to_string(getpid()));
  fs::remove_all(fixture->dir);
  auto store = presskg::graph::GraphStore::Open(fixture->dir.string(), {.block_cache_mb = 8});
  if (!store.ok()) Fail(store.status().ToString());
  fixture->store = std::move(*store);
  std::atexit(RemoveStore);
  const std::string root = PRESSKG_SOURCE_DIR;
  const presskg::ingest::ReadBatch batch = presskg::ingest::ReadPaths(
      {root + "/tests/data/corpus/seed", root + "/tests/data/corpus/dev"});
  for (const auto& doc : batch.documents) {
    auto graph = presskg::ingest::BuildDocumentGraph(doc);
    if (!graph.ok()) Fail(graph.status().ToString());
    if (!fixture->store->CommitDocument(*graph).ok()) Fail("cannot commit " + doc.name);
  }
  const std::string statements_path = root + "/samples/statements/avl-maroc.statements.tsv";
  auto statements_bytes = presskg::ingest::ReadFileBytes(statements_path, 1 << 20);
  if (!statements_bytes.ok()) Fail(statements_bytes.status().ToString());
  auto statements = presskg::ingest::ParseStatements(statements_path, *statements_bytes);
  if (!statements.ok() || !fixture->store->CommitDocument(*statements).ok()) {
    Fail("cannot import " + statements_path);
  }
  presskg::query::ApiLimits limits;
  auto service = ApiService::Create(fixture->store.get(), "", limits);
  if (!service.ok()) Fail(service.status().ToString());
  fixture->service = std::move(*service);
}

std::string_view NextLine(std::string_view* rest) {
  const std::size_t end = rest->find('\n');
  const std::string_view line = rest->substr(0, end);
  rest->remove_prefix(end == std::string_view::npos ? rest->size() : end + 1);
  return line;
}

ApiRequest ParseInput(std::string_view input) {
  ApiRequest request;
  const std::string_view path = NextLine(&input);
  request.path = path.starts_with('/') ? std::string(path) : "/api/v1/" + std::string(path);
  while (!input.empty()) {
    const std::string_view line = NextLine(&input);
    if (line.empty()) break;
    const std::size_t eq = line.find('=');
    request.params.emplace(std::string(line.substr(0, eq)),
                           eq == std::string_view::npos ? "" : std::string(line.substr(eq + 1)));
  }
  request.body = std::string(input);
  request.method = request.path == "/api/v1/extract" ? "POST" : "GET";
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  BuildFixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ApiRequest request = ParseInput(std::string_view(reinterpret_cast<const char*>(data), size));
  const ApiResponse response = fixture->service->Handle(request);
  if (response.status < 200 || response.status >= 500 ||
      (response.status >= 300 && response.status < 400)) {
    Fail("status " + std::to_string(response.status) + ": " + response.body);
  }
  if (response.content_type.starts_with("application/json") &&
      nlohmann::json::parse(response.body, nullptr, false).is_discarded()) {
    Fail("not JSON: " + response.body.substr(0, 200));
  }
  return 0;
}
