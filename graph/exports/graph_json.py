"""graph.json: the whole graph as networkx node-link JSON, written by every build and read back by exports."""

import json
from pathlib import Path

import networkx as nx

NODE_LINK = {"name": "node", "source": "tail", "target": "head", "edges": "edges"}
"""node-link JSON keys that no property uses: ``id`` and TARGETS' ``target`` stay properties."""


def write(graph: nx.MultiDiGraph, target: Path) -> str:
    """Write ``graph`` to ``target`` as node-link JSON (keys ``NODE_LINK``), streamed, Chinese unescaped."""
    with target.open("w", encoding="utf-8") as handle:
        json.dump(nx.node_link_data(graph, **NODE_LINK), handle, ensure_ascii=False)
    return f"graph.json written to {target}"


def read(path: Path) -> nx.MultiDiGraph:
    """The graph a :func:`write` wrote to ``path``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, **NODE_LINK)
