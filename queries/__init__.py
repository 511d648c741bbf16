"""Named Cypher queries and the query API: ``from queries import connect``.

The API loads on first use, so that importing one module of the package (``plankg query``
imports :mod:`queries.api` only) does not load the engine, pandas and the rest.
"""

from graph.stores.errors import QueryError, StoreError

__all__ = ["KnowledgeGraph", "QueryError", "StoreError", "connect"]


def __getattr__(name: str):
    if name in {"KnowledgeGraph", "connect"}:
        from queries import api

        return getattr(api, name)
    raise AttributeError(f"module 'queries' has no attribute {name!r}")
