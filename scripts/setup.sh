#!/usr/bin/env bash
# Installs, non-interactively and idempotently, every Debian package presskg needs to build, test
# and run. Safe to run again: it installs only what is missing. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config git
  librocksdb-dev libboost-graph-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libicu-dev libssl-dev
  # tests and tools
  libgtest-dev libgmock-dev libbenchmark-dev libxml2-utils python3 python3-networkx python3-igraph
  # fuzz targets (scripts/fuzz.sh): clang and its libFuzzer
  clang libfuzzer-14-dev
  # web front-end build (nodejs brings npm from nodesource; Debian's needs the npm package) and
  # browser tests (Debian's chromium: no browser is ever downloaded)
  nodejs chromium
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# npm ships inside nodesource's nodejs package; Debian's nodejs needs the separate npm package.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if ((${#missing[@]} > 0)); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all Debian packages present"
fi

# npm packages of web/ (bundled by the build) and of the browser tests, when those folders exist.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for dir in web tests/browser; do
  if [[ -f "$root/$dir/package.json" ]]; then
    if [[ ! -d "$root/$dir/node_modules" || "$root/$dir/package-lock.json" -nt "$root/$dir/node_modules" ]]; then
      echo "setup: npm ci in $dir"
      (cd "$root/$dir" && npm ci --no-audit --no-fund)
    fi
  fi
done
