#!/usr/bin/python3
"""python-igraph peer of the presskg graph benchmark; writes DIR/results/igraph.json.

Model: one directed igraph.Graph with parallel edges allowed (one edge per relation), vertex
attributes name and kind, edge attribute relation. 1-hop is g.neighbors(v, mode="all") (one entry
per incident edge); shortest path is g.get_shortest_paths(src, to=dst, mode="all") (BFS, one path).
Usage: igraph_bench.py DIR [--limit K]
"""
import array

import igraph

import peer_common


def load(graph_dir):
    """Builds the Graph from the CSV files (parsing included, as in a bulk load). Vertex i is
    node id i when the ids are 0..N-1; otherwise the graph attribute "ids" maps index -> id."""
    ids, names, kinds = peer_common.read_nodes(graph_dir)
    index = None if ids == list(range(len(ids))) else {node: i for i, node in enumerate(ids)}
    ends = array.array("q")
    relations = []
    for src, dst, relation in peer_common.read_edges(graph_dir):
        ends.append(src if index is None else index[src])
        ends.append(dst if index is None else index[dst])
        relations.append(relation)
    graph = igraph.Graph(n=len(ids), edges=zip(ends[0::2], ends[1::2]), directed=True,
                         vertex_attrs={"name": names, "kind": kinds},
                         edge_attrs={"relation": relations})
    graph["ids"] = None if index is None else ids
    return graph


def make_queries(graph):
    """(one_hop, shortest_path) over `graph`, taking and returning node ids."""
    ids = graph["ids"]
    index = None if ids is None else {node: i for i, node in enumerate(ids)}

    def vertex(node):
        return node if index is None else index[node]

    def node_ids(vertices):
        return vertices if ids is None else [ids[v] for v in vertices]

    def one_hop(node):
        return node_ids(graph.neighbors(vertex(node), mode="all"))

    def shortest_path(src, dst):
        return node_ids(graph.get_shortest_paths(vertex(src), to=vertex(dst), mode="all")[0])

    return one_hop, shortest_path


if __name__ == "__main__":
    peer_common.run_peer("igraph", igraph.__version__,
                         "directed Graph, parallel edge per relation; paths mode=all",
                         __doc__, load, lambda g: (g.vcount(), g.ecount()), make_queries)
