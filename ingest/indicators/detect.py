"""Finding indicator tables: title, header, column roles, layout, where the table ends.

A header is a markdown or tab-separated line, or a run of short lines under a
title, whose text (spaces removed) mentions 指标 and a year (``2020年``) and ends
with the last column's label: ``属性``, ``累计``, ``是否完成目标`` (below), or, in a
one-line header, an achieved column (in a run of lines ``完成情况`` may be followed
by more labels). The title is the nearest line above that starts with ``表 N`` or
names 指标 without a year (``“十四五”生态环境保护主要指标``).

A table with a column of what was achieved (``2020年完成情况``, ``完成值``,
``实际值``) or of whether the target was met (``是否完成目标``, ``是否达标``) is a
progress table (:attr:`Header.reports_progress`): its rows report an earlier
plan's target, not targets of the plan.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ingest.source import Line
from ingest.text import clean, is_noise, squeeze


class ColumnRole(str, Enum):
    """What a column holds."""

    CATEGORY = "category"
    NUMBER = "number"
    NAME = "name"
    UNIT = "unit"
    BASELINE = "baseline"
    TARGET = "target"
    CUMULATIVE = "cumulative"
    ATTRIBUTE = "attribute"
    ACHIEVED = "achieved"  # 2020年完成情况 / 完成值 / 实际值 of a progress table
    STATUS = "status"  # 是否完成目标 of a progress table: ends the row, kept as ``met``


class Layout(str, Enum):
    """How the extraction printed the table."""

    MARKDOWN = "markdown"  # | a | b |
    DELIMITED = "delimited"  # tab-separated
    FLATTENED = "flattened"  # cell text on its own lines


@dataclass(frozen=True)
class Column:
    """One header column: its role and, for a year column, the year."""

    role: ColumnRole | None
    year: int | None = None


@dataclass(frozen=True)
class Header:
    """A detected table header; indexes are into the document's line sequence."""

    title: str
    title_index: int | None
    first_index: int
    last_index: int
    layout: Layout
    columns: tuple[Column, ...]
    signature: tuple[str, ...]  # the header's lines, spaces removed, to spot repeats after a page break

    @property
    def reports_progress(self) -> bool:
        """True for a progress table: a column of what was achieved or of whether the target was met."""
        return any(column.role in (ColumnRole.ACHIEVED, ColumnRole.STATUS) for column in self.columns)


_MAX_HEADER_LINES = 16
_MAX_HEADER_LINE_CHARS = 30
_ACHIEVED = r"完成情况|完成值|实际完成值|实际值"
_STATUS = r"是否完成目标|是否完成|是否达到目标|是否达标"
_HEADER_END = re.compile(rf"(属性|累计|{_STATUS})$")
_ONE_LINE_HEADER_END = re.compile(rf"(属性|累计|{_STATUS}|{_ACHIEVED})$")
_LAST_LABEL = re.compile(rf"(属性|目标|累计|{_STATUS}|{_ACHIEVED})$")
_YEAR = re.compile(r"\d{4}年")
_TITLE = re.compile(r"^表\s*\d+")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节])")
_NOTE_START = re.compile(r"^(?:备注|注[:：]|[①②③④⑤⑥⑦⑧⑨⑩]|[*＊]|[a-z][.．、])")
_HEADER_LABEL = re.compile(
    r"(?P<category>指标类型|类别|类型)"
    r"|(?P<number>序号)"
    r"|(?P<attribute>指标属性|属性)"
    rf"|(?P<status>{_STATUS})"
    r"|(?P<cumulative>\d{0,2}年?累计)"
    rf"|(?P<year>\d{{4}})年(?P<qualifier>[（(]?(?:基准年|目标年|基数|目标|{_ACHIEVED})[)）]?)?"
    rf"|(?P<achieved>{_ACHIEVED})"
    r"|(?P<unit>单位)"
    r"|(?P<name>指标名称|指标)"
)


def find_header(lines: Sequence[Line], index: int) -> Header | None:
    """The header whose last line is ``lines[index]``, or ``None``."""
    last = lines[index].text
    if not _LAST_LABEL.search(squeeze(last)):
        return None
    layout = Layout.MARKDOWN if "|" in last else Layout.DELIMITED if "\t" in last else Layout.FLATTENED
    title_index, first = _title_above(lines, index)
    if layout is not Layout.FLATTENED:
        first = index
    elif title_index is None:
        return None  # a run of short lines is a header only under a title
    texts = [squeeze(line.text) for line in lines[first : index + 1] if not is_noise(line.text)]
    joined = "".join(texts)
    end = _HEADER_END if layout is Layout.FLATTENED else _ONE_LINE_HEADER_END
    if "指标" not in joined or not _YEAR.search(joined) or not end.search(joined):
        return None
    columns = grid_columns(last, layout) if layout is not Layout.FLATTENED else label_columns(joined)
    title = clean(lines[title_index].text) if title_index is not None else ""
    return Header(title, title_index, first, index, layout, columns, tuple(texts))


