"""Shared fixtures: the real corpus, ingested once per test session."""

from pathlib import Path

import pytest

from ingest.pipeline import CorpusIngest, DocumentIngest, ingest_corpus

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
