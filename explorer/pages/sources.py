"""Sources: the original text of a node, or of any ``file:lines`` span, with its lines highlighted.

A measure also lists its responsibility clauses and the goals read from it, each
with its own lines (underlined in the text), so every fact can be checked.
"""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.excerpt import CORPUS, excerpt_html, parse_span, span_text
from explorer.i18n import t
from explorer.markdown import escape
from explorer.network import words

DEFAULT = "handan-eco-plan-2021-2025/m/1"
NODE = """
MATCH (n) WHERE n.id = $id
RETURN n AS node, n.source_file AS source_file, n.line_start AS line_start, n.line_end AS line_end
"""
FACTS = """
MATCH (m:Measure)<-[r:RESPONSIBLE_FOR]-(d:Department) WHERE m.id = $id
RETURN '责任 responsibility' AS fact, d.name + '（' + r.role + '）' AS what, r.clause AS as_written,
       r.source_file AS source_file, r.line_start AS line_start, r.line_end AS line_end
UNION ALL
MATCH (m:Measure)-[g:TARGETS]->(i:Indicator) WHERE m.id = $id
RETURN '目标 goal' AS fact, i.name + '：' + g.target AS what, g.name_as_written AS as_written,
       g.source_file AS source_file, g.line_start AS line_start, g.line_end AS line_end
"""


def render() -> None:
    """The sources page."""
    st.header(t("sources"))
    typed = state.bound_text(
        st.text_input,
        "节点 id 或 文件:行 / node id or file:lines (e.g. handan-eco-plan-2021-2025.txt:252-266)",
        "id",
        DEFAULT,
    ).strip()
    span = parse_span(typed)
    facts = pd.DataFrame()
    if span is None:
        found = data.cypher(NODE, id=typed)
        if found.empty:
            st.warning(f"没有这个节点 / No node {typed!r}")
            return
        node = found.iloc[0]
        st.markdown(f"**{node['node']['label']}** · `{typed}` · {escape(words(node['node'], 80))}")
        if node["source_file"] is None:
            st.info(
                "这个节点不是从原文某处读出的（如地区、规范指标）/ This node was not read from one place in the text."
            )
            return
        span = node["source_file"], int(node["line_start"]), int(node["line_end"])
        if node["node"]["label"] == "Measure":
            facts = data.cypher(FACTS, id=typed)
    _show(*span, facts)


def _show(source_file: str, first: int, last: int, facts: pd.DataFrame) -> None:
    st.caption(f"`data/raw/{source_file}` · 第 {first}–{last} 行 / lines {first}–{last}")
    marks = [(int(a), int(b)) for a, b in zip(facts.get("line_start", []), facts.get("line_end", []), strict=True)]
    try:
        st.markdown(excerpt_html(source_file, first, last, marks), unsafe_allow_html=True)
    except FileNotFoundError:
        st.error(f"原文文件不在 {CORPUS} / The source file is not in {CORPUS}: {source_file}")
        return
    if not facts.empty:
        st.subheader("从这段读出的事实 / Facts read from this passage")
        facts = facts.assign(
            lines=[f"{a}–{b}" for a, b in zip(facts["line_start"], facts["line_end"], strict=True)],
            source=[
                state.link("sources", id=span_text(*where))
                for where in zip(facts["source_file"], facts["line_start"], facts["line_end"], strict=True)
            ],
        )
        st.dataframe(
            facts[["fact", "what", "as_written", "lines", "source"]],
            hide_index=True,
            width="stretch",
            column_config={
                "fact": "类别 fact",
                "what": "内容 what",
                "as_written": st.column_config.TextColumn("原文 as written", width="large"),
                "lines": "行 lines",
                "source": st.column_config.LinkColumn(t("source"), display_text="↗"),
            },
        )
