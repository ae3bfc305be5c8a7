#!/usr/bin/python3
"""networkx peer of the presskg graph benchmark; writes DIR/results/networkx.json.

Model: one nx.MultiDiGraph, the natural networkx shape of a multi-relational directed graph
(the same pair may be linked by several relations); the edge key is the relation name, nodes
carry name and kind. 1-hop lists every incident edge's other end (out and in, all relations);
shortest path is nx.shortest_path (bidirectional BFS) on G.to_undirected(as_view=True).
Usage: networkx_bench.py DIR [--limit K]
"""
import networkx as nx

import peer_common


def load(graph_dir):
    """Builds the MultiDiGraph from the CSV files (parsing included, as in a bulk load)."""
    graph = nx.MultiDiGraph()
    ids, names, kinds = peer_common.read_nodes(graph_dir)
    graph.add_nodes_from((i, {"name": name, "kind": kind})
                         for i, name, kind in zip(ids, names, kinds))
    del ids, names, kinds
    graph.add_edges_from((src, dst, relation, {})
                         for src, dst, relation in peer_common.read_edges(graph_dir))
    return graph


def make_queries(graph):
    """(one_hop, shortest_path) over `graph`."""
    succ, pred = graph._succ, graph._pred  # pylint: disable=protected-access
    undirected = graph.to_undirected(as_view=True)

    def one_hop(node):
        found = [v for v, keys in succ[node].items() for _ in keys]
        found.extend(u for u, keys in pred[node].items() for _ in keys)
        return found

    def shortest_path(src, dst):
        try:
            return nx.shortest_path(undirected, src, dst)
        except nx.NetworkXNoPath:
            return []

    return one_hop, shortest_path


if __name__ == "__main__":
    peer_common.run_peer("networkx", nx.__version__,
                         "MultiDiGraph, key=relation; paths on to_undirected(as_view=True)",
                         __doc__, load, lambda g: (g.number_of_nodes(), g.number_of_edges()),
                         make_queries)
