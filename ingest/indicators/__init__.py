"""Indicator tables in every layout the corpus uses.

:func:`parse_indicator_tables` finds each table by its header (see
:mod:`ingest.indicators.detect`), reads its rows with the parser of its layout
(:mod:`~ingest.indicators.grid` for markdown and tab-separated tables,
:mod:`~ingest.indicators.flattened` for cell-per-line ones), and turns them into
records (:mod:`~ingest.indicators.rows`, literals parsed by
:mod:`~ingest.indicators.cells`).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from ingest.indicators.detect import Layout, find_header, note_lines
from ingest.indicators.flattened import parse_flattened
from ingest.indicators.grid import parse_grid
from ingest.indicators.rows import build_rows
from ingest.records import IndicatorRow, Problem, Severity
from ingest.source import Line, SourceText

__all__ = ["TableResult", "parse_indicator_tables"]


@dataclass(frozen=True)
class TableResult:
    """The indicator rows of one document, problems found, and the lines the tables occupy.

    ``consumed`` holds 1-based line numbers of every table's title, header,
    cells and notes (and blank lines among them), for other parsers to skip.
    """

    rows: list[IndicatorRow]
    problems: list[Problem]
    consumed: set[int]


def parse_indicator_tables(document_id: str, lines: Sequence[Line], source: SourceText) -> TableResult:
    """Parse every indicator table in ``lines`` (one document's lines of ``source``).

    Row ids are ``{document_id}/ind/{table}.{row}``, both 1-based. Rows that
    cannot be fully read are still returned, with a :class:`Problem` naming the line.
    """
    rows: list[IndicatorRow] = []
    problems: list[Problem] = []
    consumed: set[int] = set()
    index, ordinal = 0, 0
    while index < len(lines):
        header = find_header(lines, index)
        if header is None:
            index += 1
            continue
        ordinal += 1
        parse = parse_flattened if header.layout is Layout.FLATTENED else parse_grid
        raws, last, found = parse(lines, header, source)
        problems += found
        if not raws:
            problems.append(_problem(source, lines[header.last_index], f"indicator table {header.title!r} has no rows"))
        table_rows, found = build_rows(document_id, ordinal, header, raws, source)
        rows += table_rows
        problems += found
        last += note_lines(lines, last + 1)
        first = header.title_index if header.title_index is not None else header.first_index
        consumed.update(line.number for line in lines[first : last + 1])
        index = last + 1
    return TableResult(rows=rows, problems=problems, consumed=consumed)


def _problem(source: SourceText, line: Line, message: str) -> Problem:
    return Problem(source_file=source.name, line=line.number, severity=Severity.WARNING, message=message)
