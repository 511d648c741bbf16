"""Neo4j over Bolt: :func:`push` a built graph to a server, and query one with :class:`Neo4jBackend`.

This module is the only one that imports the ``neo4j`` driver. A push is
idempotent: nodes are merged on ``id``, relationships on their endpoints and a
stable ``key`` (the build's edge key, ``RESPONSIBLE_FOR:0``), each batch is one
auto-commit ``UNWIND`` transaction, and the server's counts are checked against
the build's at the end. Query results come back in the embedded store's shapes.
The auth tuple goes to the driver and nowhere else: nothing here logs or shows it.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import neo4j
import networkx as nx
import pandas as pd
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship
from tqdm import tqdm

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.embedded import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, _checked
from graph.stores.errors import QueryError, StoreError
from graph.stores.gate import NEO4J_CALLS, check_text
from graph.stores.names import check_names

SCHEMES = ("bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc")
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
    nodes, relationships = _rows(graph)
    total = sum(map(len, nodes.values())) + sum(map(len, relationships.values()))
    with _driver(uri, auth) as driver, driver.session(database=database) as session, _errors(uri):
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


def _rows(graph: nx.MultiDiGraph) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """``UNWIND`` rows per label and per (type, from label, to label); nulls left out, types as the schema says."""
    nodes: dict[str, list[dict]] = defaultdict(list)
    for node_id, data in graph.nodes(data=True):
        label = data.get("label")
        if label not in NODE_TYPES:
            raise ValueError(f"node {node_id!r} has a label the schema does not declare: {label!r}")
        properties = _present(_checked({**data, "id": node_id}, NODE_TYPES[label].properties, node_id, {"label"}))
        nodes[label].append({"id": node_id, "props": properties})
    relationships: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for tail, head, key, data in graph.edges(keys=True, data=True):
        kind = data.get("type")
        if kind not in RELATIONSHIP_TYPES:
            raise ValueError(f"edge {tail!r}→{head!r} has a type the schema does not declare: {kind!r}")
        what = f"{kind} edge {tail!r}→{head!r}"
        properties = _present(_checked(data, RELATIONSHIP_TYPES[kind].properties, what, {"type"}))
        pair = (graph.nodes[tail]["label"], graph.nodes[head]["label"])
        relationships[(kind, *pair)].append(
            {"tail": tail, "head": head, "key": key, "props": {**properties, "key": key}}
        )
    return nodes, relationships


def _present(properties: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in properties.items() if value is not None}


def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def check_uri(uri: str) -> None:
    """:class:`StoreError` unless ``uri`` is a Bolt URI (``bolt``/``neo4j``, ``+s``/``+ssc``) with a host and port.

    A password typed into the URI is refused, and never repeated: messages show ``redact(uri)``.
    """
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as err:
        raise StoreError(f"malformed Neo4j URI {redact(uri)}: {err}") from None
    if parts.scheme not in SCHEMES:
        raise StoreError(
            f"cannot use {redact(uri)}: a Neo4j URI starts with {', '.join(s + '://' for s in SCHEMES)} "
            f"(the Bolt port, 7687 by default, not the HTTP one)"
        )
    if not parts.hostname:
        raise StoreError(f"malformed Neo4j URI {redact(uri)}: no host")
    if parts.password is not None:
        raise StoreError(f"{redact(uri)} holds a password: give it apart from the URI (plankg push reads $NEO4J_PASSWORD)")


def redact(uri: str) -> str:
    """``uri`` with the password of its user part, if any, replaced by ``***``."""
    scheme, slashes, rest = uri.partition("://")
    user, at, host = rest.partition("/")[0].rpartition("@")
    if not slashes or not at or ":" not in user:
        return uri
    return f"{scheme}://{user.partition(':')[0]}:***@{rest[len(user) + 1 :]}"


def _driver(uri: str, auth: tuple[str, str] | None) -> neo4j.Driver:
    """A driver whose connection and credentials are checked now; :class:`StoreError` if not."""
    check_uri(uri)
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth)
    except (ConfigurationError, ValueError) as err:
        raise StoreError(f"cannot use the Neo4j URI {redact(uri)}: {err}") from None
    try:
        with _errors(uri):
            driver.verify_connectivity()
    except ValueError as err:  # the driver's word for a host it cannot resolve
        driver.close()
        raise StoreError(f"cannot reach a Neo4j server at {redact(uri)}: {err}") from None
    except StoreError:
        driver.close()
        raise
    return driver


@contextmanager
def _errors(uri: str) -> Iterator[None]:
    """Driver errors as :class:`StoreError` with the server's message (never the credentials)."""
    try:
        yield
    except AuthError as err:
        raise StoreError(f"the Neo4j server at {redact(uri)} refused the credentials: {err.message}") from None
    except ServiceUnavailable as err:
        raise StoreError(f"cannot reach a Neo4j server at {redact(uri)}: {err}") from None
    except Neo4jError as err:
        raise StoreError(f"the Neo4j server at {redact(uri)} refused a statement: {err.message or err}") from None


