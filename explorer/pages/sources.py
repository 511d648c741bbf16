"""Sources: the original text of a node, or of any ``file:lines`` span, with its lines highlighted.

A measure also lists its responsibility clauses and the goals read from it, each
with its own lines (underlined in the text), so every fact can be checked. A row of
an indicator table is shown under its table's title and column headers.
"""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.excerpt import excerpt_html
from explorer.i18n import t
from explorer.markdown import escape
from explorer.network import words
from queries.sources import SpanError, checked_lines, pages_of, parse_span, span_text, table_header

DEFAULT = "handan-eco-plan-2021-2025/m/1"
HEADER_LINES = 12
"""Lines shown from a table's title down, at most, so its column headers are read with the row."""


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
        found = data.run_named("node", id=typed)
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
            facts = data.run_named("measure_facts", id=typed)
    try:
        _show(*span, facts)
    except SpanError as err:
        st.error(f"无法显示这段原文 / Cannot show this span: {err}")


def _show(source_file: str, first: int, last: int, facts: pd.DataFrame) -> None:
    lines = checked_lines(source_file, first, last)
    _table_header(source_file, first, lines)
    pages = pages_of(source_file, first, last)
    st.caption(
        f"`{data.corpus(data.build_directory()) / source_file}` · 第 {first}–{last} 行 / lines {first}–{last}"
        + (f" · 第 {pages[0]}–{pages[1]} 页 / pages {pages[0]}–{pages[1]}" if pages else "")
    )
    marks = [(int(a), int(b)) for a, b in zip(facts.get("line_start", []), facts.get("line_end", []), strict=True)]
    st.markdown(excerpt_html(source_file, first, last, marks), unsafe_allow_html=True)
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


def _table_header(source_file: str, row: int, lines: tuple[str, ...]) -> None:
    """For a row of an indicator table, the table's title and column headers as printed."""
    titles = data.run_named("table_row_at", source_file=source_file, line=row)["table_title"].dropna()
    title_line = table_header(lines, row, titles.iloc[0]) if not titles.empty else None
    if title_line is None:
        return
    last = min(title_line + HEADER_LINES, row - 1)
    header = " ".join(line.strip() for line in lines[title_line - 1 : last] if line.strip())
    st.markdown(f"**表头 / Table header** (第 {title_line}–{last} 行 lines): {escape(header)}")
