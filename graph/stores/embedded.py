"""The embedded Cypher store: LadybugDB (the maintained fork of Kùzu), in-process and on disk.

A store is a directory holding one database file; it is written once by
:func:`graph.exports.store.write_store` and read through :class:`EmbeddedStore`,
read-only by default. These two modules are the only ones that import the engine.
"""

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ladybug

from graph.layout import DATABASE_FILE
from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.dialect import to_embedded
from graph.stores.errors import QueryError, StoreError
from graph.stores.gate import check_plan, check_text
from graph.stores.names import check_names

if TYPE_CHECKING:  # pandas loads only where it is used: `plankg query` starts without it
    import pandas as pd

DEFAULT_TIMEOUT_MS = 30_000
DEFAULT_MAX_ROWS = 100_000
DEFAULT_BUFFER_POOL_MB = 512
"""Memory the engine may use for pages and intermediate results of a read-only store."""
QUERY_THREADS = 2

_SCALAR_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")  # STRING, INT64, DOUBLE, DATE…; STRUCT(…), MAP(…), INT64[] are nested


class EmbeddedStore:
    """A store opened for Cypher queries; read-only unless asked otherwise.

    A read-only store runs only what the query gate (:mod:`graph.stores.gate`)
    lets through, with the engine's memory bounded by ``buffer_pool_mb`` and its
    threads by :data:`QUERY_THREADS`. A query running longer than ``timeout_ms``
    is interrupted, and one returning more than ``max_rows`` rows is stopped; both
    raise :class:`QueryError` saying so.
    """

    def __init__(
        self,
        path: Path,
        read_only: bool = True,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        max_rows: int = DEFAULT_MAX_ROWS,
        buffer_pool_mb: int = DEFAULT_BUFFER_POOL_MB,
    ):
        self.path = Path(path)
        self.read_only = read_only
        self.timeout_ms = timeout_ms
        self.max_rows = max_rows
        database_file = self.path / DATABASE_FILE
        if not database_file.exists():
            raise StoreError(f"no graph store at {self.path}: run `plankg build` to create it")
        limits = {
            "buffer_pool_size": buffer_pool_mb << 20,
            "max_num_threads": QUERY_THREADS,
            "max_db_size": address_space(database_file),
        }
        try:
            self._database = ladybug.Database(str(database_file), read_only=read_only, **(limits if read_only else {}))
            self._connection = ladybug.Connection(self._database)
        except RuntimeError as err:
            raise StoreError(
                f"cannot open the graph store at {self.path} ({err}): run `plankg build` to rebuild it"
            ) from None
        self._connection.set_query_timeout(timeout_ms)

    def cypher(self, query: str, params: dict[str, Any] | None = None, identities: bool = False) -> "pd.DataFrame":
        """:meth:`rows` as a DataFrame."""
        import pandas as pd

        columns, rows = self.rows(query, params, identities)
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def rows(
        self, query: str, params: dict[str, Any] | None = None, identities: bool = False
    ) -> tuple[list[str], list[list]]:
        """Run one statement ``query`` with ``params``: its column names and rows.

        Nodes come back as property dicts with their ``label``, relationships with their
        ``type``; with ``identities`` they also carry the engine's ``_id`` (and a relationship
        its endpoints' ``_start`` and ``_end``), for ``KnowledgeGraph.subgraph``.
        The names are checked first (:func:`~graph.stores.names.check_names`: a ``$name``
        with no value, which the engine would read as null, an unknown label or property);
        a read-only store then rewrites Neo4j forms (:mod:`graph.stores.dialect`) and
        runs the result only if the query gate lets it through.
        """
        params = params or {}
        check_names(query, params)
        if self.read_only:
            query = to_embedded(query)
            check_text(query)
            check_plan(self._execute("EXPLAIN " + query, params).get_next()[0])
        result = self._execute(query, params)
        try:
            columns = result.get_column_names()
            nested = [index for index, kind in enumerate(result.get_column_data_types()) if _is_nested(kind)]
            rows = []
            while result.has_next():
                if len(rows) == self.max_rows:
                    raise QueryError(f"the query returns more than {self.max_rows} rows: add LIMIT or narrow it")
                row = result.get_next()
                for index in nested:
                    row[index] = _plain(row[index], identities)
                rows.append(row)
        finally:
            result.close()
        return columns, rows

    def _execute(self, query: str, params: dict[str, Any]) -> "ladybug.QueryResult":
        """The engine's result for one statement; its errors as :class:`QueryError` in the user's terms."""
        try:
            result = self._connection.execute(query, params)
        except (RuntimeError, MemoryError) as err:
            raise QueryError(_engine_message(str(err), self.timeout_ms)) from None
        if isinstance(result, list):  # only a store open for writing gets here: the gate refuses several
            for each in result:
                each.close()
            raise QueryError("run one statement per call (the query holds several, separated by ';')")
        return result

    def close(self) -> None:
        """Release the database file."""
        self._connection.close()
        self._database.close()

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def address_space(database_file: Path) -> int:
    """The address space the engine reserves for a store: a power of two above twice its file, at least 1 GiB.

    The engine's default (8 TiB) would make a process memory limit impossible.
    """
    return 1 << max(30, (2 * database_file.stat().st_size).bit_length())


def _engine_message(message: str, timeout_ms: int) -> str:
    """The engine's error, with the limit named when a limit stopped the query."""
    if message.startswith("Interrupted"):
        return f"the query ran longer than {timeout_ms / 1000:g} s and was stopped ({message})"
    if "buffer pool is full" in message or "bad_alloc" in message:
        return f"the query needs more memory than it may use here and was stopped: narrow it or add LIMIT ({message})"
    return message


def _is_nested(kind: str) -> bool:
    """Whether a column of engine type ``kind`` holds nodes, relationships, paths, structs, maps or lists."""
    return kind in {"NODE", "REL", "RECURSIVE_REL"} or not _SCALAR_TYPE.fullmatch(kind)


def _plain(value: Any, identities: bool = False) -> Any:
    """Engine values as plain Python: nodes and relationships become property dicts.

    A node or relationship matched without a label comes back from the engine with
    the properties of every table; only those of its own label or type are kept.
    With ``identities``, each keeps the engine's id as ``_id``, and a relationship
    its endpoints' as ``_start`` and ``_end``.
    """
    if isinstance(value, dict):
        if "_LABEL" in value:
            kind, declared = ("type", RELATIONSHIP_TYPES) if "_SRC" in value else ("label", NODE_TYPES)
            own = declared[value["_LABEL"]].properties if value["_LABEL"] in declared else value
            properties = {key: _plain(item) for key, item in value.items() if key in own and not key.startswith("_")}
            plain = {kind: value["_LABEL"], **properties}
            if identities:
                plain["_id"] = _identity(value["_ID"])
            if identities and kind == "type":
                plain.update(_start=_identity(value["_SRC"]), _end=_identity(value["_DST"]))
            return plain
        if "_NODES" in value:
            return {
                "nodes": [_plain(node, identities) for node in value["_NODES"]],
                "relationships": [_plain(rel, identities) for rel in value["_RELS"]],
            }
        return {key: _plain(item, identities) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, identities) for item in value]
    return value


def _identity(internal: dict[str, int]) -> str:
    return f"{internal['table']}:{internal['offset']}"
