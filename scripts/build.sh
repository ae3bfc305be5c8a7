#!/usr/bin/env bash
# Configures and builds presskg into build/ (or $BUILD_DIR); extra arguments go to cmake.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
# The web front-end bundle (web/dist), served by `presskg serve` at /.
if [[ -f "$root/web/package.json" ]]; then
  if [[ ! -d "$root/web/node_modules" ]]; then (cd "$root/web" && npm ci --no-audit --no-fund); fi
  (cd "$root/web" && npm run --silent build)
fi
