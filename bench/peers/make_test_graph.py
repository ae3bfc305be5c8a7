#!/usr/bin/python3
"""Writes a synthetic Chung-Lu power-law graph in the presskg benchmark format.

Stand-in for bench/load_bench.cc's generator, so the peers can be run on their own:
  DIR/nodes.csv   id,name,kind         ids 0..N-1
  DIR/edges.csv   src,dst,relation     no duplicate (src,dst,relation), no self-loop
  DIR/sample.tsv  src<TAB>dst          query pairs (1-hop on src, shortest path src->dst)

Usage: make_test_graph.py DIR [--nodes N] [--edges M] [--gamma G] [--seed S] [--pairs P]
"""
import argparse
import os
import sys

import numpy as np

RELATIONS = ["subsidiary_of", "has_client", "partner_of", "acquired",
             "invests_in", "located_in", "supplier_of", "owns"]
KINDS = ["organization", "person", "place", "sector"]
KIND_WEIGHTS = [0.70, 0.15, 0.10, 0.05]
CHUNK = 1_000_000


def chung_lu_weights(n, gamma, rng):
    """Expected-degree weights w_i ~ i^(-1/(gamma-1)), shuffled so ids are not degree-sorted."""
    ranks = np.arange(1, n + 1, dtype=np.float64)
    w = ranks ** (-1.0 / (gamma - 1.0))
    rng.shuffle(w)
    return w / w.sum()


def sample_edges(n, m, gamma, rng):
    """Returns (src, dst, rel) int arrays of exactly m distinct non-loop triples."""
    cdf = np.cumsum(chung_lu_weights(n, gamma, rng))
    cdf[-1] = 1.0
    keys = np.empty(0, dtype=np.int64)
    while keys.size < m:
        want = int((m - keys.size) * 1.05) + 1000
        src = np.searchsorted(cdf, rng.random(want), side="right").astype(np.int64)
        dst = np.searchsorted(cdf, rng.random(want), side="right").astype(np.int64)
        rel = rng.integers(0, len(RELATIONS), want, dtype=np.int64)
        keep = src != dst
        new = (src[keep] * n + dst[keep]) * len(RELATIONS) + rel[keep]
        # np.unique sorts; keep the first m after a seeded shuffle so the order is not by key.
        keys = np.unique(np.concatenate([keys, new]))
    rng.shuffle(keys)
    keys = keys[:m]
    rel = keys % len(RELATIONS)
    pair = keys // len(RELATIONS)
    return pair // n, pair % n, rel


def write_lines(path, header, rows_iter):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for block in rows_iter:
            f.write(block)


def node_rows(n, rng):
    kinds = rng.choice(len(KINDS), size=n, p=KIND_WEIGHTS)
    for start in range(0, n, CHUNK):
        ids = range(start, min(n, start + CHUNK))
        ks = kinds[start:start + CHUNK].tolist()
        yield "".join(f"{i},Entity {i},{KINDS[k]}\n" for i, k in zip(ids, ks))


def edge_rows(src, dst, rel):
    for start in range(0, src.size, CHUNK):
        s = src[start:start + CHUNK].tolist()
        d = dst[start:start + CHUNK].tolist()
        r = rel[start:start + CHUNK].tolist()
        yield "".join(f"{a},{b},{RELATIONS[c]}\n" for a, b, c in zip(s, d, r))


def sample_pairs(n, src, dst, count, rng):
    """Pairs of distinct nodes that both have at least one edge."""
    touched = np.zeros(n, dtype=bool)
    touched[src] = True
    touched[dst] = True
    nodes = np.flatnonzero(touched)
    a = rng.choice(nodes, size=count)
    b = rng.choice(nodes, size=count)
    clash = a == b
    while clash.any():
        b[clash] = rng.choice(nodes, size=int(clash.sum()))
        clash = a == b
    return a, b


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir")
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--edges", type=int, default=10_000_000)
    parser.add_argument("--gamma", type=float, default=2.3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args()
    max_edges = args.nodes * (args.nodes - 1) * len(RELATIONS)
    if args.nodes < 2 or args.edges > max_edges // 4:
        sys.exit("make_test_graph: too many edges for that many nodes")

    os.makedirs(os.path.join(args.dir, "results"), exist_ok=True)
    rng = np.random.default_rng(args.seed)
    src, dst, rel = sample_edges(args.nodes, args.edges, args.gamma, rng)
    write_lines(os.path.join(args.dir, "nodes.csv"), "id,name,kind", node_rows(args.nodes, rng))
    write_lines(os.path.join(args.dir, "edges.csv"), "src,dst,relation", edge_rows(src, dst, rel))
    a, b = sample_pairs(args.nodes, src, dst, args.pairs, rng)
    with open(os.path.join(args.dir, "sample.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{x}\t{y}\n" for x, y in zip(a.tolist(), b.tolist())))
    print(f"make_test_graph: {args.nodes} nodes, {src.size} edges, {args.pairs} pairs "
          f"(gamma {args.gamma}, seed {args.seed}) -> {args.dir}")


if __name__ == "__main__":
    main()
