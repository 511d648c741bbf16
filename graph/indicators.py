"""Canonical indicators: differently worded table rows aligned to one Indicator.

The alignment is reviewed data, not code: ``data/reference/indicators.csv``
declares the canonical indicators and ``indicator_alignment.csv`` maps each
name as written (compared after NFKC folding and without spaces or markup) to
one of them, with the scope the row measures (全市, 市城区, 县城…). A row with no
alignment gets an Indicator of its own and is listed in the build report.
"""

import hashlib
from dataclasses import dataclass
from functools import cache

from ingest.records import IndicatorRow
from ingest.reference import read_table
from ingest.text import name_key


@dataclass(frozen=True)
class Indicator:
    """A canonical indicator."""

    id: str
    name: str
    name_en: str | None
    unit: str | None
    category: str | None
    keywords: str | None = None
    """``|``-separated words that name the indicator in running text (see ``graph.measure_targets``)."""


@dataclass(frozen=True)
class Alignment:
    """Where a row's indicator lives, and whether the reviewed table knew the row."""

    indicator: Indicator
    scope: str | None
    note: str | None
    aligned: bool


@cache
def load_indicators() -> dict[str, Indicator]:
    """The canonical indicators by id."""
    return {
        row["id"]: Indicator(
            id=f"indicator/{row['id']}",
            name=row["name"],
            name_en=row["name_en"] or None,
            unit=row["unit"] or None,
            category=row["category"] or None,
            keywords=row["keywords"] or None,
        )
        for row in read_table("indicators.csv")
    }


@cache
def load_alignment() -> dict[str, tuple[str, str | None, str | None]]:
    """Name key → (indicator id, scope, note), from the reviewed alignment table."""
    indicators = load_indicators()
    table = {}
    for number, row in enumerate(read_table("indicator_alignment.csv"), start=2):
        if row["indicator_id"] not in indicators:
            raise ValueError(f"indicator_alignment.csv:{number}: unknown indicator {row['indicator_id']!r}")
        table[name_key(row["name_as_written"])] = (row["indicator_id"], row["scope"] or None, row["note"] or None)
    return table


def align(row: IndicatorRow) -> Alignment:
    """The canonical indicator of an indicator-table row."""
    found = load_alignment().get(name_key(row.name))
    if found:
        indicator_id, scope, note = found
        return Alignment(load_indicators()[indicator_id], scope, note, aligned=True)
    digest = hashlib.sha1(name_key(row.name).encode("utf-8")).hexdigest()[:10]
    own = Indicator(
        id=f"indicator/unaligned-{digest}", name=row.name, name_en=None, unit=row.unit, category=row.category
    )
    return Alignment(own, scope=None, note=None, aligned=False)
