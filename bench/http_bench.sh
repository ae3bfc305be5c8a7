#!/bin/bash
# HTTP benchmark of GET /api/v1/entities/{id}/neighbors (issue 5): serves DIR/store (written by
# load_bench), records the server's memory after a warm-up, runs wrk (keep-alive, 2 threads)
# at a few connection counts over the source nodes of DIR/sample.tsv, writes
# DIR/results/presskg_http.json and stops the server.
# Usage: bench/http_bench.sh DIR [--port P] [--duration SECONDS] [--connections "16 64"]
# The binary is $PRESSKG_BIN, else build/presskg.
set -euo pipefail

usage() { echo "usage: $0 DIR [--port P] [--duration SECONDS] [--connections \"16 64\"]" >&2; exit 2; }
[ $# -ge 1 ] || usage
dir="$1"
shift
port=18080
duration=30
connections="16 64"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) usage ;;
  esac
done
here="$(cd "$(dirname "$0")" && pwd)"
bin="${PRESSKG_BIN:-$here/../build/presskg}"
[ -x "$bin" ] || { echo "http_bench: no presskg binary at $bin (set PRESSKG_BIN)" >&2; exit 2; }
[ -d "$dir/store" ] && [ -f "$dir/sample.tsv" ] || { echo "http_bench: run load_bench --out $dir first" >&2; exit 2; }
command -v wrk > /dev/null || { echo "http_bench: wrk is not installed" >&2; exit 2; }
mkdir -p "$dir/results"
base="http://127.0.0.1:$port"

"$bin" serve --db "$dir/store" --port "$port" > "$dir/results/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true' EXIT

start=$(date +%s.%N)
until curl -sf -o /dev/null "$base/api/v1/stats"; do
  kill -0 "$server" 2> /dev/null || { echo "http_bench: the server exited:" >&2; cat "$dir/results/server.log" >&2; exit 1; }
  sleep 0.5
done
ready_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
rss_mib() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }
echo "server ready after ${ready_s} s (store open + index build), VmRSS $(rss_mib) MiB"

lua="$here/neighbors.lua"
wrk -t2 -c16 -d5s -s "$lua" "$base" -- "$dir/sample.tsv" > /dev/null
rss_warm=$(rss_mib)
echo "after a 5 s warm-up: VmRSS ${rss_warm} MiB"

json="{\"system\":\"presskg_http\",\"server_ready_s\":$ready_s,\"server_rss_mib\":$rss_warm"
for c in $connections; do
  echo "wrk -t2 -c$c -d${duration}s  GET /api/v1/entities/{id}/neighbors"
  out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s "$lua" "$base" -- "$dir/sample.tsv")
  echo "$out" | grep -v '^WRK_JSON'
  line=$(echo "$out" | sed -n 's/^WRK_JSON //p')
  for key in rps p50_ms p99_ms non_2xx socket_errors; do
    value=$(echo "$line" | grep -o "\"$key\":[0-9.]*" | cut -d: -f2)
    json="$json,\"${key}_c$c\":$value"
  done
done
rss_end=$(rss_mib)
json="$json,\"server_rss_end_mib\":$rss_end}"
echo "$json" | tee "$dir/results/presskg_http.json"
