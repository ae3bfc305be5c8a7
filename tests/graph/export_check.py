#!/usr/bin/python3
"""Loads a presskg export the way analysts do and compares it with expectations.

    export_check.py graphml FILE.graphml EXPECTED.json   # with networkx and with python-igraph
    export_check.py gexf FILE.gexf EXPECTED.json         # with xml.etree, spells included
    export_check.py csv DIR EXPECTED.json                # DIR/nodes.csv, DIR/relationships.csv

EXPECTED.json (written by tests/graph/export_*_test.cc):
    {"node_count": N, "edge_count": M,
     "nodes": {"<node id>": {"<attribute>": value, ...}},          # a subset; null = absent/empty
     "edges": {"<edge id>": {"source": "<id>", "target": "<id>", "<attribute>": value, ...}},
     "node_spells": {"<node id>": [start, end]}, "edge_spells": {...},   # gexf
     "node_header": [...], "edge_header": [...]}                          # csv: header prefixes

Prints a JSON report {"ok": bool, "errors": [...], "loaders": {...}} and exits 0 when every
loader agrees with the expectations, 1 when one does not, 2 on bad usage, 77 when networkx or
igraph is missing (the caller skips).
"""

import csv
import json
import math
import os
import sys
import xml.etree.ElementTree as ET

GEXF_NS = "{http://gexf.net/1.3}"


def is_absent(value):
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def same(expected, actual):
    if expected is None:
        return is_absent(actual)
    if isinstance(expected, bool):
        return isinstance(actual, bool) and actual == expected
    if isinstance(expected, (int, float)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return False
        return math.isclose(float(actual), float(expected), rel_tol=1e-6, abs_tol=1e-9)
    return actual == expected


def compare(name, expected, graph, errors):
    """graph: {"nodes": {id: attrs}, "edges": {id: attrs}, optional spells}."""
    nodes, edges = graph["nodes"], graph["edges"]
    if len(nodes) != expected["node_count"]:
        errors.append(f"{name}: {len(nodes)} nodes, expected {expected['node_count']}")
    if len(edges) != expected["edge_count"]:
        errors.append(f"{name}: {len(edges)} edges, expected {expected['edge_count']}")
    for kind, want_all, have_all in (("node", expected["nodes"], nodes),
                                     ("edge", expected["edges"], edges)):
        for item_id, want in want_all.items():
            if item_id not in have_all:
                errors.append(f"{name}: {kind} {item_id} missing")
                continue
            have = have_all[item_id]
            for attr, value in want.items():
                if not same(value, have.get(attr)):
                    errors.append(f"{name}: {kind} {item_id} {attr} = {have.get(attr)!r}, "
                                  f"expected {value!r}")
    for kind in ("node_spells", "edge_spells"):
        if kind not in graph:
            continue
        items = nodes if kind == "node_spells" else edges
        for item_id in items:
            want = expected[kind].get(item_id)
            have = graph[kind].get(item_id, [])
            if want is None and have:
                errors.append(f"{name}: {kind} of {item_id} = {have}, expected none")
            elif want is not None and have != [tuple(want)]:
                errors.append(f"{name}: {kind} of {item_id} = {have}, expected [{tuple(want)}]")


def load_networkx(path):
    import networkx as nx
    g = nx.read_graphml(path)
    if not g.is_directed():
        raise ValueError("networkx read an undirected graph")
    nodes = {n: dict(data) for n, data in g.nodes(data=True)}
    edges = {}
    if g.is_multigraph():  # parallel edges: keyed by the GraphML edge id
        for source, target, key, data in g.edges(keys=True, data=True):
            edges[key] = dict(data, source=source, target=target)
    else:  # no parallel edges: the edge id is kept as the "id" attribute
        for source, target, data in g.edges(data=True):
            edges[data["id"]] = dict(data, source=source, target=target)
    return {"nodes": nodes, "edges": edges}


def load_igraph(path):
    import igraph as ig
    g = ig.Graph.Read_GraphML(path)
    if not g.is_directed():
        raise ValueError("igraph read an undirected graph")
    nodes = {v["id"]: v.attributes() for v in g.vs}
    edges = {}
    for e in g.es:
        attrs = e.attributes()
        attrs["source"] = g.vs[e.source]["id"]
        attrs["target"] = g.vs[e.target]["id"]
        edges[attrs["id"]] = attrs
    return {"nodes": nodes, "edges": edges}


def typed(value, type_name):
    if type_name in ("integer", "int", "long"):
        return int(value)
    if type_name in ("float", "double"):
        return float(value)
    if type_name == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"bad boolean {value!r}")
        return value == "true"
    return value


def gexf_items(element, attr_types):
    attrs = {}
    for attvalue in element.iter(GEXF_NS + "attvalue"):
        key = attvalue.get("for")
        attrs[key] = typed(attvalue.get("value"), attr_types[key])
    spells = [(s.get("start"), s.get("end")) for s in element.iter(GEXF_NS + "spell")]
    return attrs, spells


