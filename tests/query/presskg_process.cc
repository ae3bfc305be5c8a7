#include "tests/query/presskg_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>

#include "graph/graph_store.h"

namespace presskg::query::testing {

namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

presskg::testing::CommandResult RunPresskg(const std::vector<std::string>& args) {
  std::string command = Quote(presskg::testing::PresskgBinary().string());
  for (const std::string& arg : args) command += " " + Quote(arg);
  return presskg::testing::RunCommand(command);
}

pid_t SpawnPresskg(const std::vector<std::string>& args, const std::string& log_path) {
  const std::string binary = presskg::testing::PresskgBinary().string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const std::string log = log_path.empty() ? "/dev/null" : log_path;
  pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

std::vector<std::string> StoreDocumentNames(const std::string& db) {
  std::vector<std::string> names;
  auto store = graph::GraphStore::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return names;
  Status status = (*store)->Snapshot()->ForEachDocument(false, [&](const graph::Document& doc) {
    names.push_back(doc.name);
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  return names;
}

}  // namespace presskg::query::testing
