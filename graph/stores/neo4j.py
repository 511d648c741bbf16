"""Neo4j over Bolt: query a server with :class:`Neo4jBackend`, and reach one (:func:`open_driver`).

This module and :mod:`graph.exports.neo4j` (the push) are the only ones that import
the ``neo4j`` driver. Query results come back in the embedded store's shapes. The
auth tuple goes to the driver and nowhere else: nothing here logs or shows it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import neo4j
import pandas as pd
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.embedded import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS
from graph.stores.errors import QueryError, StoreError
from graph.stores.gate import NEO4J_CALLS, check_text
from graph.stores.names import check_names

SCHEMES = ("bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc")


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
        raise StoreError(
            f"{redact(uri)} holds a password: give it apart from the URI (plankg push reads $NEO4J_PASSWORD)"
        )


def redact(uri: str) -> str:
    """``uri`` with the password of its user part, if any, replaced by ``***``."""
    scheme, slashes, rest = uri.partition("://")
    user, at, host = rest.partition("/")[0].rpartition("@")
    if not slashes or not at or ":" not in user:
        return uri
    return f"{scheme}://{user.partition(':')[0]}:***@{rest[len(user) + 1 :]}"


def open_driver(uri: str, auth: tuple[str, str] | None) -> neo4j.Driver:
    """A driver whose connection and credentials are checked now; :class:`StoreError` if not."""
    check_uri(uri)
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth)
    except (ConfigurationError, ValueError) as err:
        raise StoreError(f"cannot use the Neo4j URI {redact(uri)}: {err}") from None
    try:
        with driver_errors(uri):
            driver.verify_connectivity()
    except ValueError as err:  # the driver's word for a host it cannot resolve
        driver.close()
        raise StoreError(f"cannot reach a Neo4j server at {redact(uri)}: {err}") from None
    except StoreError:
        driver.close()
        raise
    return driver


@contextmanager
def driver_errors(uri: str) -> Iterator[None]:
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
        self._driver = open_driver(uri, auth)

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
