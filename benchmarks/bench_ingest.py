"""Ingest speed and memory on the real corpus: prints figures, asserts nothing.

Run with ``make bench``. Each file is ingested ``--repeat`` times; the table shows
the median time per file and the throughput per MB.
"""

import argparse
import resource
import statistics
import time
from pathlib import Path

from ingest.pipeline import corpus_files, ingest_file
from ingest.reference import load_regions

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    find_region = load_regions().find_in
    total_seconds, total_bytes = 0.0, 0
    print(f"{'file':<50} {'KB':>7} {'docs':>5} {'median ms':>10} {'MB/s':>7}")
    for path in corpus_files(args.corpus):
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = ingest_file(path, find_region)
            timings.append(time.perf_counter() - started)
        median = statistics.median(timings)
        size = path.stat().st_size
        total_seconds += median
        total_bytes += size
        _row(path.name, size, str(len(result.documents)), median)
    _row("whole corpus", total_bytes, "", total_seconds)
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _row(name: str, size: int, documents: str, seconds: float) -> None:
    print(f"{name:<50} {size / 1024:>7.1f} {documents:>5} {seconds * 1000:>10.1f} {size / 2**20 / seconds:>7.2f}")


if __name__ == "__main__":
    main()
