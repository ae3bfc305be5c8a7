#pragma once

// Timing and memory figures shared by the benchmarks.

#include <chrono>
#include <string>
#include <vector>

namespace presskg::bench {

// Seconds of wall time since `since`.
double Seconds(std::chrono::steady_clock::time_point since);
// CPU time of the calling thread: unlike wall time, not inflated when the cores are shared.
double ThreadCpuSeconds();
// CPU time of the whole process (every thread, user + system).
double ProcessCpuSeconds();
// "VmRSS" or "VmHWM" of this process, in MiB; -1 when /proc is unreadable.
double ProcStatusMiB(const char* field);

// Wall and thread-CPU durations of a sequence of operations, in seconds.
struct Samples {
  std::vector<double> wall;
  std::vector<double> cpu;
  template <typename Fn>
  void Time(Fn&& fn) {
    const double cpu_start = ThreadCpuSeconds();
    const auto wall_start = std::chrono::steady_clock::now();
    fn();
    wall.push_back(Seconds(wall_start));
    cpu.push_back(ThreadCpuSeconds() - cpu_start);
  }
};

struct Percentiles {
  double p50_ms = 0;
  double p95_ms = 0;
  double max_ms = 0;
};

// Nearest-rank percentiles of `seconds`, in milliseconds. Precondition: not empty.
Percentiles Summarise(std::vector<double> seconds);

// "p50 0.0123 ms, p95 0.2345 ms, max 1.234 ms (thread CPU: p50 ..., p95 ...)"
std::string Describe(const Samples& samples);

}  // namespace presskg::bench
