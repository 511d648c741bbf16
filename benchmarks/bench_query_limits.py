"""Time and memory of the worst queries a user can send: what each costs before its limit stops it.

Each query runs on a fresh ``connect()`` (a worker process of its own); the
worker's peak resident memory (``VmHWM``) is read before it is closed.

    python benchmarks/bench_query_limits.py [--db data/build]
"""

import argparse
import time
from pathlib import Path

from queries import QueryError, connect

TIMEOUT_MS = 2_000
WORST = [
    ("a path explosion, 3 hops", "MATCH p=(a:Plan)-[*1..3]-(b) RETURN p"),
    ("a path explosion, 4 hops", "MATCH p=(a:Plan)-[*1..4]-(b) RETURN p"),
    ("one list of 20 M numbers", "RETURN range(1, 20000000) AS r"),
    ("a list of 1 G numbers inside an expression", "RETURN size(range(1, 1000000000)) AS n"),
    (
        "an 850 M-row join (2 s limit)",
        "MATCH (a:Section), (b:Section), (c:Section) WHERE a.line_start * b.line_end = c.line_start + c.line_end + 7 "
        "RETURN count(*) AS n",
    ),
    ("a file read (refused by the gate)", "LOAD FROM '/etc/passwd' RETURN *"),
]


def main() -> None:
    """Print one markdown row per query: what happened, seconds, the worker's peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("data/build"))
    arguments = parser.parse_args()
    print("| query | outcome | s | worker peak MB |\n| --- | --- | ---: | ---: |")
    for title, text in WORST:
        with connect(arguments.db, timeout_ms=TIMEOUT_MS) as graph:
            started = time.perf_counter()
            try:
                outcome = f"{len(graph.cypher(text))} rows"
            except QueryError as err:
                outcome = str(err).split(" (")[0].split(";")[0]
            seconds = time.perf_counter() - started
            print(f"| {title} | {outcome} | {seconds:.1f} | {_peak_mb(graph._backend._process)} |")


def _peak_mb(process) -> str:
    """A live worker's peak resident memory in MB; '-' when the limit killed it."""
    if process is None or process.poll() is not None:
        return "-"
    status = Path(f"/proc/{process.pid}/status").read_text()
    return str(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) // 1024)


if __name__ == "__main__":
    main()
