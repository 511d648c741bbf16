"""Whole-process time of ``plankg`` commands, as a user at the shell waits for them.

Each command is started RUNS times as a new process (Python start, imports, opening the
store, the query, printing); the median, min and max wall-clock seconds are printed as
markdown rows for docs/performance.md.

    python benchmarks/bench_cli.py [--db data/build] [--runs 20]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

PLANKG = str(Path(sys.executable).with_name("plankg"))
COMMANDS = [
    ("a small query, table", ["query", "MATCH (p:Plan) RETURN p.id AS id ORDER BY id"]),
    (
        "a named query, CSV",
        ["query", "--name", "indicator_across_plans", "-p", "indicator=indicator/pm25", "-f", "csv"],
    ),
    ("a refused query (LOAD FROM)", ["query", "LOAD FROM '/etc/passwd' RETURN *"]),
    ("`plankg who 散煤` (groups rows with pandas)", ["who", "散煤"]),
]


def seconds(command: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` runs of ``command``, after one unmeasured run to warm the page cache."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return times[1:]


def main() -> None:
    """Print one markdown row per command: median, min and max seconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("data/build"))
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    print(f"| command ({arguments.runs} runs) | median s | min s | max s |\n| --- | ---: | ---: | ---: |")
    for title, args in COMMANDS:
        times = seconds([PLANKG, *args, "--db", str(arguments.db)], arguments.runs)
        print(f"| {title} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |")


if __name__ == "__main__":
    main()
