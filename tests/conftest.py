"""Shared fixtures: the real corpus, ingested once per test session."""

from pathlib import Path

import pytest

from ingest.corpus import CorpusIngest, DocumentIngest, ingest_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def corpus() -> CorpusIngest:
    """The real corpus of ``data/raw``, ingested."""
    return ingest_corpus(CORPUS)


@pytest.fixture(scope="session")
def documents(corpus: CorpusIngest) -> dict[str, DocumentIngest]:
    """Ingested documents by id (``handan-eco-plan-2021-2025``, ``ningjin-gazette-2023-01/3``…)."""
    return {document.document.id: document for document in corpus.documents}


@pytest.fixture(scope="session")
def build_root(tmp_path_factory) -> Path:
    """A build of the real corpus, published under a temporary build root."""
    from graph.pipeline import build

    root = tmp_path_factory.mktemp("build")
    build(CORPUS, root)
    return root


@pytest.fixture(scope="session")
def kg(build_root: Path):
    """The query API on the real corpus's embedded store (read-only)."""
    from queries import connect

    with connect(build_root) as graph:
        yield graph
