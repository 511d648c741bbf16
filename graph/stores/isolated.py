"""A read-only embedded store in a process of its own, so that a query's memory and time have hard limits.

The engine bounds the memory of its pages and intermediate results, but not of
every expression (``range(1, 100000000)`` builds its list outside that bound),
and turning a huge result into Python objects costs more again. So queries that
come from users run in a worker process whose data segment is capped
(``RLIMIT_DATA``): past the cap the engine and Python fail cleanly inside the
worker, and the caller gets a :class:`QueryError`. A worker that does not answer
within its timeout (plus a grace period) is killed and replaced on the next query.
A worker exits by itself when its caller goes away or after ``IDLE_SECONDS`` of
silence; the next query starts a new one.

Run as ``python -m graph.stores.isolated FD STORE TIMEOUT_MS MAX_ROWS MEMORY_MB``
by :class:`IsolatedStore` only.
"""

import resource
import signal
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.stores.embedded import (
    DATABASE_FILE,
    DEFAULT_BUFFER_POOL_MB,
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT_MS,
    EmbeddedStore,
    address_space,
)
from graph.stores.errors import QueryError, StoreError

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_MEMORY_MB = 1024
"""Memory a query may use beyond the engine's buffer pool: its expressions and its rows as Python objects."""
GRACE_SECONDS = 5
IDLE_SECONDS = 600


class IsolatedStore:
    """The :class:`~graph.stores.embedded.EmbeddedStore` at ``path``, read-only, queried in a worker process."""

    def __init__(
        self,
        path: Path,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        max_rows: int = DEFAULT_MAX_ROWS,
        memory_mb: int = DEFAULT_MEMORY_MB,
    ):
        self.path = Path(path)
        self.timeout_ms = timeout_ms
        self.max_rows = max_rows
        self.memory_mb = memory_mb
        self._process: subprocess.Popen | None = None
        self._channel: Connection | None = None
        if not (self.path / DATABASE_FILE).exists():
            raise StoreError(f"no graph store at {self.path}: run `plankg build` to create it")

    def cypher(self, query: str, params: dict[str, Any] | None = None, identities: bool = False) -> "pd.DataFrame":
        """Run ``query`` in the worker; its rows, or :class:`QueryError` naming the limit that stopped it."""
        import pandas as pd

        channel = self._worker()
        request = (query, params or {}, identities)
        try:
            channel.send(request)
        except OSError:  # the worker left while idle: start another
            self.close()
            channel = self._worker()
            channel.send(request)
        if not channel.poll(self.timeout_ms / 1000 + GRACE_SECONDS):
            self.close()
            raise QueryError(f"the query ran longer than {self.timeout_ms / 1000:g} s and was stopped")
        try:
            answer, payload = channel.recv()
        except (EOFError, OSError):
            self.close()
            raise QueryError(
                f"the query needed more than the {self.memory_mb} MB of memory it may use and was stopped: "
                "narrow it or add LIMIT"
            ) from None
        if answer == "rows":
            columns, rows = payload
            return pd.DataFrame(rows, columns=columns, dtype=object)
        raise (StoreError if answer == "store" else QueryError)(payload)

    def _worker(self) -> Connection:
        """The channel to a running worker, started if there is none."""
        if self._process is not None and self._process.poll() is None:
            return self._channel
        self.close()
        ours, theirs = socket.socketpair()
        arguments = [self.path, self.timeout_ms, self.max_rows, self.memory_mb]
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(theirs.fileno()), *map(str, arguments)],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        theirs.close()
        self._channel = Connection(ours.detach())
        return self._channel

    def close(self) -> None:
        """Stop the worker, if one runs."""
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def __del__(self) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"IsolatedStore({str(self.path)!r}, memory_mb={self.memory_mb})"


def limit_memory(store: Path, memory_mb: int) -> None:
    """Cap this process's data segment: the engine's reserved address space, its buffer pool and ``memory_mb``."""
    limit = address_space(store / DATABASE_FILE) + ((DEFAULT_BUFFER_POOL_MB + memory_mb) << 20)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _serve(channel: Connection, store: Path, timeout_ms: int, max_rows: int, memory_mb: int) -> None:
    """Answer queries from ``channel`` until it closes or stays silent for :data:`IDLE_SECONDS`."""
    limit_memory(store, memory_mb)
    try:
        graph = EmbeddedStore(store, timeout_ms=timeout_ms, max_rows=max_rows)
    except StoreError as err:
        opened, failure = None, ("store", str(err))
    else:
        opened, failure = graph, None
    while channel.poll(IDLE_SECONDS):
        try:
            query, params, identities = channel.recv()
        except EOFError:
            return
        if opened is None:
            channel.send(failure)
            continue
        try:
            channel.send(("rows", opened.rows(query, params, identities)))
        except QueryError as err:
            channel.send(("error", str(err)))
        except MemoryError:
            channel.send(("error", f"the query needed more than the {memory_mb} MB of memory it may use: add LIMIT"))


if __name__ == "__main__":
    # Ctrl-C (or a Jupyter kernel's interrupt) goes to the whole process group: the parent decides when this
    # worker ends (it closes the channel or kills it), so the worker neither dies mid-answer nor prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    fd, path, timeout, rows, memory = sys.argv[1:]
    _serve(Connection(int(fd)), Path(path), int(timeout), int(rows), int(memory))
