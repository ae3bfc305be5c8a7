#include "tests/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace presskg::testing {

TempDir::TempDir() {
  std::random_device rd;
  std::filesystem::path base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::filesystem::path candidate =
        base / ("presskg-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  std::abort();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path SourceDir() { return PRESSKG_SOURCE_DIR; }

std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("PRESSKG_SHARED_DIR")) return env;
  return SourceDir().parent_path() / "shared";
}

std::filesystem::path PresskgBinary() {
  if (const char* env = std::getenv("PRESSKG_BIN")) return env;
  return std::filesystem::path(PRESSKG_BINARY_DIR) / "presskg";
}

std::string ReadFileOrEmpty(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

CommandResult RunCommand(const std::string& command) {
  TempDir dir;
  std::string out_file = dir.Sub("out");
  std::string err_file = dir.Sub("err");
  std::string full = "(" + command + ") >" + out_file + " 2>" + err_file;
  int raw = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = ReadFileOrEmpty(out_file);
  result.err = ReadFileOrEmpty(err_file);
  return result;
}

}  // namespace presskg::testing
