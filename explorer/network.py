"""A node's neighbourhood as a pyvis network, standalone HTML that needs no internet."""

import html
import re

import pandas as pd
from pyvis.network import Network

COLOURS = {
    "Plan": "#1f77b4",
    "Section": "#aec7e8",
    "Measure": "#ff7f0e",
    "Department": "#2ca02c",
    "Region": "#9467bd",
    "Indicator": "#d62728",
    "Project": "#8c564b",
    "Topic": "#e377c2",
}
_CDN_TAG = re.compile(r'<(?:link|script)[^>]+(?:href|src)="https?://[^"]+"[^>]*>(?:\s*</script>)?')

OUTGOING = "MATCH (n)-[r]->(m) WHERE n.id = $id RETURN m AS node, r AS relationship LIMIT $cap"
INCOMING = "MATCH (n)<-[r]-(m) WHERE n.id = $id RETURN m AS node, r AS relationship LIMIT $cap"


def caption(node: dict) -> str:
    """A short readable label for a node."""
    for key in ("name", "title", "heading", "number", "text"):
        if node.get(key):
            text = str(node[key])
            return text if len(text) <= 18 else text[:17] + "…"
    return str(node.get("id"))


def network_html(center: dict, outgoing: pd.DataFrame, incoming: pd.DataFrame) -> str:
    """HTML of ``center`` and its neighbours (rows of :data:`OUTGOING` and :data:`INCOMING`)."""
    net = Network(height="620px", width="100%", directed=True, cdn_resources="in_line")
    net.add_node(
        center["id"],
        label=caption(center),
        title=html.escape(center["id"]),
        color=COLOURS.get(center["label"]),
        size=28,
    )
    for rows, points_out in ((outgoing, True), (incoming, False)):
        for other, relationship in zip(rows["node"], rows["relationship"], strict=True):
            title = html.escape(f"{other['label']}: {other['id']}")
            net.add_node(other["id"], label=caption(other), title=title, color=COLOURS.get(other["label"]))
            tail, head = (center["id"], other["id"]) if points_out else (other["id"], center["id"])
            net.add_edge(tail, head, title=relationship["type"], label=relationship["type"])
    net.set_options('{"edges": {"font": {"size": 9}}, "physics": {"stabilization": {"iterations": 150}}}')
    return _CDN_TAG.sub("", net.generate_html())
