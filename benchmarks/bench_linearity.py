"""Ingest time against file size: one plan repeated into files of ~0.05, 1 and 10 MB.

Prints MB/s per size; near-constant throughput means parsing is linear (no regex
backtracking, no quadratic pass). Asserts nothing.
"""

import tempfile
import time
from pathlib import Path

from ingest.pipeline import ingest_file
from ingest.reference import load_regions

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "raw" / "handan-eco-plan-2021-2025.txt"


def main() -> None:
    text = PLAN.read_text(encoding="utf-8")
    body = text[text.index("一、前言") :]
    find_region = load_regions().find_in
    print(f"{'size MB':>8} {'lines':>8} {'seconds':>8} {'MB/s':>6} {'measures':>9}")
    with tempfile.TemporaryDirectory() as scratch:
        for repeats in (1, 20, 200):
            path = Path(scratch) / f"handan-x{repeats}.txt"
            path.write_text(text + body * (repeats - 1), encoding="utf-8")
            size = path.stat().st_size / 2**20
            started = time.perf_counter()
            result = ingest_file(path, find_region)
            seconds = time.perf_counter() - started
            measures = sum(len(document.measures) for document in result.documents)
            lines = path.read_text(encoding="utf-8").count("\n")
            print(f"{size:>8.2f} {lines:>8} {seconds:>8.2f} {size / seconds:>6.2f} {measures:>9}")


if __name__ == "__main__":
    main()
