"""Key-project boxes (``专栏``) of a plan and the projects listed in them.

A box starts at a line ``专栏 [number] title``. The PDF text has no closing
border, so a box ends where the main text resumes: at the next heading of the
plan's outline (``三、``, ``第三章``, ``（二）``, or ``2.`` unless the box numbers
its own items that way and the number continues them), at the next ``专栏``,
or at the end of the document.

Items are the numbered entries when the box numbers them (``1.``, ``（1）``,
``①``: the style of its first line). Otherwise they are the paragraphs of the
box: after a sentence end a new one starts when the line opens with a short
name (``饮用水安全保障工程。``) or the previous line stops well short of the
box width.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.numbering import circled_to_int
from ingest.records import Problem, ProjectBox, ProjectItem, Severity
from ingest.source import Line, SourceText
from ingest.text import is_noise, join_wrapped, strip_markup

_BOX_HEADER = re.compile(
    r"^专\s*栏"
    r"(?:\s*(?P<number>\d{1,2}(?:[-－]\d{1,2})?|[一二三四五六七八九十]{1,3}(?=[\s：:、.．])))?"
    r"(?:\s*[：:、.．]\s*|\s+|(?<=\d)|$)"
    r"(?P<title>[^，,。；;]{0,60})$"
)
# Outline levels from the top: 一、/第一章, （一）, 1., （1）, ①.
_LEVELS = (
    re.compile(r"^(?:[一二三四五六七八九十百]{1,4}、|第[一二三四五六七八九十百]{1,4}[章节篇])"),
    re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"),
    re.compile(r"^(?P<printed>\d{1,2})\s*[.．、](?!\d)"),
    re.compile(r"^(?P<printed>[（(]\d{1,2}[）)])"),
    re.compile(r"^(?P<printed>[①-⑳])"),
)
_MAIN_LEVELS = 3  # 一、, （一） and 1. carry the outline of the plan itself
_NAME = re.compile(r"^(?P<name>[^，,；;。：:]{2,25})[。：:]")
_SENTENCE_END = ("。", "；", "！", "？", "）")
_SHORT_LINE = 0.8  # a paragraph's last line is shorter than this share of the box width


@dataclass(frozen=True)
class ProjectResult:
    """The boxes of a document, the problems met, and the line numbers the boxes take."""

    boxes: list[ProjectBox]
    problems: list[Problem]
    consumed: set[int]


@dataclass(frozen=True)
class _Number:
    """An outline number at the start of a line: level, value, as printed, text after it."""

    level: int
    value: int | None
    printed: str
    rest: str


def parse_projects(document_id: str, lines: Sequence[Line], source: SourceText) -> ProjectResult:
    """Find the ``专栏`` boxes among ``lines`` (one document) and read their items."""
    boxes: list[ProjectBox] = []
    problems: list[Problem] = []
    consumed: set[int] = set()
    index = 0
    while index < len(lines):
        header = _BOX_HEADER.match(_clean(lines[index].text))
        if header is None:
            index += 1
            continue
        first = lines[index].number
        content, style, index = _box_content(lines, index + 1)
        number, title = header["number"], header["title"].strip()
        label = " ".join(part for part in ("专栏", number, title) if part)
        if not title:
            problems.append(_warning(source, first, f"{label}: box has no title"))
        if not content:
            problems.append(_warning(source, first, f"{label}: box is empty, the main text resumes at once"))
        last = content[-1].number if content else first
        boxes.append(
            ProjectBox(
                id=f"{document_id}/proj/{len(boxes) + 1}",
                document_id=document_id,
                number=number,
                title=title,
                section_path=(),
                items=tuple(_item(group, style, source) for group in _group(content, style)),
                span=source.span(first, last),
            )
        )
        consumed.update(range(first, last + 1))
    return ProjectResult(boxes=boxes, problems=problems, consumed=consumed)


def _box_content(lines: Sequence[Line], start: int) -> tuple[list[Line], int | None, int]:
    """The content lines of a box whose body starts at ``lines[start]``.

    Returns the lines (noise dropped), the outline level that numbers the items
    (``None`` for paragraphs) and the index where the main text resumes.
    """
    content: list[Line] = []
    style: int | None = None
    expected: int | None = None
    for index in range(start, len(lines)):
        text = _clean(lines[index].text)
        if is_noise(text):
            continue
        if _BOX_HEADER.match(text):
            return content, style, index
        number = _number(text)
        if number is not None:
            if not content and number.level >= 2:
                style, expected = number.level, number.value
            if number.level == style:
                if number.value != expected:
                    return content, style, index
                expected = (number.value or 0) + 1
            elif number.level < _MAIN_LEVELS and (style is None or number.level < style):
                return content, style, index
        content.append(lines[index])
    return content, style, len(lines)


def _group(content: list[Line], style: int | None) -> list[list[Line]]:
    """Split the content lines of a box into one group of lines per item."""
    width = max((_width(_clean(line.text)) for line in content), default=0)
    groups: list[list[Line]] = []
    previous = ""
    for line in content:
        text = _clean(line.text)
        number = _number(text)
        if style is not None:
            starts = number is not None and number.level == style
        else:
            starts = previous.endswith(_SENTENCE_END) and (
                _NAME.match(text) is not None or _width(previous) < _SHORT_LINE * width
            )
        if starts or not groups:
            groups.append([])
        groups[-1].append(line)
        previous = text
    return groups


def _item(group: list[Line], style: int | None, source: SourceText) -> ProjectItem:
    """One item from its lines: number, name, joined text and span."""
    first = _clean(group[0].text)
    number = _number(first) if style is not None else None
    head = number.rest if number is not None else first
    text = join_wrapped([head, *(line.text for line in group[1:])])
    name = _NAME.match(text)
    return ProjectItem(
        number=number.printed if number is not None else None,
        name=name["name"].strip() if name else None,
        text=text,
        span=source.span(group[0].number, group[-1].number),
    )


def _number(text: str) -> _Number | None:
    """The outline number a line starts with, if any."""
    for level, pattern in enumerate(_LEVELS):
        match = pattern.match(text)
        if match is not None:
            printed = match.groupdict().get("printed") or match.group(0)
            digits = re.sub(r"[^0-9]", "", printed)
            value = int(digits) if digits else circled_to_int(printed)
            return _Number(level, value, printed, text[match.end() :].strip())
    return None


def _clean(text: str) -> str:
    return strip_markup(text).strip()


def _width(text: str) -> int:
    """Display width: 2 for a full-width character, 1 otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _warning(source: SourceText, line: int, message: str) -> Problem:
    return Problem(source_file=source.name, line=line, severity=Severity.WARNING, message=message)
