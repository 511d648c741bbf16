"""manifest.json: what a build read (corpus, files, hashes), what it holds, with which versions, how long it took."""

import hashlib
import platform
from collections import Counter
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import networkx as nx

LIBRARIES = (
    "plankg",
    "ladybug",
    "networkx",
    "pandas",
    "pydantic",
    "rdflib",
    "neo4j",
    "pdfplumber",
    "charset-normalizer",
)
"""The packages whose versions a manifest records: plankg and those that decide what a build reads and writes."""


def graph_counts(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, sorted by name."""
    return {
        "nodes": dict(sorted(Counter(label for _, label in graph.nodes(data="label")).items())),
        "relationships": dict(sorted(Counter(kind for *_, kind in graph.edges(data="type")).items())),
    }


def corpus_entry(corpus: Path, files: list[tuple[str, str | None]]) -> dict:
    """The corpus's path and content hash, and each file's (name, encoding) with its SHA-256.

    The content hash is the SHA-256 of the sorted ``name<TAB>file hash`` lines: equal for the same files.
    A file that cannot be read (a directory named ``*.txt``…) has no hash.
    """
    entries = [
        {"source_file": name, "encoding": encoding, "sha256": _file_hash(corpus / name)} for name, encoding in files
    ]
    lines = sorted(f"{entry['source_file']}\t{entry['sha256']}\n" for entry in entries)
    return {
        "path": str(corpus.resolve()),
        "sha256": hashlib.sha256("".join(lines).encode("utf-8")).hexdigest(),
        "files": entries,
    }


def versions() -> dict[str, str | None]:
    """The Python version and those of :data:`LIBRARIES` (None for one not installed)."""
    found: dict[str, str | None] = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def _file_hash(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