def load_gexf(path):
    root = ET.parse(path).getroot()
    if root.tag != GEXF_NS + "gexf" or root.get("version") != "1.3":
        raise ValueError(f"root is {root.tag} version {root.get('version')}")
    graph = root.find(GEXF_NS + "graph")
    wanted = {"mode": "dynamic", "timeformat": "date", "defaultedgetype": "directed"}
    for attr, value in wanted.items():
        if graph.get(attr) != value:
            raise ValueError(f"graph {attr} is {graph.get(attr)!r}, expected {value!r}")
    types = {"node": {}, "edge": {}}
    for attributes in graph.findall(GEXF_NS + "attributes"):
        for attribute in attributes.findall(GEXF_NS + "attribute"):
            types[attributes.get("class")][attribute.get("id")] = attribute.get("type")
    out = {"nodes": {}, "edges": {}, "node_spells": {}, "edge_spells": {}}
    for node in graph.find(GEXF_NS + "nodes").findall(GEXF_NS + "node"):
        attrs, spells = gexf_items(node, types["node"])
        attrs["label"] = node.get("label")
        out["nodes"][node.get("id")] = attrs
        out["node_spells"][node.get("id")] = spells
    for edge in graph.find(GEXF_NS + "edges").findall(GEXF_NS + "edge"):
        attrs, spells = gexf_items(edge, types["edge"])
        attrs.update(source=edge.get("source"), target=edge.get("target"),
                     label=edge.get("label"), kind=edge.get("kind"),
                     weight=float(edge.get("weight")))
        if attrs["kind"] != attrs.get("relation"):
            raise ValueError(f"edge {edge.get('id')} kind {attrs['kind']!r} is not its relation")
        out["edges"][edge.get("id")] = attrs
        out["edge_spells"][edge.get("id")] = spells
    return out


NEO4J_TYPES = {"int": "int", "long": "long", "float": "float", "double": "double",
               "boolean": "boolean"}


def csv_rows(path, header_prefix, errors):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        if header[:len(header_prefix)] != header_prefix:
            errors.append(f"csv: {os.path.basename(path)} header {header} does not start with "
                          f"{header_prefix}")
        rows = []
        for line in reader:
            if len(line) != len(header):
                raise ValueError(f"{path}: row of {len(line)} fields under {len(header)}: {line}")
            row = {}
            for field, value in zip(header, line):
                name, _, suffix = field.partition(":")  # "sources:int", "id:ID", ":LABEL"
                key = name or field
                if value == "":
                    row[key] = None
                elif suffix in NEO4J_TYPES:
                    row[key] = typed(value, NEO4J_TYPES[suffix])
                else:
                    row[key] = value
            rows.append(row)
        return rows


def load_csv(directory, expected, errors):
    out = {"nodes": {}, "edges": {}}
    for row in csv_rows(os.path.join(directory, "nodes.csv"), expected["node_header"], errors):
        row["presskg_id"] = int(row["id"])
        row["label"] = row.get("name")
        if row[":LABEL"] != row["kind"].capitalize():
            errors.append(f"csv: node {row['id']} :LABEL {row[':LABEL']} for kind {row['kind']}")
        out["nodes"][row["id"]] = row
    for row in csv_rows(os.path.join(directory, "relationships.csv"), expected["edge_header"],
                        errors):
        row["source"], row["target"] = row[":START_ID"], row[":END_ID"]
        if row[":TYPE"] != row["relation"].upper():
            errors.append(f"csv: :TYPE {row[':TYPE']} for relation {row['relation']}")
        out["edges"][f"{row['source']}-{row['relation']}-{row['target']}"] = row
    return out


def main(argv):
    if len(argv) != 4 or argv[1] not in ("graphml", "gexf", "csv"):
        print(__doc__, file=sys.stderr)
        return 2
    fmt, path = argv[1], argv[2]
    with open(argv[3], encoding="utf-8") as f:
        expected = json.load(f)
    errors, loaded = [], {}
    if fmt == "graphml":
        try:
            import networkx  # noqa: F401
            import igraph  # noqa: F401
        except ImportError as e:
            print(json.dumps({"ok": False, "skip": f"{sys.executable}: {e}"}))
            return 77
        loaders = {"networkx": lambda: load_networkx(path), "igraph": lambda: load_igraph(path)}
    elif fmt == "gexf":
        loaders = {"xml.etree": lambda: load_gexf(path)}
    else:
        loaders = {"csv": lambda: load_csv(path, expected, errors)}
    for name, load in loaders.items():
        try:
            graph = load()
        except Exception as e:  # a loader that cannot read the file is a finding, not a crash
            errors.append(f"{name}: {type(e).__name__}: {e}")
            continue
        loaded[name] = {"nodes": len(graph["nodes"]), "edges": len(graph["edges"])}
        compare(name, expected, graph, errors)
    print(json.dumps({"ok": not errors, "errors": errors, "loaders": loaded},
                     ensure_ascii=False, indent=1))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
