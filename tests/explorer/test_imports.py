"""The explorer goes through the query layer: its modules import ``queries`` (and the UI libraries), never graph or ingest."""

import ast
import sys

from tests.conftest import ROOT

ALLOWED = {"explorer", "queries", "streamlit", "pandas", "pyvis", "altair"}
"""Packages an explorer module may import besides the standard library (altair is streamlit's chart library)."""


def _imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_explorer_modules_import_only_the_query_layer() -> None:
    files = [ROOT / "app.py", *sorted((ROOT / "explorer").rglob("*.py"))]
    assert len(files) > 10
    outside = {
        str(path.relative_to(ROOT)): sorted(names)
        for path in files
        if (names := _imported(path) - ALLOWED - set(sys.stdlib_module_names))
    }
    assert outside == {}


def test_the_explorer_writes_no_cypher_of_its_own() -> None:
    """Every query the explorer runs is a named query: no MATCH in its code but the console's first example."""
    for path in [ROOT / "app.py", *sorted((ROOT / "explorer").rglob("*.py"))]:
        strings = [
            node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "MATCH " in node.value
        ]
        allowed = 1 if path.name == "console.py" else 0  # START: the text the console opens with, run as the user's
        assert len(strings) == allowed, (path, strings)
