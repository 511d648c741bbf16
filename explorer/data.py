"""Data access for the explorer: the build being shown, its connections, cached named-query results.

The build is ``$PLANKG_DB`` (a build root holding ``current/``, a build directory
holding ``store/``, or a store directory) or else ``data/build``
(:func:`queries.builds.build_directory`). Every query the explorer itself runs is a
named query of ``queries/library`` (:func:`run_named`); they share one in-process
connection, keyed by the resolved build directory, so a new ``plankg build`` is
picked up on the next rerun without restarting the server (the previous build's
connection is closed then). What a user types in the console runs on a connection
of that browser session's own, in a worker process with its own time and memory
limits, so one user's slow query neither holds up nor changes the limits of another.
"""

import threading

import pandas as pd
import streamlit as st

from queries import KnowledgeGraph, QueryError, StoreError, connect
from queries.builds import build_directory, built_at, corpus, report, report_text
from queries.named import named

MAX_ROWS = 50_000
"""Rows a query may return before the engine stops it; the console shows the first ``SHOWN_ROWS``."""
TIMEOUT_MS = 10_000
_LOCK = threading.RLock()  # the shared connection serves the explorer's own queries one at a time
_SHARED: dict[str, KnowledgeGraph] = {}


def _open(directory: str) -> KnowledgeGraph:
    """The shared in-process connection to ``directory``; those to other builds are closed."""
    with _LOCK:
        if directory not in _SHARED:
            for old in _SHARED.values():
                old.close()
            _SHARED.clear()
            _SHARED[directory] = connect(directory, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS, isolated=False)
        return _SHARED[directory]


def graph() -> KnowledgeGraph:
    """The read-only connection to the current build; :class:`StoreError` when there is none."""
    return _open(str(build_directory()))


def query(text: str, **params) -> pd.DataFrame:
    """Run what a user typed, now (not cached), on this browser session's own connection.

    Raises :class:`QueryError` with the gate's or the engine's message.
    """
    directory = str(build_directory())
    opened, own = st.session_state.get("_console_graph", (None, None))
    if opened != directory:
        if own is not None:
            own.close()
        own = connect(directory, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
        st.session_state["_console_graph"] = directory, own
    return own.cypher(text, **params)


@st.cache_data(show_spinner=False, max_entries=2_000)
def _cached(directory: str, name: str, params: dict) -> pd.DataFrame:
    with _LOCK:
        return named(name).run(_open(directory), **params)


def run_named(name: str, **params) -> pd.DataFrame:
    """Rows of the named query ``name`` of ``queries/library``, cached per build, query and parameters."""
    return _cached(str(build_directory()), name, params)


def has(label: str) -> bool:
    """Whether the build holds any node of ``label`` (Topic and SIMILAR_TO came later than the rest)."""
    try:
        counts = run_named("label_counts")
    except QueryError:  # a build from before Topic has no such node table
        return label != "Topic"
    return bool(counts.set_index("label")["nodes"].get(label, 0))


def plans() -> pd.DataFrame:
    """Every plan's id, title, region, level, document number and how many responsibilities its measures carry."""
    return run_named("plans")


__all__ = [
    "QueryError",
    "StoreError",
    "build_directory",
    "built_at",
    "corpus",
    "graph",
    "has",
    "plans",
    "query",
    "report",
    "report_text",
    "run_named",
]
