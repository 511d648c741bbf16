"""The build: corpus → ingest records → graph → store, graph.json, reports and manifest, published atomically."""

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.build import BuildResult, build_graph
from graph.exports import BUILD, WRITERS, names
from graph.exports.graph_json import read
from graph.layout import GRAPH_JSON, MANIFEST, REPORT_JSON, REPORT_TEXT, STORE, build_directory
from graph.manifest import corpus_entry, graph_counts, versions
from graph.publish import publish
from ingest.corpus import ingest_corpus
from ingest.records import CorpusIngest
from ingest.reference import load_regions
from ingest.report import format_report, report_data

OUTPUTS = {"store": STORE, "graph-json": GRAPH_JSON}
"""Where in a build directory each build writer writes."""


class BuildError(Exception):
    """A build that cannot produce a usable graph; the previous build stays current."""


@dataclass(frozen=True)
class BuildSummary:
    """What a finished build wrote and holds."""

    directory: Path
    nodes: dict[str, int]
    relationships: dict[str, int]
    report: str
    left_out: list[str]
    """Why files (unreadable, in an allowed partial build) or documents (duplicates) are not in the graph."""


def build(corpus: Path, out: Path, allow_partial: bool = False) -> BuildSummary:
    """Ingest ``corpus``, build the graph and publish it under ``out`` (``out/current``).

    The build directory holds what every build writer writes, ``report.txt``, ``report.json``
    and ``manifest.json`` (:mod:`graph.layout`). Raises :class:`BuildError` when no document
    could be ingested, or when some file could not be read and ``allow_partial`` is false;
    the previous build is then left in place. The summary's ``left_out`` names the files and
    documents not in the graph.
    """
    timings: dict[str, float] = {}
    with _timed(timings, "ingest and graph"):
        result, report, files, left_out = _graph_and_report(corpus, allow_partial)
    counts = graph_counts(result.graph)

    def write(directory: Path) -> None:
        for name in names(BUILD):
            with _timed(timings, name):
                WRITERS[name].write(result.graph, directory / OUTPUTS[name])
        (directory / REPORT_TEXT).write_text(report["text"] + "\n", encoding="utf-8")
        _write_json(directory / REPORT_JSON, report["data"])
        manifest = {
            "corpus": corpus_entry(corpus, files),
            "counts": counts,
            "versions": versions(),
            "timings_s": {step: round(seconds, 3) for step, seconds in timings.items()},
        }
        _write_json(directory / MANIFEST, manifest)

    directory = publish(out, write)
    return BuildSummary(
        directory=directory,
        nodes=counts["nodes"],
        relationships=counts["relationships"],
        report=report["text"],
        left_out=left_out,
    )


def _graph_and_report(
    corpus: Path, allow_partial: bool
) -> tuple[BuildResult, dict, list[tuple[str, str | None]], list[str]]:
    """The graph of ``corpus``, its report (text and data), the files read (name, encoding) and the problems of those left out.

    The ingest records are freed on return.
    """
    ingested = ingest_corpus(corpus)
    if not ingested.documents:
        problems = "\n".join(str(problem) for problem in ingested.problems) or "no text files"
        raise BuildError(f"no document could be ingested from {corpus}:\n{problems}")
    unread = [str(problem) for file in ingested.files if file.failed for problem in file.problems]
    if unread and not allow_partial:
        failed = sum(file.failed for file in ingested.files)
        raise BuildError(
            f"{failed} of {len(ingested.files)} files of {corpus} could not be read:\n"
            + "\n".join(unread)
            + "\nfix them, or pass --allow-partial to publish a graph of the others"
        )
    result = build_graph(ingested, load_regions())
    left_out = [str(problem) for file in ingested.files for problem in file.problems]
    files = [(file.source_file, file.encoding) for file in ingested.files]
    report = {"text": build_report(ingested, result), "data": build_report_data(ingested, result)}
    return result, report, files, left_out


@contextmanager
def _timed(timings: dict[str, float], step: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[step] = time.perf_counter() - started


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_graph(build_root: Path) -> nx.MultiDiGraph:
    """The graph of the current build under ``build_root`` (or of a build directory), from its graph.json."""
    path = build_directory(build_root) / GRAPH_JSON
    if path.exists():
        return read(path)
    raise BuildError(f"no build at {build_root}: run `plankg build` first")


def build_report(ingested: CorpusIngest, result: BuildResult) -> str:
    """The ingest report followed by what the graph build could not align or resolve."""
    lines = [format_report(ingested), ""]
    for title, items in _review(result).items():
        lines += [f"{title}: {len(items)}", *(f"  {item}" for item in items)]
    return "\n".join(lines)


def build_report_data(ingested: CorpusIngest, result: BuildResult) -> dict:
    """:func:`build_report` structured: the ingest report's data and ``review``, each section's items by title."""
    return {**report_data(ingested), "review": _review(result)}


def _review(result: BuildResult) -> dict[str, list[str]]:
    """What the graph build could not align or resolve, by section title."""
    return {
        "indicator rows with no reviewed alignment": result.unaligned_indicators,
        "plans with no region": result.unresolved_regions,
    }
