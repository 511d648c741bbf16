"""plankg explorer: compare, trace, browse and query the knowledge graph (streamlit run app.py)."""

import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.pages import compare, console, departments, graph_view, overview, sources

PAGES = {
    "overview": overview.render,
    "compare": compare.render,
    "departments": departments.render,
    "graph": graph_view.render,
    "console": console.render,
    "sources": sources.render,
}


def main() -> None:
    """Pick the page from the URL (``?page=…``) or the sidebar and draw it."""
    st.set_page_config(page_title="plankg", layout="wide")
    st.sidebar.title(t("title"))
    current = state.get("page", "overview")
    names = list(PAGES)
    page = st.sidebar.radio("Page 页面", names, index=names.index(current) if current in names else 0, format_func=t)
    state.put(page=page)
    try:
        data.graph()
    except data.StoreError as err:
        st.error(f"{t('no_build')}: {err}")
        st.code("make run   # or: plankg build", language="sh")
        return
    PAGES[page]()


main()
