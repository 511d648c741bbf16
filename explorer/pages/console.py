"""Cypher console: read-only queries, named examples with their $parameters, CSV download."""

import streamlit as st

from explorer import data
from explorer.i18n import t
from queries.named import library


def render() -> None:
    """The console page."""
    st.header(t("console"))
    queries = library()
    example = st.selectbox(
        t("example"),
        ["—", *queries],
        format_func=lambda name: name
        if name == "—"
        else f"{name} · {queries[name].title_zh} / {queries[name].title_en}",
    )
    chosen = queries.get(example)
    text = st.text_area(
        "Cypher",
        value=chosen.cypher if chosen else "MATCH (p:Plan) RETURN p.title AS title, p.region AS region",
        height=180,
    )
    params = {
        name: st.text_input(f"${name}", value=str(value)) for name, value in (chosen.params.items() if chosen else [])
    }
    if st.button(t("run")):
        from queries.named import coerce

        try:
            rows = data.graph().cypher(text, **{name: coerce(value) for name, value in params.items()})
        except data.QueryError as err:
            st.error(str(err))
            return
        st.write(f"{len(rows)} rows 行 (at most {data.CONSOLE_MAX_ROWS})")
        st.dataframe(rows.astype(str), hide_index=True, width="stretch")
        st.download_button(t("download") + " CSV", rows.to_csv(index=False), file_name="result.csv", mime="text/csv")
