#include "bench/bench_stats.h"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace presskg::bench {
namespace {

double CpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double ThreadCpuSeconds() { return CpuSeconds(CLOCK_THREAD_CPUTIME_ID); }

double ProcessCpuSeconds() { return CpuSeconds(CLOCK_PROCESS_CPUTIME_ID); }

double ProcStatusMiB(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::strtod(line.c_str() + std::strlen(field) + 1, nullptr) / 1024.0;
    }
  }
  return -1;
}

Percentiles Summarise(std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  auto at = [&](double q) {
    return seconds[std::min(seconds.size() - 1, static_cast<std::size_t>(q * seconds.size()))] *
           1e3;
  };
  return {at(0.50), at(0.95), seconds.back() * 1e3};
}

std::string Describe(const Samples& samples) {
  const Percentiles wall = Summarise(samples.wall);
  const Percentiles cpu = Summarise(samples.cpu);
  char text[200];
  std::snprintf(text, sizeof(text),
                "p50 %.4f ms, p95 %.4f ms, max %.3f ms (thread CPU: p50 %.4f ms, p95 %.4f ms)",
                wall.p50_ms, wall.p95_ms, wall.max_ms, cpu.p50_ms, cpu.p95_ms);
  return text;
}

}  // namespace presskg::bench
