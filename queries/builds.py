"""Which build a reader is shown, and what its directory says: when it ran, its manifest and report.

The layout itself (names, how a path resolves) is :mod:`graph.layout`'s; this module reads.
"""

import json
import os
from pathlib import Path

from graph import layout
from graph.layout import DB_VARIABLE, DEFAULT_CORPUS, DEFAULT_ROOT, MANIFEST, REPORT_JSON, REPORT_TEXT, built_at

__all__ = ["build_directory", "built_at", "corpus", "manifest", "report", "report_text"]


def build_directory() -> Path:
    """The build ``$PLANKG_DB`` names (a build root holding ``current/``, a build or a store directory), else ``data/build``'s."""
    return layout.build_directory(Path(os.environ.get(DB_VARIABLE) or DEFAULT_ROOT))


def manifest(directory: Path) -> dict | None:
    """The build's ``manifest.json`` (corpus, files and hashes, counts, versions, timings); None when it has none."""
    return _json(directory / MANIFEST)


def report(directory: Path) -> dict | None:
    """The build's ``report.json`` (per file and document what was found, problems, items to review); None when it has none."""
    return _json(directory / REPORT_JSON)


def report_text(directory: Path) -> str | None:
    """The build's ``report.txt``, or None when the build has none."""
    path = directory / REPORT_TEXT
    return path.read_text(encoding="utf-8") if path.exists() else None


def corpus(directory: Path) -> Path:
    """The corpus the build read, from its manifest; ``data/raw`` for a build with no manifest."""
    found = manifest(directory)
    return Path(found["corpus"]["path"]) if found else DEFAULT_CORPUS


def _json(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
