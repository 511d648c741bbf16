"""Which build a reader is shown, and what its directory says: when it ran, its report."""

import os
from datetime import datetime
from pathlib import Path

from graph.publish import CURRENT, current_build
from queries.api import DB_VARIABLE, DEFAULT_BUILD_ROOT, STORE_DIR

REPORT = "report.txt"
"""``graph.pipeline.REPORT``, named here so readers do not import the whole build pipeline (2 s)."""


def build_directory() -> Path:
    """The build ``$PLANKG_DB`` names (a build root holding ``current/``, a build or a store directory), else ``data/build``'s."""
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
