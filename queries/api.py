"""The query API for notebooks and the explorer: one call, a pandas DataFrame back.

>>> from queries import connect
>>> kg = connect()                      # the current build under data/build
>>> kg.cypher("MATCH (p:Plan) RETURN p.title AS title ORDER BY title").head()

``connect(uri="bolt://…", auth=(user, password))`` reaches a Neo4j server that
holds a pushed graph (``graph.exports.neo4j.push``) with the same calls and result shapes.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from graph.layout import DB_VARIABLE, DEFAULT_ROOT, STORE, current_build, store_directory
from graph.stores.embedded import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, EmbeddedStore
from graph.stores.isolated import DEFAULT_MEMORY_MB, IsolatedStore

if TYPE_CHECKING:  # loaded when a query runs, so that `plankg query` starts fast
    import networkx as nx
    import pandas as pd


class Backend(Protocol):
    """What a store must offer the query API."""

    def cypher(self, query: str, params: dict[str, Any] | None = None, identities: bool = False) -> "pd.DataFrame": ...

    def close(self) -> None: ...


class KnowledgeGraph:
    """A connection to a plankg graph; use as a context manager or call :meth:`close`."""

    def __init__(self, backend: Backend, where: str):
        self._backend = backend
        self.where = where

    def cypher(self, query: str, /, **params: Any) -> "pd.DataFrame":
        """Run a Cypher query with ``$name`` parameters given as keywords (``$query`` too); rows as a DataFrame.

        Common Neo4j forms run on the embedded store too, or are refused saying what to write
        instead (``docs/cypher.md``).
        """
        return self._backend.cypher(query, params)

    def subgraph(self, query: str, /, **params: Any) -> "nx.MultiDiGraph":
        """The nodes, relationships and paths the query returns, as a networkx graph with their properties.

        Nodes are keyed by their ``id``; edges carry their ``type``. For example, the departments
        most central to Handan's measures::

            g = kg.subgraph("MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure) "
                            "WHERE m.id STARTS WITH 'handan' RETURN d, r, m")
            nx.degree_centrality(g)
        """
        from queries.subgraph import result_graph

        return result_graph(self._backend.cypher(query, params, identities=True).to_numpy().ravel())

    def close(self) -> None:
        """Close the connection."""
        self._backend.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.where})"


def default_store() -> Path:
    """The store of the current build under ``data/build``."""
    return current_build(DEFAULT_ROOT) / STORE


def connect(
    db: Path | str | None = None,
    *,
    uri: str | None = None,
    auth: tuple[str, str] | None = None,
    database: str | None = None,
    read_only: bool = True,
    timeout_ms: int = DEFAULT_TIMEOUT_MS,
    max_rows: int = DEFAULT_MAX_ROWS,
    memory_mb: int = DEFAULT_MEMORY_MB,
    isolated: bool = True,
) -> KnowledgeGraph:
    """Open the embedded store at ``db``, read-only; or, given ``uri``, a Neo4j server.

    ``db`` may be a store directory, a build directory holding ``store/``, or a
    build root holding ``current/``; by default it is ``$PLANKG_DB`` if set, else
    the current build under ``data/build``. Only queries that read the graph run
    (:mod:`graph.stores.gate`). Queries longer than ``timeout_ms``, returning more
    than ``max_rows`` rows or needing more than ``memory_mb`` MB raise
    :class:`QueryError`: they run in a worker process with that memory limit
    (``isolated=False`` runs them in this process, with the engine's own memory
    bound only, for queries the program itself writes). Raises
    :class:`StoreError` when there is no store.

    With ``uri`` (``bolt://`` or ``neo4j://``), ``auth`` is ``(user, password)``
    (None for a server without auth), ``database`` the Neo4j database (None: the
    server's default) and ``read_only=False`` opens write sessions; ``timeout_ms``
    0 leaves the limit to the server. Raises :class:`StoreError` when the server
    cannot be reached or refuses the credentials.
    """
    if uri is not None:
        from graph.stores.neo4j import Neo4jBackend

        backend = Neo4jBackend(uri, auth, database, read_only=read_only, timeout_ms=timeout_ms, max_rows=max_rows)
        return KnowledgeGraph(backend, uri if database is None else f"{uri} database {database}")
    path = store_path(db)
    if isolated:
        return KnowledgeGraph(
            IsolatedStore(path, timeout_ms=timeout_ms, max_rows=max_rows, memory_mb=memory_mb), str(path)
        )
    return KnowledgeGraph(EmbeddedStore(path, timeout_ms=timeout_ms, max_rows=max_rows), str(path))


def store_path(db: Path | str | None = None) -> Path:
    """The store directory ``db`` stands for (see :func:`connect`): ``$PLANKG_DB`` or the current build when None."""
    db = db if db is not None else os.environ.get(DB_VARIABLE)
    return store_directory(Path(db)) if db else default_store()
