"""Graph: a chosen node's neighbourhood drawn with pyvis (offline): filters, a node cap, click to expand, download."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.network import network_html, words
from queries.neighbourhood import LABELS, RELATIONSHIPS, neighbourhood

DEFAULT_NODE = "dept/130400/生态环境局"
CAP_STEP = 60
WALKED_HOPS = 2
"""Hops read around the centre; those beyond the hops shown are drawn folded, to unfold with a click."""
PICKER_LIMIT = 500
"""Nodes the picker offers for a search; the search box narrows a large graph down to them."""


def options(text: str, keep: list[str]) -> dict[str, str]:
    """Node id → ``Label · id · words``: the nodes ``keep`` first, in order, then the first nodes whose id or words hold ``text``."""
    nodes = pd.concat(
        [data.run_named("nodes_by_id", ids=keep), data.run_named("find_nodes", find=text, limit=PICKER_LIMIT)]
    )
    labels = {
        node_id: f"{label} · {node_id} · {words[:40]}"
        for node_id, label, words in zip(nodes["id"], nodes["label"], nodes["words"], strict=True)
    }
    return {**{node: labels[node] for node in keep if node in labels}, **labels}


def render() -> None:
    """The graph page."""
    st.header(t("graph"))
    text = st.text_input(t("find_node"), key="find", placeholder="散煤、生态环境局、region/1305…").strip()
    asked = st.query_params.get("node")
    wanted = [st.session_state.get("node"), asked, DEFAULT_NODE]
    choices = options(text, [node for node in wanted if node])
    if asked and asked not in choices and "node" not in st.session_state:
        st.warning(f"没有这个节点 / No node {asked!r}: showing {DEFAULT_NODE}")
    ids = list(choices)
    left, middle, right = st.columns([5, 1, 2])
    centre = state.bound(left.selectbox, t("node"), ids, "node", DEFAULT_NODE, format_func=choices.get)
    hops = state.bound(middle.segmented_control, t("hops"), [1, 2], "hops", 1, required=True)
    labels = right.multiselect(t("labels"), LABELS, default=LABELS, key="labels")
    types = st.multiselect(t("types"), RELATIONSHIPS, default=RELATIONSHIPS, key="types")
    if st.session_state.get("cap_for") != centre:  # a new centre starts from the first page of neighbours
        st.session_state["cap"], st.session_state["cap_for"] = CAP_STEP, centre
    found = neighbourhood(data.run_named, centre, WALKED_HOPS, labels, types, st.session_state["cap"])
    if not found.nodes:
        st.warning(f"没有节点 / No node {centre!r}")
        return
    folded = sum(hop > hops for hop in found.hops.values())
    st.write(
        f"{len(found.nodes)} 个节点 nodes · {len(found.edges)} 条关系 edges"
        + (f" · 其中 {folded} 个折叠，点击邻居展开 / {folded} folded: click a neighbour to unfold" if folded else "")
        + (f" · 已截断 cut at {st.session_state['cap']}" if found.cut else "")
    )
    regions = dict(zip(data.plans()["plan_id"], data.plans()["region"], strict=True))
    page = network_html(found, centre, regions, folded=hops + 1)
    st.iframe(page, height=980)
    buttons = st.columns([1, 1, 4])
    if found.cut:
        buttons[0].button(t("more"), on_click=_more, width="stretch")
    buttons[1].download_button(
        f"{t('download')} HTML",
        page,
        file_name=f"plankg-{centre.replace('/', '_')}.html",
        mime="text/html",
        on_click="ignore",
        width="stretch",
    )
    _recentre(found, centre)


def _more() -> None:
    st.session_state["cap"] += CAP_STEP


def _go_to_picked() -> None:
    state.go("graph", node=st.session_state["recentre"])
    st.session_state["recentre"] = None


def _recentre(found, centre: str) -> None:
    shown = pd.DataFrame(
        [
            {"hop": found.hops[node_id], "label": node["label"], "id": node_id, "words": words(node)}
            for node_id, node in found.nodes.items()
        ]
    )
    st.selectbox(
        t("recentre"),
        [node_id for node_id in found.nodes if node_id != centre],
        index=None,
        format_func=lambda node_id: f"{found.nodes[node_id]['label']} · {words(found.nodes[node_id])}",
        key="recentre",
        on_change=_go_to_picked,
        placeholder="选择一个相邻节点 / pick a node in the view",
    )
    with st.expander(f"图中的节点 / Nodes in the view ({len(shown)})"):
        st.dataframe(shown, hide_index=True, width="stretch")
