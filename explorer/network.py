"""A node's neighbourhood (1–2 hops, filtered, capped) and its pyvis drawing as offline standalone HTML."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from pyvis.network import Network

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES

COLOURS = {
    "Plan": "#1f77b4",
    "Section": "#9ecae1",
    "Measure": "#ff7f0e",
    "Department": "#2ca02c",
    "Region": "#9467bd",
    "Indicator": "#d62728",
    "Project": "#8c564b",
    "Topic": "#e377c2",
}
LABELS = tuple(NODE_TYPES)
RELATIONSHIPS = tuple(RELATIONSHIP_TYPES)
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Zen Hei, sans-serif"
EDGE_LABELS = 40
"""Above this many edges their type shows on hover only, so the drawing stays readable."""
ROW_LIMIT = 5_000
"""Neighbour rows read per hop and direction; more means the view is cut."""

NODE = "MATCH (n) WHERE n.id = $id RETURN n AS node"
_STEP = """
MATCH (n){arrow}(m) WHERE n.id IN $ids AND label(m) IN $labels AND label(r) IN $types
RETURN m AS node ORDER BY label(m), m.id LIMIT $limit
"""
STEPS = (_STEP.format(arrow="-[r]->"), _STEP.format(arrow="<-[r]-"))
EDGES = """
MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND label(r) IN $types
RETURN a.id AS tail, label(r) AS type, b.id AS head
"""
_REMOTE = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*"https?://[^"]*"[^>]*>(?:\s*</script>)?', re.I)

Run = Callable[..., pd.DataFrame]


@dataclass
class Neighbourhood:
    """The nodes around a centre (centre first, then by hop, label and id), the edges among them."""

    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    hops: dict[str, int] = field(default_factory=dict)
    cut: bool = False
    """True when the cap left neighbours out."""


def neighbourhood(run: Run, centre: str, hops: int, labels: list[str], types: list[str], cap: int) -> Neighbourhood:
    """Walk ``hops`` steps out from node ``centre`` along ``types`` to nodes of ``labels``, keeping ``cap`` nodes.

    ``run(query, **params)`` runs Cypher (the explorer's cached call or ``kg.cypher``).
    An empty result has no nodes: there is no node ``centre``.
    """
    found = Neighbourhood()
    start = run(NODE, id=centre)
    if start.empty:
        return found
    found.nodes[centre], found.hops[centre] = start["node"][0], 0
    frontier = [centre]
    for hop in range(1, hops + 1):
        params = {"ids": frontier, "labels": list(labels), "types": list(types), "limit": ROW_LIMIT}
        results = [run(step, **params) for step in STEPS]
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
    edges = run(EDGES, ids=list(found.nodes), types=list(types))
    found.edges = sorted(set(zip(edges["tail"], edges["head"], edges["type"], strict=True)))
    return found


def words(node: dict, longest: int = 40) -> str:
    """The node's name, title, heading or text (its id if none), cut at ``longest`` characters."""
    text = next((str(node[key]) for key in ("name", "title", "heading", "text") if node.get(key)), node["id"])
    return text if len(text) <= longest else text[: longest - 1] + "…"


def caption(node: dict, width: int = 10) -> str:
    """A short readable label for the drawing: the node's words on at most two lines."""
    text = words(node, 2 * width)
    return text if len(text) <= width else text[:width] + "\n" + text[width:]


def tooltip(node: dict) -> str:
    """Plain-text hover text: label, id and the node's words (vis-network shows it as text, not HTML)."""
    return f"{node['label']} · {node['id']}\n{words(node, 200)}"


def network_html(found: Neighbourhood, centre: str) -> str:
    """Standalone HTML drawing ``found``: vis-network and its CSS inlined, no request leaves the page."""
    net = Network(height="640px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node_id, node in found.nodes.items():
        net.add_node(
            node_id,
            label=caption(node),
            title=tooltip(node),
            color=COLOURS.get(node["label"], "#7f7f7f"),
            size=30 if node_id == centre else 16 if found.hops[node_id] == 1 else 10,
            borderWidth=4 if node_id == centre else 1,
            font={"face": FONT, "size": 16 if node_id == centre else 13},
        )
    labelled = len(found.edges) <= EDGE_LABELS
    for tail, head, kind in found.edges:
        net.add_edge(tail, head, title=kind, arrows="to", **({"label": kind} if labelled else {}))
    net.set_options(
        '{"edges": {"font": {"size": 9, "color": "#555"}, "color": {"color": "#bbbbbb"}, "smooth": false},'
        ' "physics": {"solver": "forceAtlas2Based", "forceAtlas2Based": {"gravitationalConstant": -80,'
        ' "springLength": 110}, "stabilization": {"iterations": 250}},'
        ' "interaction": {"hover": true, "navigationButtons": false}}'
    )
    page = _REMOTE.sub("", net.generate_html()).replace("<body>", "<body>" + legend_html(found), 1)
    if re.search(r'(?:src|href)\s*=\s*"https?://', page, re.I):
        raise RuntimeError("the network page still loads something from the internet")
    return page


def legend_html(found: Neighbourhood) -> str:
    """A one-line colour key of the labels drawn."""
    labels = sorted({node["label"] for node in found.nodes.values()})
    keys = "".join(
        f'<span style="margin-right:14px"><span style="color:{COLOURS.get(label, "#7f7f7f")}">●</span> {label}</span>'
        for label in labels
    )
    return f'<div style="font:13px {FONT};padding:4px 2px">{keys}</div>'
