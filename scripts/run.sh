#!/usr/bin/env bash
# Sets up, builds and runs the main job: fills a store in data/ from the sample corpus and shows
# what it holds. Usage: scripts/run.sh [STORE_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${1:-$root/data/presskg-db}"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo
presskg="$root/build/presskg"
mkdir -p "$(dirname "$db")"
"$presskg" import-statements "$root/samples/avl-maroc.statements.tsv" --db "$db"
"$presskg" stats --db "$db"
