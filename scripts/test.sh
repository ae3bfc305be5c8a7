#!/usr/bin/env bash
# Sets up, builds and runs every test. Usage: scripts/test.sh [--sanitize]
#   --sanitize  build into build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
if [[ "${1:-}" == "--sanitize" ]]; then
  export BUILD_DIR="$root/build-asan"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  bash "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=Debug -DPRESSKG_SANITIZE=ON -DPRESSKG_BUILD_BENCH=OFF \
    -DPRESSKG_BROWSER_TESTS=OFF
else
  export BUILD_DIR="$root/build"
  bash "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cd "$BUILD_DIR"
ctest --output-on-failure -j"$(nproc)" --timeout 900
