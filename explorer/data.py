"""Data access for the explorer: one cached read-only connection, cached query results."""

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.publish import current_build
from queries import QueryError, StoreError, connect
from queries.api import DB_VARIABLE, DEFAULT_BUILD_ROOT
from queries.named import named

CONSOLE_MAX_ROWS = 5_000
CONSOLE_TIMEOUT_MS = 10_000


def build_root() -> Path:
    """The build root the explorer reads: ``$PLANKG_DB`` or ``data/build``."""
    return Path(os.environ.get(DB_VARIABLE) or DEFAULT_BUILD_ROOT)


@st.cache_resource
def graph():
    """The read-only connection, opened once per server process."""
    return connect(build_root(), timeout_ms=CONSOLE_TIMEOUT_MS, max_rows=CONSOLE_MAX_ROWS)


@st.cache_data(show_spinner=False)
def cypher(query: str, **params) -> pd.DataFrame:
    """Rows of a query, cached by query and parameters."""
    return graph().cypher(query, **params)


@st.cache_data(show_spinner=False)
def run_named(name: str, **params) -> pd.DataFrame:
    """Rows of a named query from ``queries/library``."""
    return named(name).run(graph(), **params)


def build_directory() -> Path:
    """The directory of the build being shown."""
    root = build_root()
    return current_build(root) if (root / "current").exists() else root.parent if root.name == "store" else root


__all__ = ["QueryError", "StoreError", "build_directory", "cypher", "graph", "run_named"]
