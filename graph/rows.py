"""The graph as the schema's rows, checked once for every writer.

:func:`schema_rows` turns the in-memory graph into one tuple per node (its label's
declared properties, in declared order) and one per relationship (``from``, ``to``,
the edge ``key``, then its type's declared properties), grouped by label and by
(type, from label, to label). Every value is checked against its declared type; a
label, type, pair or property the schema does not declare raises ``ValueError``
naming it. Rows are tuples, not dicts or frames, so the whole graph is held once.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph.schema import BOOLEAN, DOUBLE, INT64, NODE_TYPES, RELATIONSHIP_TYPES, STRING, STRING_LIST

EDGE_ENDS = ("from", "to", "key")
"""The columns a relationship row starts with, before its declared properties."""


@dataclass
class Rows:
    """Checked rows per node label and per (relationship type, from label, to label)."""

    nodes: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    relationships: dict[tuple[str, str, str], list[tuple]] = field(default_factory=lambda: defaultdict(list))


def node_columns(label: str) -> list[str]:
    """The columns of a ``label`` node row."""
    return list(NODE_TYPES[label].properties)


def relationship_columns(kind: str) -> list[str]:
    """The columns of a ``kind`` relationship row: ``from``, ``to``, ``key``, then the declared properties."""
    return [*EDGE_ENDS, *RELATIONSHIP_TYPES[kind].properties]


def schema_rows(graph: nx.MultiDiGraph) -> Rows:
    """Every node and relationship of ``graph`` as a checked row (see the module docstring)."""
    rows = Rows()
    for node_id, data in graph.nodes(data=True):
        label = data.get("label")
        if label not in NODE_TYPES:
            raise ValueError(f"node {node_id!r} has a label the schema does not declare: {label!r}")
        if data.get("id", node_id) != node_id:
            raise ValueError(f"{label} node {node_id!r} has a different id property: {data['id']!r}")
        values = _checked({**data, "id": node_id}, NODE_TYPES[label].properties, f"{label} node {node_id!r}", "label")
        rows.nodes[label].append(values)
    for tail, head, key, data in graph.edges(keys=True, data=True):
        kind = data.get("type")
        if kind not in RELATIONSHIP_TYPES:
            raise ValueError(f"edge {tail!r}→{head!r} has a type the schema does not declare: {kind!r}")
        pair = (graph.nodes[tail]["label"], graph.nodes[head]["label"])
        if pair not in RELATIONSHIP_TYPES[kind].pairs:
            raise ValueError(f"{kind} does not join {pair[0]} to {pair[1]} ({tail!r}→{head!r})")
        values = _checked(data, RELATIONSHIP_TYPES[kind].properties, f"{kind} edge {tail!r}→{head!r}", "type")
        rows.relationships[(kind, *pair)].append((tail, head, key, *values))
    return rows


def _checked(data: dict, declared: dict[str, str], what: str, reserved: str) -> tuple:
    """The declared properties of ``data`` in declared order (missing ones None), each checked against its type."""
    unknown = set(data) - set(declared) - {reserved}
    if unknown:
        raise ValueError(f"{what} has properties the schema does not declare: {', '.join(sorted(unknown))}")
    values = []
    for name, kind in declared.items():
        value = data.get(name)
        if value is not None:
            if not _VALID[kind](value):
                raise ValueError(f"{what}: {name} should be {kind}, got {value!r}")
            value = _CONVERT[kind](value) if kind in _CONVERT else value
        values.append(value)
    return tuple(values)


_VALID = {
    STRING: lambda value: isinstance(value, str),
    INT64: lambda value: isinstance(value, int) and not isinstance(value, bool),
    DOUBLE: lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    BOOLEAN: lambda value: isinstance(value, bool),
    STRING_LIST: lambda value: isinstance(value, list | tuple) and all(isinstance(item, str) for item in value),
}
_CONVERT = {DOUBLE: float, STRING_LIST: list}
"""Integers are made floats for DOUBLE columns (the embedded store's DataFrame scan would otherwise
reinterpret their bits: 37 is stored as 1.8e-322 when one comes first), tuples lists."""
