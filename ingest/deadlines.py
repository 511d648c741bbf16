"""Deadlines: ``2025年底前``, ``2024年6月底前``, ``到2027年``, ``长期坚持`` as written and as a date.

A deadline names a date when it gives a year: the year's end (``2025年底前``, ``到2025年``,
``2025年前``), the month's end (``2024年6月底前``) or the day (``2024年6月30日前``). Words
without a year (``长期坚持``, ``持续推进``, a bare ``年底前``) are kept as written, without a date.
"""

import calendar
import datetime as dt
import re

_DATED = re.compile(
    r"(?P<by>到|至)?\s*(?P<year>20\d{2})\s*年\s*"
    r"(?:(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日)?)?\s*(?P<end>底|末)?\s*(?P<before>前|以前)?"
)
_UNDATED = re.compile(r"年底前|年内")


def deadline_date(text: str) -> dt.date | None:
    """The last day a deadline cell allows (``2025年底前`` → 2025-12-31), or None when it names no date."""
    match = _DATED.search(text)
    return _date(match) if match else None


def deadline_in_text(text: str) -> tuple[str, dt.date | None] | None:
    """The latest deadline a measure's text sets (``到2025年``, ``2024年底前``), or a bare ``年底前``."""
    found = [
        (match.group().strip(), _date(match))
        for match in _DATED.finditer(text)
        if match["by"] or match["before"] or match["end"]
    ]
    if found:
        return max(found, key=lambda item: item[1])
    bare = _UNDATED.search(text)
    return (bare.group(), None) if bare else None


def _date(match: re.Match[str]) -> dt.date:
    year = int(match["year"])
    month = int(match["month"]) if match["month"] and 1 <= int(match["month"]) <= 12 else 12
    last = calendar.monthrange(year, month)[1]
    day = int(match["day"]) if match["day"] and 1 <= int(match["day"]) <= last else last
    return dt.date(year, month, day)
