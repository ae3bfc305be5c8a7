#!/bin/sh
# Installs the Node dependencies of the Kuzu peer (kuzu 0.11.3, prebuilt binary) from
# package-lock.json. Benchmarks only: CI does not run this. networkx and igraph come from
# Debian (apt-get install python3-networkx python3-igraph).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node -e 'import("kuzu").then((k) => console.log("kuzu", k.default.VERSION))'
/usr/bin/python3 -c 'import networkx, igraph; print("networkx", networkx.__version__)
print("igraph", igraph.__version__)'
