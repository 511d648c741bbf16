"""Data access for the explorer: the build being shown, one cached read-only connection, cached results.

The build is ``$PLANKG_DB`` (a build root holding ``current/``, a build directory
holding ``store/``, or a store directory) or else ``data/build``. The connection is
keyed by the resolved build directory, so a new ``plankg build`` is picked up on
the next rerun without restarting the server.
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
_LOCK = threading.Lock()  # one connection serves every browser session: one query at a time


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


@st.cache_resource(show_spinner=False)
def _open(directory: str) -> KnowledgeGraph:
    return connect(directory, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)


def graph() -> KnowledgeGraph:
    """The read-only connection to the current build; :class:`StoreError` when there is none."""
    return _open(str(build_directory()))


def query(text: str, **params) -> pd.DataFrame:
    """Run ``text`` now (not cached): the console's path. Raises :class:`QueryError` with the engine's message."""
    connection = graph()
    with _LOCK:
        return connection.cypher(text, **params)


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
