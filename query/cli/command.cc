#include "query/cli/command.h"

#include <cstdlib>
#include <iostream>

namespace presskg::query {

std::string DefaultDbPath() {
  const char* env = std::getenv("PRESSKG_DB");
  return env != nullptr && *env != '\0' ? env : "presskg-data";
}

void AddDbOption(CLI::App* command, std::string* dir) {
  *dir = DefaultDbPath();
  command->add_option("--db", *dir, "Store directory (default: $PRESSKG_DB or ./presskg-data)")
      ->capture_default_str();
}

Result<std::unique_ptr<graph::GraphStore>> OpenStoreOrReport(const std::string& dir,
                                                            bool read_only) {
  graph::StoreOptions options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  Result<std::unique_ptr<graph::GraphStore>> store = graph::GraphStore::Open(dir, options);
  if (!store.ok()) ReportError(store.status().message());
  return store;
}

void ReportError(const std::string& message) {
  std::cerr << "presskg: error: " << message << "\n";
}

}  // namespace presskg::query
