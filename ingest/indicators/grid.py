"""Tables printed one row per line: markdown pipes or tab-separated cells."""

import re
from collections.abc import Sequence

from ingest.indicators.detect import ColumnRole, Header, Layout, line_cells, repeated_header_length
from ingest.indicators.rows import RawRow
from ingest.records import Problem, Severity
from ingest.source import Line, SourceText
from ingest.text import clean, is_noise

_MARKDOWN_RULE_CHARS = frozenset("|:- \t")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def parse_grid(lines: Sequence[Line], header: Header, source: SourceText) -> tuple[list[RawRow], int, list[Problem]]:
    """Raw rows under ``header``, the index of the table's last line, and problems.

    The table runs while lines carry the layout's delimiter; blank lines, page
    numbers, markdown rules and repeats of the header are skipped.
    """
    roles = [column.role for column in header.columns]
    raws: list[RawRow] = []
    problems: list[Problem] = []
    index, last = header.last_index + 1, header.last_index
    while index < len(lines):
        line = lines[index]
        repeat = repeated_header_length(lines, index, header)
        if repeat:
            index += repeat
            last = index - 1
            continue
        if is_noise(line.text) or _is_markdown_rule(line.text):
            index += 1
            continue
        if not _is_row_line(line.text, header.layout):
            break
        cells = _align(line_cells(line.text, header.layout), roles)
        if len(cells) != len(roles):
            message = f"indicator row has {len(cells)} cells, the header {len(roles)}"
            problems.append(
                Problem(source_file=source.name, line=line.number, severity=Severity.WARNING, message=message)
            )
        raws.append(_raw_row(line.number, roles, cells))
        last = index
        index += 1
    return raws, last, problems


def _is_markdown_rule(text: str) -> bool:
    """True for ``|----|:--|``, the line under a markdown header."""
    return "-" in text and set(text) <= _MARKDOWN_RULE_CHARS


def _is_row_line(text: str, layout: Layout) -> bool:
    return text.lstrip().startswith("|") if layout is Layout.MARKDOWN else "\t" in text


def _align(cells: list[str], roles: list[ColumnRole | None]) -> list[str]:
    """Undo a missing number cell: a sub-row printed one column to the left.

    When the number column holds text rather than a row number and the row's
    last cell is empty, the cells from the number column on move one right
    (``|  | 氨氮…(吨) | -- | -- | 500 |  |  |`` puts 500 under 5年累计).
    """
    if ColumnRole.NUMBER not in roles or len(cells) != len(roles):
        return cells
    at = roles.index(ColumnRole.NUMBER)
    if cells[at] and not _ROW_NUMBER.match(cells[at]) and not cells[-1]:
        return cells[:at] + [""] + cells[at:-1]
    return cells


def _raw_row(line_number: int, roles: list[ColumnRole | None], cells: list[str]) -> RawRow:
    by_role = {role: clean(cell) for role, cell in zip(roles, cells, strict=False) if role is not None and cell}
    number = by_role.pop(ColumnRole.NUMBER, None)
    return RawRow(
        first_line=line_number,
        last_line=line_number,
        category=by_role.pop(ColumnRole.CATEGORY, None),
        number=number,
        subrow=ColumnRole.NUMBER in roles and number is None,
        cells=by_role,
    )
