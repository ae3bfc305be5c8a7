#!/bin/sh
# Runs the three peers on DIR one after the other (each holds the whole graph in memory: never
# in parallel), checks that their answers agree, then prints the comparison table.
# Usage: run_all.sh DIR [--limit K] [--sp-limit K]   (DIR holds nodes.csv, edges.csv, sample.tsv)
# --limit K: the first K sample pairs only; --sp-limit K: shortest paths on the first K only.
set -eu
if [ $# -lt 1 ]; then
  echo "usage: $0 DIR [--limit K] [--sp-limit K]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
dir="$1"
shift
for f in nodes.csv edges.csv sample.tsv; do
  [ -f "$dir/$f" ] || { echo "run_all: $dir/$f missing" >&2; exit 2; }
done
[ -d "$here/node_modules/kuzu" ] || { echo "run_all: run $here/setup.sh first" >&2; exit 2; }
/usr/bin/python3 "$here/networkx_bench.py" "$dir" "$@"
/usr/bin/python3 "$here/igraph_bench.py" "$dir" "$@"
node "$here/kuzu_bench.mjs" "$dir" "$@"
/usr/bin/python3 "$here/check_answers.py" "$dir" || echo "run_all: answers disagree (see above)" >&2
/usr/bin/python3 "$here/compare.py" "$dir"
