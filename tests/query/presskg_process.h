#pragma once

// Test support: the presskg binary as a child process, and what a store holds.

#include <sys/types.h>

#include <string>
#include <vector>

#include "tests/test_support.h"

namespace presskg::query::testing {

// Runs presskg with `args` (each one argument, no shell quoting needed) to completion.
presskg::testing::CommandResult RunPresskg(const std::vector<std::string>& args);

// Starts presskg with `args`; stdout and stderr go to `log_path` ("" for /dev/null). Returns the
// child's pid (-1 when fork fails).
pid_t SpawnPresskg(const std::vector<std::string>& args, const std::string& log_path = "");

// Waits for `pid`; returns the raw waitpid status.
int WaitFor(pid_t pid);

// The names of the documents in the store at `db`, opened for writing (so a crashed writer's
// log is replayed), in document id order. Fails the test when the store does not open.
std::vector<std::string> StoreDocumentNames(const std::string& db);

}  // namespace presskg::query::testing
