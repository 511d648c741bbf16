"""The embedded store's writer: a new LadybugDB store from the graph's checked rows.

The store is read by :class:`graph.stores.embedded.EmbeddedStore`; this module writes it
once, with the schema's DDL and a bulk ``COPY … FROM`` DataFrame per node table and per
relationship pair.
"""

from pathlib import Path
from typing import TYPE_CHECKING

import ladybug

from graph.layout import DATABASE_FILE
from graph.rows import node_columns, relationship_columns, schema_rows
from graph.schema import ddl

if TYPE_CHECKING:
    import networkx as nx


def write(graph: "nx.MultiDiGraph", target: Path) -> str:
    """Write the store of ``graph`` into directory ``target``; the line saying how many rows it holds."""
    counts = write_store(graph, target)
    return f"store written to {target}: {sum(counts.values())} rows"


def write_store(graph: "nx.MultiDiGraph", path: Path) -> dict[str, int]:
    """Write ``graph`` as a new store in directory ``path`` and return row counts per table.

    ``path`` must not hold a store already. Raises ``ValueError`` naming any label,
    relationship type, pair or property that the schema does not declare.
    """
    import pandas as pd

    rows = schema_rows(graph)
    path.mkdir(parents=True, exist_ok=True)
    if (path / DATABASE_FILE).exists():
        raise ValueError(f"{path} already holds a store")
    database = ladybug.Database(str(path / DATABASE_FILE))
    connection = ladybug.Connection(database)
    counts: dict[str, int] = {}
    try:
        for statement in ddl():
            connection.execute(statement)
        for label in list(rows.nodes):  # each table becomes a frame only while it is copied
            frame = pd.DataFrame(rows.nodes.pop(label), columns=node_columns(label), dtype=object)
            connection.execute(f"COPY {label} FROM frame")
            counts[label] = len(frame)
        for kind, tail, head in list(rows.relationships):
            table = rows.relationships.pop((kind, tail, head))
            frame = pd.DataFrame(table, columns=relationship_columns(kind), dtype=object).drop(columns="key")
            connection.execute(f"COPY {kind} FROM frame (from='{tail}', to='{head}')")
            counts[kind] = counts.get(kind, 0) + len(frame)
    finally:
        connection.close()
        database.close()
    return counts
