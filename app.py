"""plankg explorer: compare, trace, browse and query the knowledge graph.

    streamlit run app.py --server.address 127.0.0.1      # or: make run

Reads the current build under data/build, or the one ``$PLANKG_DB`` names.
The page and what it shows live in the URL (``?page=departments&department=…``).
"""

import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.pages import PAGES


def main() -> None:
    """Pick the page (sidebar, bound to ``?page=``) and draw it, or say how to build the graph."""
    st.set_page_config(page_title="plankg", page_icon="🌿", layout="wide")
    st.sidebar.title(t("title"))
    state.begin()
    page = state.bound(st.sidebar.radio, t("page"), list(PAGES), "page", "overview", format_func=t)
    try:
        data.graph()
    except data.StoreError as err:
        st.error(f"{t('no_build')}: {err}")
        st.markdown("构建图谱后刷新本页 / Build the graph, then reload this page:")
        st.code(
            "make run          # builds data/build and starts the explorer\nplankg build      # builds only",
            language="sh",
        )
        return
    directory = data.build_directory()
    when = data.built_at(directory)
    st.sidebar.caption(f"{t('build')}: {when:%Y-%m-%d %H:%M}" if when else f"{t('build')}: {directory.name}")
    st.sidebar.caption("只读 · 数据照原文显示 / Read-only · data shown as written")
    PAGES[page]()
    state.end()


main()