class Neo4jBackend:
    """A Neo4j database queried like the embedded store: read-only sessions, embedded result shapes.

    ``timeout_ms`` becomes each query's transaction timeout (0 or None: the server's
    own); a query returning more than ``max_rows`` rows raises :class:`QueryError`.
    ``read_only=False`` opens write sessions instead (for servers that route by
    access mode, such as FalkorDB's Bolt; see ``docs/neo4j.md``).
    """

    def __init__(
        self,
        uri: str,
        auth: tuple[str, str] | None,
        database: str | None = None,
        read_only: bool = True,
        timeout_ms: int | None = DEFAULT_TIMEOUT_MS,
        max_rows: int = DEFAULT_MAX_ROWS,
    ):
        self.uri = uri
        self.database = database
        self.max_rows = max_rows
        self._mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        self._timeout = timeout_ms / 1000 if timeout_ms else None
        self._driver = _driver(uri, auth)

    def cypher(self, query: str, params: dict[str, Any] | None = None, identities: bool = False) -> pd.DataFrame:
        """Run ``query`` with ``params``; nodes come back as property dicts with their ``label``.

        The names are checked first, as on the embedded store (:mod:`graph.stores.names`);
        then the query gate (:mod:`graph.stores.gate`) refuses anything but one statement that
        reads, whatever the session's access mode: ``LOAD CSV`` and procedures reach a
        server's files and settings even in read sessions. With ``identities``, nodes
        and relationships carry the server's element id as ``_id`` and relationships
        their endpoints' as ``_start`` and ``_end``.
        """
        check_names(query, params or {})
        check_text(query, NEO4J_CALLS)
        statement = neo4j.Query(query, timeout=self._timeout) if self._timeout else query
        try:
            with self._driver.session(database=self.database, default_access_mode=self._mode) as session:
                result = session.run(statement, params or {})
                columns = list(result.keys())
                rows = []
                for record in result:
                    if len(rows) == self.max_rows:
                        raise QueryError(f"the query returns more than {self.max_rows} rows: add LIMIT or narrow it")
                    rows.append([_plain(value, identities) for value in record.values()])
        except Neo4jError as err:
            raise QueryError(err.message or str(err)) from None
        except DriverError as err:
            raise QueryError(f"the query failed on {self.uri}: {err}") from None
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()

    def __enter__(self) -> "Neo4jBackend":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jBackend({self.uri!r}, database={self.database!r})"


def _plain(value: Any, identities: bool = False) -> Any:
    """Driver values as the embedded store gives them: nodes and relationships as property dicts.

    A node gets its ``label`` and every property its label declares (None when
    absent); a relationship its ``type`` and its declared properties (so not ``key``).
    With ``identities``, element ids as ``_id`` (and a relationship's endpoints' as ``_start``, ``_end``).
    """
    if isinstance(value, Node):
        label = min(value.labels, default=None)
        node = {"label": label, **_declared(value, NODE_TYPES.get(label))}
        return {**node, "_id": value.element_id} if identities else node
    if isinstance(value, Relationship):
        relationship = {"type": value.type, **_declared(value, RELATIONSHIP_TYPES.get(value.type))}
        if identities:
            relationship.update(
                _id=value.element_id, _start=value.start_node.element_id, _end=value.end_node.element_id
            )
        return relationship
    if isinstance(value, Path):
        return {
            "nodes": [_plain(node, identities) for node in value.nodes],
            "relationships": [_plain(r, identities) for r in value],
        }
    if isinstance(value, list):
        return [_plain(item, identities) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item, identities) for key, item in value.items()}
    return value


def _declared(entity: Node | Relationship, declared) -> dict[str, Any]:
    if declared is None:
        return {key: _plain(item) for key, item in entity.items()}
    return {name: _plain(entity.get(name)) for name in declared.properties}
