"""Where a built graph is written and read: the embedded Cypher store (and later Neo4j, RDF)."""

from graph.stores.errors import QueryError, StoreError

__all__ = ["QueryError", "StoreError"]
