"""Shared plumbing of the Python peer benchmarks: input files, timing, memory, result files.

Every peer reads DIR/nodes.csv, DIR/edges.csv and DIR/sample.tsv (format in README.md), writes
its figures to DIR/results/<system>.json and its answers to DIR/answers/<system>.tsv, one line per
sample pair: src, dst, number of incident edges of src (the 1-hop answer size), and the shortest
path as space-separated node ids ("-" when dst is unreachable, "?" when not asked: --sp-limit).
"""
import argparse
import csv
import json
import os
import resource
import sys
import time


def parse_args(description):
    """Command line shared by the peers: DIR and an optional cap on the number of sample pairs."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dir", help="graph directory (nodes.csv, edges.csv, sample.tsv)")
    parser.add_argument("--limit", type=int, default=0,
                        help="use only the first LIMIT sample pairs (0: all)")
    parser.add_argument("--sp-limit", type=int, default=0,
                        help="time shortest paths on the first SP_LIMIT pairs only (0: all)")
    return parser.parse_args()


def read_nodes(graph_dir):
    """Returns (ids, names, kinds) lists from nodes.csv; ids must be 0..N-1 in order."""
    ids, names, kinds = [], [], []
    with open(os.path.join(graph_dir, "nodes.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            ids.append(int(row[0]))
            names.append(row[1])
            kinds.append(row[2])
    return ids, names, kinds


def read_edges(graph_dir):
    """Yields (src, dst, relation) from edges.csv; relation strings are interned."""
    interned = {}
    with open(os.path.join(graph_dir, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for src, dst, relation in reader:
            yield int(src), int(dst), interned.setdefault(relation, relation)


def read_sample(graph_dir, limit=0):
    """Returns the list of (src, dst) query pairs of sample.tsv, the first `limit` if limit > 0."""
    pairs = []
    with open(os.path.join(graph_dir, "sample.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                src, dst = line.split()[:2]
                pairs.append((int(src), int(dst)))
    return pairs[:limit] if limit > 0 else pairs


def rss_mib():
    """Current resident set size of this process, in MiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def peak_rss_mib():
    """Peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def percentile(values, q):
    """Linear-interpolated q-th percentile (0..100) of a non-empty list."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def time_each(fn, args_list):
    """Calls fn(*args) for each args; returns (answers, wall seconds, thread CPU seconds) per
    call. CPU time is not inflated when other processes share the cores; wall time is."""
    answers, wall, cpu = [], [], []
    for count, args in enumerate(args_list):
        if count and count % 100 == 0:
            print(f"  {count}/{len(args_list)} {fn.__name__}", file=sys.stderr, flush=True)
        cpu_start = time.thread_time()
        start = time.perf_counter()
        answers.append(fn(*args))
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - cpu_start)
    return answers, wall, cpu


def write_outputs(graph_dir, system, figures, pairs, degrees, paths):
    """Writes DIR/results/<system>.json and DIR/answers/<system>.tsv; prints the figures."""
    for sub in ("results", "answers"):
        os.makedirs(os.path.join(graph_dir, sub), exist_ok=True)
    with open(os.path.join(graph_dir, "results", system + ".json"), "w", encoding="utf-8") as f:
        json.dump(figures, f, indent=1)
        f.write("\n")
    with open(os.path.join(graph_dir, "answers", system + ".tsv"), "w", encoding="utf-8") as f:
        for i, ((src, dst), degree) in enumerate(zip(pairs, degrees)):
            if i < len(paths):
                hops = " ".join(map(str, paths[i])) if paths[i] else "-"
            else:
                hops = "?"  # path not asked (--sp-limit)
            f.write(f"{src}\t{dst}\t{degree}\t{hops}\n")
    print(json.dumps(figures, indent=1))


def run_peer(system, version, model, description, load, size, make_queries):
    """The whole benchmark of one peer: parse the command line, time load(DIR) (size(graph)
    gives (nodes, edges)), build (one_hop(src), shortest_path(src, dst)) with
    make_queries(graph), time both over the sample, write results and answers."""
    args = parse_args(description)
    pairs = read_sample(args.dir, args.limit)
    baseline = rss_mib()
    cpu_start = time.process_time()
    start = time.perf_counter()
    graph = load(args.dir)
    load_s = time.perf_counter() - start
    load_cpu_s = time.process_time() - cpu_start
    n, m = size(graph)
    print(f"{system}: loaded {n} nodes, {m} edges in {load_s:.1f} s", flush=True)
    one_hop, shortest_path = make_queries(graph)
    neighbours, one_hop_s, one_hop_cpu = time_each(one_hop, [(src,) for src, _ in pairs])
    path_pairs = pairs[:args.sp_limit] if args.sp_limit > 0 else pairs
    paths, sp_s, sp_cpu = time_each(shortest_path, path_pairs)
    figures = summarize(system, model, n, m, load_s, one_hop_s, sp_s, paths, baseline)
    figures.update({
        "load_cpu_s": round(load_cpu_s, 3),
        "one_hop_cpu_p50_us": round(percentile(one_hop_cpu, 50) * 1e6, 2),
        "sp_cpu_p50_ms": round(percentile(sp_cpu, 50) * 1e3, 4),
        "sp_queries": len(path_pairs),
        "version": version,
    })
    write_outputs(args.dir, system, figures, pairs, [len(x) for x in neighbours], paths)


def summarize(system, model, n, m, load_s, one_hop_s, sp_s, paths, baseline_mib):
    """The result record shared by every peer (times in, figures out)."""
    found = [len(p) - 1 for p in paths if p]
    return {
        "system": system,
        "model": model,
        "nodes": n,
        "edges": m,
        "load_s": round(load_s, 3),
        "one_hop_p50_us": round(percentile(one_hop_s, 50) * 1e6, 2),
        "one_hop_p95_us": round(percentile(one_hop_s, 95) * 1e6, 2),
        "sp_p50_ms": round(percentile(sp_s, 50) * 1e3, 4),
        "sp_p95_ms": round(percentile(sp_s, 95) * 1e3, 4),
        "memory_mib": round(rss_mib(), 1),
        "memory_graph_mib": round(rss_mib() - baseline_mib, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "queries": len(one_hop_s),
        "paths_found": len(found),
        "mean_path_hops": round(sum(found) / len(found), 3) if found else None,
    }