def grid_columns(text: str, layout: Layout) -> tuple[Column, ...]:
    """Columns of a one-line markdown or tab-separated header, one per cell.

    ``指标名称<TAB><TAB>2020年…`` (name over two columns, no category column)
    reads as category + name.
    """
    cells = line_cells(text, layout)
    columns = [_single_column(squeeze(cell)) for cell in cells]
    roles = [column.role for column in columns]
    if ColumnRole.CATEGORY not in roles and ColumnRole.NAME in roles:
        at = roles.index(ColumnRole.NAME)
        if at + 1 < len(columns) and not squeeze(cells[at + 1]):
            columns[at : at + 2] = [Column(ColumnRole.CATEGORY), Column(ColumnRole.NAME)]
    return _resolve_years(columns)


def label_columns(text: str) -> tuple[Column, ...]:
    """Columns of a flattened header, read left to right from its joined labels."""
    return _resolve_years([_column(match) for match in _HEADER_LABEL.finditer(text)])


def line_cells(text: str, layout: Layout) -> list[str]:
    """The cells of a markdown (``| a | b |``) or tab-separated line, stripped."""
    if layout is Layout.MARKDOWN:
        text = text.strip()
        text = text[1:] if text.startswith("|") else text
        text = text[:-1] if text.endswith("|") else text
        return [cell.strip() for cell in text.split("|")]
    return [cell.strip() for cell in text.split("\t")]


def repeated_header_length(lines: Sequence[Line], index: int, header: Header) -> int:
    """How many lines from ``index`` repeat ``header`` (after a page break); 0 if none."""
    count, matched = 0, 0
    for line in map(lines.__getitem__, range(index, len(lines))):
        count += 1
        if is_noise(line.text):
            continue
        if squeeze(line.text) != header.signature[matched]:
            return 0
        matched += 1
        if matched == len(header.signature):
            return count
    return 0


def is_table_end(text: str) -> bool:
    """True for a line that cannot be inside a table: a section heading, a note or a new title."""
    stripped = clean(text)
    return bool(_HEADING.match(stripped) or _NOTE_START.match(stripped) or _TITLE.match(stripped))


def note_lines(lines: Sequence[Line], index: int) -> int:
    """How many lines from ``index`` are the table's notes (``备注：``, ``①…``, ``a.…``, ``*…``).

    A note runs on over further lines until one ends with ``。``; trailing noise is not counted.
    """
    count, taken, open_note = 0, 0, False
    for line in map(lines.__getitem__, range(index, len(lines))):
        count += 1
        if is_noise(line.text):
            continue
        stripped = clean(line.text)
        if not (open_note or _NOTE_START.match(stripped)) or _HEADING.match(stripped):
            break
        open_note = not stripped.endswith("。")
        taken = count
    return taken


def _title_above(lines: Sequence[Line], index: int) -> tuple[int | None, int]:
    """Index of the title above header line ``index`` and of the header's first line."""
    first, seen = index, 0
    for at in range(index - 1, max(-1, index - 3 * _MAX_HEADER_LINES - 1), -1):
        text = lines[at].text
        if is_noise(text):
            continue
        stripped = clean(text)
        if _is_title(stripped):
            return at, first
        seen += 1
        if seen > _MAX_HEADER_LINES or _is_prose(stripped) or "|" in text or "\t" in text:
            return None, first
        first = at
    return None, first


def _is_title(text: str) -> bool:
    if _TITLE.match(text):
        return True
    if "指标" not in text or "属性" in text or len(text) < 6:
        return False
    return not _YEAR.search(squeeze(text)) and not _is_prose(text)


def _is_prose(text: str) -> bool:
    return text.endswith("。") or len(squeeze(text)) > _MAX_HEADER_LINE_CHARS or bool(_HEADING.match(text))


def _resolve_years(columns: list[Column]) -> tuple[Column, ...]:
    """A bare year column (``2020年``) is the baseline when none came before, else the target."""
    resolved: list[Column] = []
    for column in columns:
        if column.role is None and column.year is not None:
            seen = {earlier.role for earlier in resolved}
            column = Column(ColumnRole.TARGET if ColumnRole.BASELINE in seen else ColumnRole.BASELINE, column.year)
        resolved.append(column)
    return tuple(resolved)


def _single_column(label: str) -> Column:
    match = _HEADER_LABEL.fullmatch(label)
    return _column(match) if match else Column(None)


def _column(match: re.Match[str]) -> Column:
    kind = match.lastgroup
    if kind == "qualifier":
        kind = "year"
    if kind != "year":
        return Column(ColumnRole(kind))
    qualifier = match.group("qualifier") or ""
    if re.search(_ACHIEVED, qualifier):
        return Column(ColumnRole.ACHIEVED, int(match.group("year")))
    role = ColumnRole.TARGET if "目标" in qualifier else ColumnRole.BASELINE if qualifier else None
    return Column(role, int(match.group("year")))
