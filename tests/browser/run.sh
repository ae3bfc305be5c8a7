#!/usr/bin/env bash
# Browser tests of the web front-end: builds a store from samples/, adds an XSS-named entity,
# serves it with the built web/dist on a free port, runs the node:test suites, stops the server.
# Env: PRESSKG_BIN (default ../../build/presskg), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${PRESSKG_BIN:-$here/../../build/presskg}"
token="browser-test-token-$$"

if [[ ! -x "$bin" ]]; then
  echo "run.sh: presskg binary not found at $bin (set PRESSKG_BIN)" >&2
  exit 2
fi
if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "run.sh: chromium not found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi

# Front-end bundle and test dependencies, from the committed lock files.
if [[ ! -d "$root/web/node_modules" ]]; then (cd "$root/web" && npm ci --no-audit --no-fund); fi
(cd "$root/web" && npm run --silent build)
if [[ ! -d "$here/node_modules" ]]; then (cd "$here" && npm ci --no-audit --no-fund); fi

work="$(mktemp -d /tmp/presskg-browser.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/db"
"$bin" ingest "$root/samples/corpus" --db "$db" >/dev/null
"$bin" import-statements "$root/samples/statements/avl-maroc.statements.tsv" --db "$db" >/dev/null
printf '<img src=x onerror=alert(1)>\tpartner_of\tAVL Maroc\n' > "$work/xss.statements.tsv"
"$bin" import-statements "$work/xss.statements.tsv" --db "$db" >/dev/null

"$bin" serve --db "$db" --port 0 --token "$token" --web "$root/web/dist" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's|^presskg: serving .* on \(http://[^ ]*\).*|\1|p' "$work/serve.out" | head -n 1)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z "$url" ]]; then
  echo "run.sh: the server did not start:" >&2
  cat "$work/serve.err" >&2
  exit 1
fi
echo "run.sh: server at $url"

mkdir -p "$here/artifacts"
status=0
PRESSKG_URL="$url" PRESSKG_TOKEN="$token" node --test --test-reporter=spec --test-concurrency=1 \
  "$here/unit.test.mjs" "$here/app.test.mjs" || status=$?
exit "$status"
