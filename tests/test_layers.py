"""The layers import one way: ingest → graph → queries → explorer and cli, never back up (docs/architecture.md)."""

import ast

import pytest

from tests.conftest import ROOT

FORBIDDEN = {
    "ingest": {"graph", "queries", "explorer", "cli", "app"},
    "graph": {"queries", "explorer", "cli", "app"},
    "queries": {"explorer", "cli", "app"},
    "explorer": {"graph", "ingest", "cli"},
}
"""Project packages each package may not import (tests/explorer/test_imports.py keeps the explorer to queries)."""


def _imports(path) -> set[str]:
    """The top-level names ``path`` imports, wherever in the module (functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_back_up(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    upward = {
        str(path.relative_to(ROOT)): sorted(found) for path in files if (found := _imports(path) & FORBIDDEN[package])
    }
    assert not upward, f"{package} imports a layer above it: {upward}"
