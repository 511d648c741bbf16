"""Graph: a pyvis network of a chosen node's neighbourhood, offline, downloadable."""

import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.network import COLOURS, INCOMING, OUTGOING, network_html

FIND = "MATCH (n) WHERE n.id = $id RETURN n AS n"
SEARCH = """
MATCH (n) WHERE n.id CONTAINS $text OR n.name CONTAINS $text OR n.title CONTAINS $text
RETURN n.id AS id LIMIT 50
"""


def render() -> None:
    """The graph page."""
    st.header(t("graph"))
    typed = st.text_input(t("search"), value="")
    candidates = data.cypher(SEARCH, text=typed)["id"].tolist() if typed else []
    chosen = state.get("node", "dept/130400/生态环境局")
    options = candidates or [chosen]
    node_id = st.selectbox(t("node"), options, index=0)
    cap = st.slider(t("max_nodes"), 10, 300, 60, step=10)
    found = data.cypher(FIND, id=node_id)
    if found.empty:
        st.warning(f"no node {node_id!r}")
        return
    state.put(node=node_id)
    center = found["n"][0]
    outgoing, incoming = data.cypher(OUTGOING, id=node_id, cap=cap), data.cypher(INCOMING, id=node_id, cap=cap)
    st.caption(
        " · ".join(f"<span style='color:{colour}'>●</span> {label}" for label, colour in COLOURS.items()),
        unsafe_allow_html=True,
    )
    st.write(f"{len(outgoing) + len(incoming)} neighbours 相邻节点 (cap {cap})")
    html = network_html(center, outgoing, incoming)
    st.iframe(html, height=640)
    st.download_button(t("download") + " HTML", html, file_name=f"{node_id.replace('/', '_')}.html", mime="text/html")
    neighbours = [node["id"] for node in list(outgoing["node"]) + list(incoming["node"])]
    if neighbours:
        st.selectbox(
            "→ re-centre 重新居中",
            neighbours,
            key="recentre",
            on_change=lambda: state.put(node=st.session_state.recentre),
        )
