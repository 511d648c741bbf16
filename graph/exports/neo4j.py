"""Push a built graph to a Neo4j server over Bolt: idempotent, batched, counts checked.

Nodes are merged on ``id``, relationships on their endpoints and a stable ``key``
(the build's edge key, ``RESPONSIBLE_FOR:0``); each batch is one auto-commit
``UNWIND`` transaction, and the server's counts are checked against the build's at
the end. The rows are the schema's (:func:`graph.rows.schema_rows`), nulls left out.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import neo4j
import networkx as nx
from tqdm import tqdm

from graph.rows import node_columns, relationship_columns, schema_rows
from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.errors import StoreError
from graph.stores.neo4j import driver_errors, open_driver

_CONSTRAINT = "CREATE CONSTRAINT plankg_{label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
_MERGE_NODES = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props"
_MERGE_RELATIONSHIPS = (
    "UNWIND $rows AS row MATCH (a:{tail} {{id: row.tail}}) MATCH (b:{head} {{id: row.head}}) "
    "MERGE (a)-[r:{type} {{key: row.key}}]->(b) SET r = row.props"
)


class PushError(StoreError):
    """The server does not hold what was pushed (counts differ); the message says where."""


@dataclass(frozen=True)
class PushCounts:
    """Nodes per label and relationships per type on the server after a push (every schema name)."""

    nodes: dict[str, int]
    relationships: dict[str, int]


def write(
    graph: nx.MultiDiGraph,
    target: str,
    auth: tuple[str, str] | None = None,
    database: str | None = None,
    batch_size: int = 1000,
    progress: bool = True,
) -> str:
    """:func:`push` ``graph`` to the server at URI ``target``; the lines giving the server's counts."""
    counts = push(graph, target, auth, database=database, batch_size=batch_size, progress=progress)
    return "\n".join(
        [
            "nodes: " + ", ".join(f"{label} {count}" for label, count in counts.nodes.items()),
            "relationships: " + ", ".join(f"{kind} {count}" for kind, count in counts.relationships.items()),
        ]
    )


def push(
    graph: nx.MultiDiGraph,
    uri: str,
    auth: tuple[str, str] | None,
    database: str | None = None,
    batch_size: int = 1000,
    progress: bool = True,
    constraints: bool = True,
) -> PushCounts:
    """Merge ``graph`` into the Neo4j database at ``uri`` and return the server's counts.

    Creates a uniqueness constraint on ``id`` for every label first (``constraints=False``
    skips that, for Bolt servers without them), then merges ``batch_size`` rows per
    transaction, showing a progress bar on stderr unless ``progress`` is false.
    Raises :class:`PushError` when the server's counts differ from the graph's (the
    database held other plankg data, or an endpoint was missing), :class:`StoreError`
    when the server cannot be reached or refuses a statement, and ``ValueError`` for
    a graph the schema does not allow.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    nodes, relationships = _merge_rows(graph)
    total = sum(map(len, nodes.values())) + sum(map(len, relationships.values()))
    with open_driver(uri, auth) as driver, driver.session(database=database) as session, driver_errors(uri):
        if constraints:
            for label in NODE_TYPES:
                session.run(_CONSTRAINT.format(label=label)).consume()
        with tqdm(total=total, unit="row", desc="push", disable=not progress) as bar:
            for label, rows in nodes.items():
                for batch in _batches(rows, batch_size):
                    session.run(_MERGE_NODES.format(label=label), rows=batch).consume()
                    bar.update(len(batch))
            for (kind, tail, head), rows in relationships.items():
                statement = _MERGE_RELATIONSHIPS.format(type=kind, tail=tail, head=head)
                for batch in _batches(rows, batch_size):
                    session.run(statement, rows=batch).consume()
                    bar.update(len(batch))
        counts = _server_counts(session)
    _check(counts, graph)
    return counts


def _server_counts(session: neo4j.Session) -> PushCounts:
    """Nodes per schema label and relationships per schema type in the session's database."""
    nodes = {label: session.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"] for label in NODE_TYPES}
    relationships = {
        kind: session.run(f"MATCH ()-[r:{kind}]->() RETURN count(r) AS c").single()["c"] for kind in RELATIONSHIP_TYPES
    }
    return PushCounts(nodes, relationships)


def _check(counts: PushCounts, graph: nx.MultiDiGraph) -> None:
    """:class:`PushError` naming every label and type whose server count differs from the graph's."""
    built_nodes = Counter(label for _, label in graph.nodes(data="label"))
    built_relationships = Counter(kind for _, _, kind in graph.edges(data="type"))
    differences = [
        f"{name}: {server} on the server, {built[name]} in the build"
        for found, built in ((counts.nodes, built_nodes), (counts.relationships, built_relationships))
        for name, server in found.items()
        if server != built[name]
    ]
    if differences:
        raise PushError(
            "after the push the server's counts differ from the build's (push into an empty database, "
            "or one holding an earlier push of the same graph): " + "; ".join(differences)
        )


def _merge_rows(graph: nx.MultiDiGraph) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """``UNWIND`` rows per label and per (type, from label, to label): the schema's rows, nulls left out."""
    rows = schema_rows(graph)
    nodes = {
        label: [{"id": values[0], "props": _present(node_columns(label), values)} for values in table]
        for label, table in rows.nodes.items()
    }
    relationships = {
        (kind, tail, head): [
            {
                "tail": values[0],
                "head": values[1],
                "key": values[2],
                "props": _present(relationship_columns(kind)[2:], values[2:]),
            }
            for values in table
        ]
        for (kind, tail, head), table in rows.relationships.items()
    }
    return nodes, relationships


def _present(columns: list[str], values: tuple) -> dict[str, Any]:
    return {name: value for name, value in zip(columns, values, strict=True) if value is not None}


def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
