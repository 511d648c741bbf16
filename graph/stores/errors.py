"""Errors the stores raise, the same for every backend."""


class StoreError(Exception):
    """A store that is missing, corrupt or cannot be opened; the message says how to fix it."""


class QueryError(Exception):
    """A query the engine refused or that failed; the message is the engine's own."""
