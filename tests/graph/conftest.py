"""The graph of the real corpus, built once per test session."""

import pytest

from graph.build import BuildResult, build_graph
from ingest.reference import load_regions


@pytest.fixture(scope="session")
def built(corpus) -> BuildResult:
    """The in-memory graph of ``data/raw``."""
    return build_graph(corpus, load_regions())


def edges(graph, kind: str, tail: str | None = None, head: str | None = None) -> list[tuple[str, str, dict]]:
    """The edges of type ``kind``, optionally from ``tail`` / to ``head``."""
    return [
        (u, v, data)
        for u, v, data in graph.edges(data=True)
        if data["type"] == kind and (tail is None or u == tail) and (head is None or v == head)
    ]
