#pragma once

namespace presskg::query {

// Runs the presskg command line; returns the process exit code (0 ok, 1 error, 2 usage).
int RunCli(int argc, char** argv);

}  // namespace presskg::query
