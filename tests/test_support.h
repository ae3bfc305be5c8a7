#pragma once

#include <filesystem>
#include <string>

namespace presskg::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  std::string Sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The repository root (source tree).
std::filesystem::path SourceDir();
// The shared/ folder beside the repository (tests may read it; the product never does).
std::filesystem::path SharedDir();
// The built presskg binary.
std::filesystem::path PresskgBinary();
// Whole content of a file; empty string when it cannot be read.
std::string ReadFileOrEmpty(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& content);

// Output and exit code of a shell command (stdout and stderr captured separately).
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult RunCommand(const std::string& command);

}  // namespace presskg::testing
