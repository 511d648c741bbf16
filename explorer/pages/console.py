"""Cypher console: a read-only query box, the named queries as examples, results as a table, CSV and a graph.

Ctrl+Enter (⌘+Enter) runs the query. The query (``?cypher=``) and its parameters
(``?p_<name>=``) live in the URL, so a result can be sent on; parameters of known
kinds (plan, region, department, indicator, topic) are picked from the graph's
values. The text typed reaches the engine only as the query itself, and the
parameter inputs only as ``$parameters``; the store is opened read-only, so a
write shows the engine's own error.
"""

import json
import time

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.network import network_html, words
from queries.named import coerce, library, parameters
from queries.neighbourhood import among

SHOWN_ROWS = 5_000
DRAWN_NODES = 300
START = "MATCH (p:Plan) RETURN p.region AS region, p.title AS title, p.doc_number AS number ORDER BY region"


def shown(value) -> str | int | float | bool | None:
    """A cell as the table shows it: a node as ``Label · words · id``, other maps and lists as JSON, the rest as is."""
    if isinstance(value, dict) and "label" in value and "id" in value:
        return f"{value['label']} · {words(value)} · {value['id']}"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


PICKERS = {  # parameter name → (named query, value column, shown column)
    "plan": ("plans", "plan_id", "title"),
    "other": ("plans", "plan_id", "title"),
    "region": ("plans", "region", "region"),
    "department": ("departments", "name", "name"),
    "indicator": ("indicators", "id", "name"),
    "topic": ("topics", "id", "name"),
}


def nodes_in(rows: pd.DataFrame) -> list[dict]:
    """The distinct nodes a result holds (cells that are nodes, and the nodes of paths), in order."""
    found: dict[str, dict] = {}
    for value in rows.to_numpy().ravel():
        for node in value.get("nodes", [value]) if isinstance(value, dict) else []:
            if isinstance(node, dict) and "label" in node and "id" in node:
                found.setdefault(node["id"], node)
    return list(found.values())


def render() -> None:
    """The console page."""
    st.header(t("console"))
    queries = library()
    state.bound(
        st.selectbox,
        t("example"),
        list(queries),
        "example",
        None,
        index=None,
        on_change=_fill,
        format_func=lambda name: f"{name} · {queries[name].title_zh} / {queries[name].title_en}",
        placeholder="选择一个命名查询 / pick a named query",
    )
    if "cypher" not in st.session_state and "cypher" not in st.query_params:
        _fill()
    if st.session_state.get("example"):
        st.caption(queries[st.session_state["example"]].description)
    with st.form("query"):
        text = state.bound_text(
            st.text_area, "Cypher（只读 read-only · Ctrl+Enter 运行 runs）", "cypher", START, height=200
        )
        names = parameters(text)
        columns = st.columns(len(names)) if names else []
        params = {name: _parameter(column, name) for column, name in zip(columns, names, strict=True)}
        run = st.form_submit_button(t("run"), type="primary")
    if run or ("result" not in st.session_state and "cypher" in st.query_params):
        started = time.perf_counter()
        try:
            st.session_state["result"] = data.query(text, **params), time.perf_counter() - started
        except data.QueryError as err:
            st.session_state["result"] = str(err), time.perf_counter() - started
    if "result" in st.session_state:
        _show(*st.session_state["result"])


def _parameter(column, name: str):
    """A parameter's input: a picker of the graph's values for a known kind, else text (typed by :func:`coerce`)."""
    key = f"p_{name}"
    if name in PICKERS:
        query, value, label = PICKERS[name]
        known = data.run_named(query).drop_duplicates(value)
        labels = ({"": "（全部 all）"} if name == "topic" else {}) | dict(zip(known[value], known[label], strict=True))
        return state.bound(
            column.selectbox,
            f"${name}",
            list(labels),
            key,
            next(iter(labels), None),
            format_func=lambda value: labels[value] if labels[value] == value else f"{labels[value]} · {value}",
        )
    return coerce(state.bound_text(column.text_input, f"${name}", key, ""))


def _fill() -> None:
    """Put the chosen named query (or a first example) into the box, its example values into the inputs."""
    chosen = library().get(st.session_state.get("example") or "")
    st.session_state["cypher"] = chosen.cypher if chosen else START
    for name, value in (chosen.params if chosen else {}).items():
        st.session_state[f"p_{name}"] = value if name in PICKERS else _typed(value)
    st.session_state.pop("result", None)


def _typed(value) -> str:
    """An example value as it is typed in a text input, so :func:`coerce` reads it back (lists as JSON)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)


def _show(result: pd.DataFrame | str, seconds: float) -> None:
    if isinstance(result, str):
        st.error(f"查询出错 / The engine says: {result}")
        return
    cut = len(result) > SHOWN_ROWS
    st.write(
        f"{len(result)} 行 rows · {seconds:.2f} s"
        + (f" · 只显示前 {SHOWN_ROWS} 行 / showing the first {SHOWN_ROWS} (the CSV has all)" if cut else "")
    )
    table = result.map(shown)
    st.dataframe(table.head(SHOWN_ROWS), hide_index=True, width="stretch")
    st.download_button(
        f"{t('download')} CSV",
        table.to_csv(index=False),
        file_name="plankg-query.csv",
        mime="text/csv",
        on_click="ignore",
    )
    nodes = nodes_in(result)
    if nodes:
        st.subheader(f"结果中的节点 / Nodes in the result ({len(nodes)})")
        if len(nodes) > DRAWN_NODES:
            st.caption(f"只画前 {DRAWN_NODES} 个 / drawing the first {DRAWN_NODES}")
        regions = dict(zip(data.plans()["plan_id"], data.plans()["region"], strict=True))
        st.iframe(network_html(among(data.run_named, nodes[:DRAWN_NODES]), "", regions), height=980)
