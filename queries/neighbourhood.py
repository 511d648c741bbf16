"""A node's neighbourhood in the graph: 1–2 hops out, filtered by label and relationship type, capped.

``run(name, **params)`` runs a named query (:func:`queries.compare.runner`, or the explorer's cached call).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES

LABELS = tuple(NODE_TYPES)
RELATIONSHIPS = tuple(RELATIONSHIP_TYPES)
ROW_LIMIT = 5_000
"""Neighbour rows read per hop and direction; more means the view is cut."""

Run = Callable[..., pd.DataFrame]


@dataclass
class Neighbourhood:
    """The nodes around a centre (centre first, then by hop, label and id), the edges among them.

    An edge is ``(tail, head, type, role or status)``: the role of a RESPONSIBLE_FOR
    (lead/support/responsible), the status of a SIMILAR_TO, else None.
    """

    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    hops: dict[str, int] = field(default_factory=dict)
    cut: bool = False
    """True when the cap left neighbours out."""


def neighbourhood(run: Run, centre: str, hops: int, labels: list[str], types: list[str], cap: int) -> Neighbourhood:
    """Walk ``hops`` steps out from node ``centre`` along ``types`` to nodes of ``labels``, keeping ``cap`` nodes.

    An empty result has no nodes: there is no node ``centre``.
    """
    found = Neighbourhood()
    start = run("node", id=centre)
    if start.empty:
        return found
    found.nodes[centre], found.hops[centre] = start["node"][0], 0
    frontier = [centre]
    for hop in range(1, hops + 1):
        params = {"ids": frontier, "labels": list(labels), "types": list(types), "limit": ROW_LIMIT}
        results = [run(name, **params) for name in ("neighbours_out", "neighbours_in")]
        found.cut |= any(len(result) == ROW_LIMIT for result in results)
        frontier = []
        for node in interleaved(node for result in results for node in result["node"]):
            if node["id"] in found.nodes:
                continue
            if len(found.nodes) >= cap:
                found.cut = True
                break
            found.nodes[node["id"]], found.hops[node["id"]] = node, hop
            frontier.append(node["id"])
    found.edges = among(run, list(found.nodes.values()), types).edges
    return found


def interleaved(nodes) -> list[dict]:
    """Nodes taken in turn from each label (each in id order), so a cap keeps every kind of neighbour."""
    by_label: dict[str, dict[str, dict]] = {}
    for node in nodes:
        by_label.setdefault(node["label"], {})[node["id"]] = node
    rounds = [sorted(group.items()) for _, group in sorted(by_label.items())]
    return [group[i][1] for i in range(max(map(len, rounds), default=0)) for group in rounds if i < len(group)]


def among(run: Run, nodes: list[dict], types: tuple[str, ...] | list[str] = RELATIONSHIPS) -> Neighbourhood:
    """The given nodes (say, a console result's) and every relationship of ``types`` between them."""
    found = Neighbourhood(nodes={node["id"]: node for node in nodes}, hops={node["id"]: 1 for node in nodes})
    edges = run("edges_among", ids=list(found.nodes), types=list(types))
    kinds = [_present(role) or _present(status) for role, status in zip(edges["role"], edges["status"], strict=True)]
    found.edges = sorted(set(zip(edges["tail"], edges["head"], edges["type"], kinds, strict=True)), key=str)
    return found


def _present(value) -> str | None:
    return value if isinstance(value, str) else None
