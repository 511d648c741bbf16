"""Named Cypher queries and the query API: ``from queries import connect``."""

from graph.stores.errors import QueryError, StoreError
from queries.api import KnowledgeGraph, connect

__all__ = ["KnowledgeGraph", "QueryError", "StoreError", "connect"]
