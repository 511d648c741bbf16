"""The build: corpus → ingest records → graph → store, JSON and report, published atomically."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.build import BuildResult, build_graph
from graph.exports import BUILD, WRITERS, names
from graph.exports.graph_json import read
from graph.publish import publish
from ingest.pipeline import CorpusIngest, ingest_corpus
from ingest.reference import load_regions
from ingest.report import format_report

STORE = "store"
GRAPH_JSON = "graph.json"
REPORT = "report.txt"
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

    Raises :class:`BuildError` when no document could be ingested, or when some file
    could not be read and ``allow_partial`` is false; the previous build is then left
    in place. The summary's ``left_out`` names the files and documents not in the graph.
    """
    result, report, left_out = _graph_and_report(corpus, allow_partial)

    def write(directory: Path) -> None:
        for name in names(BUILD):
            WRITERS[name].write(result.graph, directory / OUTPUTS[name])
        (directory / REPORT).write_text(report + "\n", encoding="utf-8")

    directory = publish(out, write)
    return BuildSummary(
        directory=directory,
        nodes=dict(sorted(Counter(label for _, label in result.graph.nodes(data="label")).items())),
        relationships=dict(sorted(Counter(kind for *_, kind in result.graph.edges(data="type")).items())),
        report=report,
        left_out=left_out,
    )


def _graph_and_report(corpus: Path, allow_partial: bool) -> tuple[BuildResult, str, list[str]]:
    """The graph of ``corpus``, its build report and the problems of files or documents left out.

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
    return result, build_report(ingested, result), left_out


def load_graph(build_root: Path) -> nx.MultiDiGraph:
    """The graph of the current build under ``build_root`` (or of a build directory), from its graph.json."""
    for directory in (build_root / "current", build_root):
        path = directory / GRAPH_JSON
        if path.exists():
            return read(path)
    raise BuildError(f"no build at {build_root}: run `plankg build` first")


def build_report(ingested: CorpusIngest, result: BuildResult) -> str:
    """The ingest report followed by what the graph build could not align or resolve."""
    lines = [
        format_report(ingested),
        "",
        f"indicator rows with no reviewed alignment: {len(result.unaligned_indicators)}",
    ]
    lines += [f"  {row}" for row in result.unaligned_indicators]
    lines += [f"plans with no region: {len(result.unresolved_regions)}"] + [
        f"  {row}" for row in result.unresolved_regions
    ]
    return "\n".join(lines)
