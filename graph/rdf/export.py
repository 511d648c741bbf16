"""The whole graph to RDF, and to a file."""

from pathlib import Path

import networkx as nx
from rdflib import Graph

from graph.atomic import atomic_file
from graph.exports import RDF_FORMATS as FORMATS
from graph.rdf.namespaces import PREFIXES
from graph.rdf.nodes import NODE_MAPPERS
from graph.rdf.relationships import EDGE_MAPPERS
from graph.rdf.writer import Writer

# Relationships left out on purpose: SIMILAR_TO is computed by plankg's similarity model, not read from the documents.
SKIPPED = {"SIMILAR_TO"}


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The RDF of a plankg graph (see docs/rdf.md). A label or relationship type with no
    mapping, and not in ``SKIPPED``, raises ``ValueError`` rather than being left out silently."""
    w = Writer()
    for node_id, properties in graph.nodes(data=True):
        _mapper(NODE_MAPPERS, properties["label"], "node label")(w, node_id, properties)
    for tail, head, key, properties in graph.edges(keys=True, data=True):
        if properties["type"] in SKIPPED:
            continue
        _mapper(EDGE_MAPPERS, properties["type"], "relationship type")(w, graph, tail, head, key, properties)
    return w.graph


def write(graph: nx.MultiDiGraph, target: Path, format: str) -> str:
    """:func:`export_rdf` as ``format`` to ``target``; the line saying so."""
    export_rdf(graph, target, format)
    return f"{format} written to {target}"


def export_rdf(graph: nx.MultiDiGraph, path: Path, format: str) -> Path:
    """Write the RDF of ``graph`` to ``path`` as ``ttl``, ``jsonld`` or ``nt``; returns ``path``.

    The file is written aside and renamed over ``path`` (:func:`graph.atomic.atomic_file`).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown RDF format {format!r}: use one of {', '.join(FORMATS)}")
    rdf = to_rdf(graph)
    options = {"context": {prefix: str(ns) for prefix, ns in PREFIXES.items()}} if format == "jsonld" else {}
    with atomic_file(Path(path)) as temporary:
        rdf.serialize(destination=temporary, format=FORMATS[format], encoding="utf-8", **options)
    return Path(path)


def _mapper(mappers: dict, name: str, what: str):
    try:
        return mappers[name]
    except KeyError:
        raise ValueError(f"no RDF mapping for {what} {name!r}: add one to graph/rdf/") from None
