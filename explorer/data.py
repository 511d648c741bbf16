"""Data access for the explorer: the build being shown, its connections, cached results.

The build is ``$PLANKG_DB`` (a build root holding ``current/``, a build directory
holding ``store/``, or a store directory) or else ``data/build``. The explorer's
own queries share one in-process connection, keyed by the resolved build
directory, so a new ``plankg build`` is picked up on the next rerun without
restarting the server (the previous build's connection is closed then). What a
user types in the console runs on a connection of that browser session's own, in
a worker process with its own time and memory limits (``graph.stores.isolated``),
so one user's slow query neither holds up nor changes the limits of another.
"""

import os
import threading
from datetime import datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.publish import CURRENT, current_build
from queries import KnowledgeGraph, QueryError, StoreError, connect
from queries.api import DB_VARIABLE, DEFAULT_BUILD_ROOT, STORE_DIR
from queries.named import named

REPORT = "report.txt"
"""``graph.pipeline.REPORT``, named here so the explorer does not import the whole build pipeline (2 s)."""
MAX_ROWS = 50_000
"""Rows a query may return before the engine stops it; the console shows the first ``SHOWN_ROWS``."""
TIMEOUT_MS = 10_000
_LOCK = threading.RLock()  # the shared connection serves the explorer's own queries one at a time


def build_directory() -> Path:
    """The directory of the build being shown (``…/runs/<timestamp>-…`` when there is a build root)."""
    path = Path(os.environ.get(DB_VARIABLE) or DEFAULT_BUILD_ROOT)
    if (path / CURRENT).exists():
        return current_build(path)
    if path.name == STORE_DIR:
        return path.parent.resolve()
    return path.resolve()


def built_at(directory: Path) -> datetime | None:
    """When a build ran, from its run directory name (``20261122T105234-…``); None for another name."""
    try:
        return datetime.strptime(directory.name[:15], "%Y%m%dT%H%M%S")
    except ValueError:
        return None


def report_text(directory: Path) -> str | None:
    """The build's ``report.txt``, or None when the build has none."""
    path = directory / REPORT
    return path.read_text(encoding="utf-8") if path.exists() else None


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
def _cached(directory: str, text: str, params: dict) -> pd.DataFrame:
    with _LOCK:
        return _open(directory).cypher(text, **params)


def cypher(text: str, **params) -> pd.DataFrame:
    """Rows of a query the explorer itself writes, cached per build, query and parameters."""
    return _cached(str(build_directory()), text, params)


def run_named(name: str, **params) -> pd.DataFrame:
    """Rows of a named query of ``queries/library``, cached like :func:`cypher`."""
    query_ = named(name)
    return cypher(query_.cypher, **{**query_.params, **params})


def has(label: str) -> bool:
    """Whether the build holds any node of ``label`` (Topic and SIMILAR_TO came later than the rest)."""
    try:
        return not cypher(f"MATCH (n:{label}) RETURN n.id AS id LIMIT 1").empty
    except QueryError:
        return False


PLANS = "MATCH (p:Plan) RETURN p.id AS plan_id, p.title AS title, p.region AS region, p.level AS level ORDER BY plan_id"


def plans() -> pd.DataFrame:
    """Every plan's id, title, region and level."""
    return cypher(PLANS)


__all__ = [
    "QueryError",
    "StoreError",
    "build_directory",
    "built_at",
    "cypher",
    "graph",
    "has",
    "plans",
    "query",
    "run_named",
]
