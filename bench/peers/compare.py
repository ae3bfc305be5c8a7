#!/usr/bin/python3
"""Prints one table of every DIR/results/*.json: rows are metrics, columns are systems.

presskg comes first; each peer gets a ratio column "peer / presskg" (above 1: presskg is
faster or smaller). Numeric fields of presskg_http.json (the HTTP run of presskg) are shown as
extra rows of the presskg column. A system measured on a graph of another size is flagged.
Usage: compare.py DIR
"""
import glob
import json
import os
import sys

# (label, key) of the rows, in table order; a row no system reports is left out. CPU figures
# (process or thread CPU time) are not inflated when other work shares the cores.
CORE_ROWS = [
    ("nodes", "nodes"),
    ("edges", "edges"),
    ("1-hop queries", "queries"),
    ("path queries (first K of the sample)", "sp_queries"),
    ("load (s)", "load_s"),
    ("1-hop p50 (us)", "one_hop_p50_us"),
    ("1-hop p95 (us)", "one_hop_p95_us"),
    ("shortest path p50 (ms)", "sp_p50_ms"),
    ("shortest path p95 (ms)", "sp_p95_ms"),
    ("memory RSS (MiB)", "memory_mib"),
    ("peak RSS (MiB)", "peak_rss_mib"),
    ("load CPU (s)", "load_cpu_s"),
    ("1-hop CPU p50 (us)", "one_hop_cpu_p50_us"),
    ("shortest path CPU p50 (ms)", "sp_cpu_p50_ms"),
]
REFERENCE = "presskg"
HTTP = "presskg_http"
PEER_ORDER = ["networkx", "igraph", "kuzu"]


def read_results(graph_dir):
    """Returns {system: record} for every results file."""
    results = {}
    for path in sorted(glob.glob(os.path.join(graph_dir, "results", "*.json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        if "queries" in record:
            record.setdefault("sp_queries", record["queries"])
        results[record.get("system") or os.path.basename(path)[:-5]] = record
    return results


def http_rows(record):
    """(label, key) rows for the numeric fields of the HTTP record not already in CORE_ROWS."""
    core = {key for _, key in CORE_ROWS} | {"system"}
    return [(f"HTTP {key}", key) for key, value in record.items()
            if key not in core and isinstance(value, (int, float)) and not isinstance(value, bool)]


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()
                                  and abs(value) >= 1000):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.3g}"


def ratio(peer_value, reference_value):
    if peer_value is None or not reference_value:
        return "-"
    value = peer_value / reference_value
    return f"{value:,.0f}x" if value >= 100 else f"{value:.3g}x"


def build_table(results):
    """Returns the table as a list of rows of strings (first row: header)."""
    reference = results.get(REFERENCE, {})
    http = results.get(HTTP, {})
    peers = [s for s in PEER_ORDER if s in results]
    peers += sorted(s for s in results if s not in peers and s not in (REFERENCE, HTTP))
    header = ["metric", REFERENCE]
    for peer in peers:
        header += [peer, f"{peer}/{REFERENCE}"]
    table = [header]
    for label, key in CORE_ROWS:
        if all(record.get(key) is None for record in results.values()):
            continue
        row = [label, fmt(reference.get(key))]
        for peer in peers:
            value = results[peer].get(key)
            size_row = key in ("nodes", "edges", "queries", "sp_queries")
            row += [fmt(value), "" if size_row else ratio(value, reference.get(key))]
        table.append(row)
    for label, key in http_rows(http):
        table.append([label, fmt(http.get(key))] + ["-", ""] * len(peers))
    return table


def print_table(table):
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for index, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                                for i, (cell, w) in enumerate(zip(row, widths))) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    results = read_results(sys.argv[1])
    if not results:
        sys.exit(f"compare: no results in {sys.argv[1]}/results/")
    print_table(build_table(results))
    if REFERENCE not in results:
        print(f"\nno {REFERENCE}.json yet: ratio columns are empty")
    sizes = {(r.get("nodes"), r.get("edges")) for s, r in results.items() if s != HTTP}
    if len(sizes) > 1:
        print("\nWARNING: systems were measured on graphs of different sizes (see nodes/edges)")
    for system, record in sorted(results.items()):
        if record.get("model"):
            print(f"{system}: {record['model']}")


if __name__ == "__main__":
    main()
