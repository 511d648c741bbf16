"""CSV files for ``neo4j-admin database import full``: the route to Neo4j for millions of nodes.

One nodes file per label and one relationships file per type, with the header
syntax the import tool expects: ``id:ID`` (one global id space: plankg ids are
unique across labels), typed columns (``line_start:long``, ``aliases:string[]``
with ``;`` between items, ``implied:boolean``), ``:LABEL``, ``:START_ID``,
``:END_ID`` and ``:TYPE``. The command to load them is in :func:`import_command`.
"""

import csv
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph.schema import BOOLEAN, DOUBLE, INT64, NODE_TYPES, RELATIONSHIP_TYPES, STRING_LIST

_NEO4J_TYPES = {INT64: "long", DOUBLE: "double", BOOLEAN: "boolean", STRING_LIST: "string[]"}
ARRAY_DELIMITER = ";"


def _header(name: str, kind: str) -> str:
    suffix = _NEO4J_TYPES.get(kind)
    return f"{name}:{suffix}" if suffix else name


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == STRING_LIST:
        return ARRAY_DELIMITER.join(value)
    if kind == BOOLEAN:
        return "true" if value else "false"
    return str(value)


def export_neo4j_csv(graph: nx.MultiDiGraph, directory: Path) -> list[Path]:
    """Write ``nodes_<Label>.csv`` and ``relationships_<TYPE>.csv`` into ``directory``; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    nodes: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for node_id, data in graph.nodes(data=True):
        nodes[data["label"]].append((node_id, data))
    for label, rows in sorted(nodes.items()):
        properties = {name: kind for name, kind in NODE_TYPES[label].properties.items() if name != "id"}
        path = directory / f"nodes_{label}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id:ID", *(_header(name, kind) for name, kind in properties.items()), ":LABEL"])
            for node_id, data in rows:
                writer.writerow([node_id, *(_cell(data.get(name), kind) for name, kind in properties.items()), label])
        written.append(path)
    edges: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for tail, head, data in graph.edges(data=True):
        edges[data["type"]].append((tail, head, data))
    for kind_name, rows in sorted(edges.items()):
        properties = RELATIONSHIP_TYPES[kind_name].properties
        path = directory / f"relationships_{kind_name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [":START_ID", ":END_ID", ":TYPE", *(_header(name, kind) for name, kind in properties.items())]
            )
            for tail, head, data in rows:
                writer.writerow(
                    [tail, head, kind_name, *(_cell(data.get(name), kind) for name, kind in properties.items())]
                )
        written.append(path)
    return written


def import_command(files: list[Path], database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that loads ``files`` into an empty ``database``."""
    options = [f"--{'nodes' if path.name.startswith('nodes_') else 'relationships'}={path.name}" for path in files]
    return (
        "neo4j-admin database import full "
        + " ".join(options)
        + f" --array-delimiter='{ARRAY_DELIMITER}' --overwrite-destination {database}"
    )
