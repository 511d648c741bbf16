"""The one loader of the reviewed tables in ``data/reference/`` (UTF-8 CSV with a header row)."""

import csv
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "reference"


def read_table(file_name: str) -> list[dict[str, str]]:
    """The rows of ``data/reference/<file_name>`` as dicts keyed by its header."""
    with (REFERENCE_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
