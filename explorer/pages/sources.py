"""Sources: the original text of any node with its lines highlighted."""

import html

import streamlit as st

from explorer import data, state
from explorer.i18n import t
from queries.api import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "data" / "raw"
CONTEXT = 4


def render() -> None:
    """The sources page."""
    st.header(t("sources"))
    node_id = st.text_input("id", value=state.get("id", "handan-eco-plan-2021-2025/m/1"))
    state.put(id=node_id)
    found = data.run_named("provenance", id=node_id)
    if found.empty or found.loc[0, "source_file"] is None:
        st.info("这个节点不是从某一段原文读出的 / This node was not read from one place in the text.")
        return
    row = found.iloc[0]
    first, last = int(row["line_start"]), int(row["line_end"])
    lines = (CORPUS / row["source_file"]).read_text(encoding="utf-8").splitlines()
    st.caption(f"{row['source_file']} : {first}–{last}")
    shown = []
    for number in range(max(1, first - CONTEXT), min(len(lines), last + CONTEXT) + 1):
        text = html.escape(lines[number - 1])
        style = "background:#fff3b0" if first <= number <= last else "color:#888"
        shown.append(f"<div style='{style}'><code>{number:>5}</code> {text}</div>")
    st.markdown("".join(shown), unsafe_allow_html=True)
