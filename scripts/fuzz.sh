#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) and runs each over its seed
# corpus; fails when a target finds a crash, a leak, undefined behaviour or a timeout.
# Usage: scripts/fuzz.sh [--seconds N] [--target NAME]... [--merge] [--build-only]
#   --seconds N   fuzzing time per target (default 60)
#   --target NAME run only this target (readers, extractor, statements, api); may be repeated
#   --merge       add the new interesting inputs to tests/fuzz/corpus/<target>/ (minimised with
#                 -merge=1); without it the corpus in the tree is only read
#   --build-only  build the targets and stop
# Needs clang and libfuzzer-14-dev (scripts/setup.sh installs them). Builds into build-fuzz/
# (override with BUILD_DIR); a crashing input is saved under $BUILD_DIR/artifacts/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build-fuzz}"
seconds=60
merge=0
build_only=0
targets=()
while (($# > 0)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --merge) merge=1; shift ;;
    --build-only) build_only=1; shift ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ((${#targets[@]} == 0)); then targets=(readers extractor statements api); fi

# Longest input per target: documents and requests larger than this add nothing but slowness.
declare -A max_len=([readers]=16384 [extractor]=8192 [statements]=4096 [api]=4096)

bash "$root/scripts/setup.sh"

# -O1 with line tables only, as libFuzzer projects (OSS-Fuzz) build: symbolised stacks, quick runs.
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -DPRESSKG_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -gline-tables-only" \
    -DPRESSKG_BUILD_TESTS=OFF -DPRESSKG_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build_dir" -j"$(nproc)" --target "${targets[@]/%/_fuzz}"
if ((build_only)); then exit 0; fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$build_dir/artifacts"
status=0
for target in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$target"
  found="$build_dir/fuzz-new/$target"
  rm -rf "$found" && mkdir -p "$found"
  echo "== fuzz $target for ${seconds}s"
  # New inputs go to $found; the corpus in the tree is only read.
  if ! "$build_dir/fuzz/${target}_fuzz" -max_total_time="$seconds" -rss_limit_mb=4096 \
      -timeout=60 -max_len="${max_len[$target]}" -print_final_stats=1 \
      -artifact_prefix="$build_dir/artifacts/$target-" "$found" "$corpus" 2>"$build_dir/$target.log"; then
    tail -n 60 "$build_dir/$target.log"
    echo "fuzz.sh: $target FAILED (input saved in $build_dir/artifacts/)" >&2
    status=1
    continue
  fi
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec" \
    "$build_dir/$target.log" || true
  if ((merge)); then
    "$build_dir/fuzz/${target}_fuzz" -merge=1 -max_len="${max_len[$target]}" -rss_limit_mb=4096 \
      "$corpus" "$found" 2>>"$build_dir/$target.log"
  fi
done
exit "$status"
