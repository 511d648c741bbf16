"""CSV files for ``neo4j-admin database import full``: the route to Neo4j for millions of nodes.

One nodes file per label and one relationships file per type, UTF-8, with the
header syntax the import tool expects: ``id:ID`` (one global id space: plankg ids
are unique across labels), typed columns (``line_start:long``, ``aliases:string[]``
with ``;`` between items, ``implied:boolean``), ``:LABEL``, ``:START_ID``,
``:END_ID`` and ``:TYPE``. Relationships carry the same ``key`` as
:func:`graph.exports.neo4j.push` gives them, so a later push merges onto them.

Strings are always quoted (``"`` doubled inside) and nulls left empty and
unquoted, so the tool keeps an empty string apart from a missing property;
measure texts hold line breaks, hence ``--multiline-fields=true`` in
:func:`import_command`.
"""

from pathlib import Path
from typing import Any

import networkx as nx

from graph.atomic import atomic_directory
from graph.rows import schema_rows
from graph.schema import BOOLEAN, DOUBLE, INT64, NODE_TYPES, RELATIONSHIP_TYPES, STRING, STRING_LIST

_NEO4J_TYPES = {INT64: "long", DOUBLE: "double", BOOLEAN: "boolean", STRING_LIST: "string[]"}
ARRAY_DELIMITER = ";"


def _header(name: str, kind: str) -> str:
    suffix = _NEO4J_TYPES.get(kind)
    return f"{name}:{suffix}" if suffix else name


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell(value: Any, kind: str) -> str:
    """One field as written in the file; ``ValueError`` for an array item holding the delimiter."""
    if value is None:
        return ""
    if kind == STRING_LIST:
        if any(ARRAY_DELIMITER in item for item in value):
            raise ValueError(f"an array item holds the array delimiter {ARRAY_DELIMITER!r}: {value!r}")
        return _quoted(ARRAY_DELIMITER.join(value))
    if kind == BOOLEAN:
        return "true" if value else "false"
    return _quoted(value) if kind == STRING else str(value)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        handle.writelines(",".join(row) + "\n" for row in rows)
    return path


def write(graph: nx.MultiDiGraph, target: Path) -> str:
    """:func:`export_neo4j_csv` into ``target``; the lines saying how many files, and the command that loads them."""
    files = export_neo4j_csv(graph, target)
    return (
        f"{len(files)} files written to {target}; load them into an empty database with:\n"
        f"  cd {target} && {import_command(files)}"
    )


def export_neo4j_csv(graph: nx.MultiDiGraph, directory: Path) -> list[Path]:
    """Write ``nodes_<Label>.csv`` and ``relationships_<TYPE>.csv`` as ``directory``; return the paths.

    The files are written into a new directory that then replaces ``directory``
    (:func:`graph.atomic.atomic_directory`), which may hold only an earlier export.
    """
    with atomic_directory(directory, _exported) as temporary:
        names = _write_all(graph, temporary)
    return [directory / name for name in names]


def _exported(path: Path) -> bool:
    """True for a file this export writes (``nodes_*.csv``, ``relationships_*.csv``)."""
    return path.is_file() and path.suffix == ".csv" and path.name.startswith(("nodes_", "relationships_"))


def _write_all(graph: nx.MultiDiGraph, directory: Path) -> list[str]:
    """Write every nodes and relationships file of the schema's rows into ``directory``; return their names."""
    rows = schema_rows(graph)
    written = []
    for label in sorted(rows.nodes):
        properties = NODE_TYPES[label].properties
        others = {name: kind for name, kind in properties.items() if name != "id"}
        lines = [
            [_quoted(row["id"]), *(_cell(row[name], kind) for name, kind in others.items()), label]
            for row in (dict(zip(properties, values, strict=True)) for values in rows.nodes.pop(label))
        ]
        header = ["id:ID", *(_header(name, kind) for name, kind in others.items()), ":LABEL"]
        written.append(_write(directory / f"nodes_{label}.csv", header, lines))
    for kind_name in sorted({kind for kind, _, _ in rows.relationships}):
        properties = RELATIONSHIP_TYPES[kind_name].properties
        kinds = list(properties.values())
        lines = [
            [_quoted(values[0]), _quoted(values[1]), kind_name, _quoted(values[2]), *map(_cell, values[3:], kinds)]
            for pair, table in rows.relationships.items()
            if pair[0] == kind_name
            for values in table
        ]
        header = [":START_ID", ":END_ID", ":TYPE", "key", *(_header(name, kind) for name, kind in properties.items())]
        written.append(_write(directory / f"relationships_{kind_name}.csv", header, lines))
    return [path.name for path in written]


def import_command(files: list[Path], database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that loads ``files`` into an empty ``database`` (run in their directory).

    The database name comes first: from Neo4j 5.19 a name after ``--nodes=…`` is read as one more file.
    """
    options = [f"--{'nodes' if path.name.startswith('nodes_') else 'relationships'}={path.name}" for path in files]
    return (
        f"neo4j-admin database import full {database} "
        + " ".join(options)
        + f" --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true --overwrite-destination=true"
    )
