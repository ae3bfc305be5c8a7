#!/usr/bin/python3
"""Cross-checks the peers' answers in DIR/answers/*.tsv (written by the *_bench programs).

For every pair of the sample, all systems must agree on the 1-hop answer size (incident edges of
src) and on the shortest-path length (paths may differ: ties). Every returned path must also be a
real path: it starts at src, ends at dst, and each hop is an edge of edges.csv (either direction).
Prints the mismatch counts; exits 1 if any.
Usage: check_answers.py DIR
"""
import csv
import glob
import os
import sys


def read_answers(path):
    """Returns {(src, dst): (degree, [path nodes])} from one answers file."""
    answers = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            src, dst, degree, hops = line.rstrip("\n").split("\t")
            if hops == "?":  # path not asked (--sp-limit)
                nodes = None
            else:
                nodes = [] if hops == "-" else [int(x) for x in hops.split()]
            answers[(int(src), int(dst))] = (int(degree), nodes)
    return answers


def invalid_paths(graph_dir, system_answers):
    """Counts, per system, the returned paths that are not paths of the graph."""
    needed = set()
    for answers in system_answers.values():
        for nodes in (path for _, path in answers.values() if path):
            needed.update(frozenset(hop) for hop in zip(nodes, nodes[1:]))
    present = set()
    with open(os.path.join(graph_dir, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            hop = frozenset((int(row[0]), int(row[1])))
            if hop in needed:
                present.add(hop)
    bad = {}
    for system, answers in system_answers.items():
        bad[system] = sum(
            1 for (src, dst), (_, nodes) in answers.items()
            if nodes and (nodes[0] != src or nodes[-1] != dst or
                          any(frozenset(hop) not in present for hop in zip(nodes, nodes[1:]))))
    return bad


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    graph_dir = sys.argv[1]
    files = sorted(glob.glob(os.path.join(graph_dir, "answers", "*.tsv")))
    if len(files) < 2:
        sys.exit("check_answers: need answers of at least two systems in DIR/answers/")
    systems = {os.path.basename(f)[:-4]: read_answers(f) for f in files}
    reference_name = sorted(systems)[0]
    reference = systems[reference_name]
    failures = 0
    for name, answers in sorted(systems.items()):
        common = reference.keys() & answers.keys()
        degree_bad = sum(1 for k in common if answers[k][0] != reference[k][0])
        asked = [k for k in common if answers[k][1] is not None and reference[k][1] is not None]
        length_bad = sum(1 for k in asked if len(answers[k][1]) != len(reference[k][1]))
        failures += degree_bad + length_bad
        print(f"{name:10s} vs {reference_name}: {len(common)} pairs, 1-hop size mismatches "
              f"{degree_bad}; {len(asked)} paths, length mismatches {length_bad}")
    for name, count in sorted(invalid_paths(graph_dir, systems).items()):
        failures += count
        print(f"{name:10s}: invalid paths {count}")
    print("check_answers: OK" if failures == 0 else f"check_answers: {failures} FAILURES")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
