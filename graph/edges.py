"""How the in-memory graph keys its edges: ``<type>:<n>``, n counting the edges already between the two nodes."""

import networkx as nx


def add_edge(graph: nx.MultiDiGraph, tail: str, head: str, kind: str, **properties) -> None:
    """Add a ``kind`` edge from ``tail`` (already in ``graph``) to ``head`` with ``properties``."""
    graph.add_edge(tail, head, key=f"{kind}:{len(graph[tail].get(head, {}))}", type=kind, **properties)
