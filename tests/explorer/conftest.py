"""Fixtures for the explorer: the app driven by AppTest on the test build, and a build without topics."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def open_app(db: Path, monkeypatch, page: str | None = None, **params: str) -> AppTest:
    """A fresh session of the app on the build at ``db``, opened at ``?page=…&…``, run once."""
    monkeypatch.setenv("PLANKG_DB", str(db))
    test = AppTest.from_file(APP, default_timeout=90)
    for name, value in (({"page": page} if page else {}) | params).items():
        test.query_params[name] = value
    test.run()
    assert not test.exception, [exception.value for exception in test.exception]
    return test


@pytest.fixture
def app(build_root, monkeypatch):
    """``app(page, **params)``: the explorer on the real corpus's build."""
    return lambda page=None, **params: open_app(build_root, monkeypatch, page, **params)


@pytest.fixture(scope="session")
def build_without_topics(corpus, tmp_path_factory) -> Path:
    """A store of the corpus's graph without Topic nodes, ABOUT, BROADER or SIMILAR_TO: a build from before them."""
    from graph.build import build_graph
    from graph.exports.store import write_store
    from ingest.reference import load_regions

    graph = build_graph(corpus, load_regions()).graph
    graph.remove_edges_from(
        [(tail, head, key) for tail, head, key, kind in graph.edges(keys=True, data="type") if kind == "SIMILAR_TO"]
    )
    graph.remove_nodes_from([node for node, label in graph.nodes(data="label") if label == "Topic"])
    directory = tmp_path_factory.mktemp("no-topics")
    write_store(graph, directory / "store")
    return directory
