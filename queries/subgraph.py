"""A query result as a networkx graph: its nodes, relationships and paths, with their properties."""

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from graph.stores.errors import QueryError


def result_graph(values: Iterable[Any]) -> nx.MultiDiGraph:
    """The nodes and relationships found anywhere in ``values`` (cells of a result read with identities).

    Nodes are keyed by their plankg ``id`` and keep ``label`` and their properties;
    each relationship becomes one edge with its ``type`` and properties, however
    many rows repeat it. A relationship whose endpoints are not in the result is a
    :class:`QueryError`: return them too (``RETURN a, r, b``) or return a path.
    """
    nodes: dict[str, dict] = {}
    relationships: dict[str, dict] = {}
    for item in _entities(values):
        (relationships if "type" in item else nodes)[item["_id"]] = item
    graph = nx.MultiDiGraph()
    for node in nodes.values():
        graph.add_node(node["id"], **_properties(node))
    for relationship in relationships.values():
        ends = [nodes.get(relationship[end]) for end in ("_start", "_end")]
        if None in ends:
            raise QueryError(
                f"the result holds a {relationship['type']} relationship without its endpoints: return them too "
                "(MATCH (a)-[r]->(b) RETURN a, r, b) or return a path (MATCH p = … RETURN p)"
            )
        graph.add_edge(ends[0]["id"], ends[1]["id"], **_properties(relationship))
    return graph


def _entities(value: Any) -> Iterator[dict]:
    """Every node and relationship dict in ``value``, however nested (paths, lists, maps)."""
    if isinstance(value, dict):
        if "_id" in value:
            yield value
        for item in value.values():
            yield from _entities(item)
    elif isinstance(value, list | tuple) or not isinstance(value, str) and isinstance(value, Iterable):
        for item in value:
            yield from _entities(item)


def _properties(entity: dict) -> dict:
    return {key: value for key, value in entity.items() if not key.startswith("_")}
