#!/usr/bin/env bash
# Sets up, builds and runs the main job: ingests the sample corpus (samples/corpus, French and
# English press releases) and the curated statements into a store, then serves the API and the
# web UI on http://127.0.0.1:8080/ until Ctrl-C.
# Usage: scripts/run.sh [--no-serve] [STORE_DIR]     (PORT=8080 and PRESSKG_TOKEN may be set)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
serve=1
if [[ "${1:-}" == "--no-serve" ]]; then serve=0; shift; fi
db="${1:-$root/data/presskg-db}"
port="${PORT:-8080}"

bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo
presskg="$root/build/presskg"
mkdir -p "$(dirname "$db")"

"$presskg" ingest "$root/samples/corpus" --db "$db"
for statements in "$root"/samples/statements/*.tsv; do
  "$presskg" import-statements "$statements" --db "$db"
done
"$presskg" stats --db "$db"

if ((serve)); then
  token="${PRESSKG_TOKEN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
  echo "Write token for this session (merge, split, document upload): $token"
  echo "Open http://127.0.0.1:$port/ (Ctrl-C stops the server)"
  cd "$root"
  PRESSKG_TOKEN="$token" exec "$presskg" serve --db "$db" --port "$port"
fi
