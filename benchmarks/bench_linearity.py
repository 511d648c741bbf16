"""Time against the size of one file: the Handan plan repeated into one large file.

Ingest alone at ~0.05, 1 and 10 MB (MB/s per size), then whole builds
(``plankg build``: ingest, graph, store, graph.json) of one file of each
``--build-mb`` size under ``/usr/bin/time -v``, printing wall time and peak memory.
Near-constant MB/s means linear. Asserts nothing.

    python benchmarks/bench_linearity.py                       # ingest, and builds of 5 and 50 MB
    python benchmarks/bench_linearity.py --build-mb 5 --no-ingest
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest.corpus import ingest_file
from ingest.reference import load_regions

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "raw" / "handan-eco-plan-2021-2025.txt"
PLANKG = [sys.executable, "-c", "from cli import app; app()"]


def repeated_plan(path: Path, megabytes: float) -> Path:
    """Write the Handan plan, its body repeated, into ``path`` until it holds about ``megabytes`` MB."""
    text = PLAN.read_text(encoding="utf-8")
    body = text[text.index("一、前言") :]
    repeats = max(1, round((megabytes * 2**20 - len(text.encode())) / len(body.encode())) + 1)
    path.write_text(text + body * (repeats - 1), encoding="utf-8")
    return path


def bench_ingest(scratch: Path) -> None:
    find_region = load_regions().find_in
    print(f"{'size MB':>8} {'lines':>8} {'seconds':>8} {'MB/s':>6} {'measures':>9}")
    for megabytes in (0.05, 1, 10):
        path = repeated_plan(scratch / f"handan-{megabytes}mb.txt", megabytes)
        size = path.stat().st_size / 2**20
        started = time.perf_counter()
        result = ingest_file(path, find_region)
        seconds = time.perf_counter() - started
        measures = sum(len(document.measures) for document in result.documents)
        lines = path.read_text(encoding="utf-8").count("\n")
        print(f"{size:>8.2f} {lines:>8} {seconds:>8.2f} {size / seconds:>6.2f} {measures:>9}")


def bench_build(scratch: Path, megabytes: float) -> None:
    """One ``plankg build`` of a one-file corpus of ``megabytes`` MB, under ``/usr/bin/time -v``."""
    corpus = scratch / f"corpus-{megabytes}mb"
    corpus.mkdir()
    path = repeated_plan(corpus / "handan-repeated.txt", megabytes)
    command = ["/usr/bin/time", "-v", *PLANKG, "build", "--corpus", str(corpus), "--out", str(scratch / "build")]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"build of {megabytes} MB failed:\n{run.stderr[-2000:]}")
        return
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    seconds = int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)[1]) / 2**20
    counts = re.search(r"relationships: (.*)", run.stdout)[1]
    size = path.stat().st_size / 2**20
    print(f"{size:>8.1f} {seconds:>8.1f} {size / seconds:>6.2f} {peak:>8.2f}  {counts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-mb", type=float, nargs="*", default=[5, 50], help="Sizes of the one-file builds.")
    parser.add_argument("--no-ingest", action="store_true", help="Skip the ingest-only figures.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if not args.no_ingest:
            bench_ingest(Path(scratch))
        if args.build_mb:
            print(f"\n{'build MB':>8} {'seconds':>8} {'MB/s':>6} {'peak GB':>8}  relationships")
        for megabytes in args.build_mb:
            bench_build(Path(scratch), megabytes)


if __name__ == "__main__":
    main()
