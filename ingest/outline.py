"""The numbered heading tree of a document.

Headings are recognised by their number style (``一、`` ``（一）`` ``1.`` ``（1）``
``①`` ``第一章`` ``第一节`` ``第一条``). Nesting follows the order styles first
appear in, as a reader does: a style seen before closes the deeper levels, a new
style opens a level. A candidate is accepted only when its number continues its
level: 1 or n+1 after a new parent (items numbered through the document, as
articles are, go on from the last of their style), n+1 after a sibling n. So wrapped lines such as
``45.1%、34.5%。`` or a stray ``2.`` inside a sentence are not headings.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.numbering import chinese_to_int, circled_to_int
from ingest.records import SectionRecord
from ingest.source import Line, SourceText
from ingest.text import strip_markup

_CN = "[一二三四五六七八九十百零〇]{1,4}"
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第(?P<n>{_CN})章\s*(?P<rest>.*)$")),
    ("part", re.compile(rf"^第(?P<n>{_CN})节\s*(?P<rest>.*)$")),
    ("article", re.compile(rf"^第(?P<n>{_CN})条\s*(?P<rest>.*)$")),
    ("cn", re.compile(rf"^(?P<n>{_CN})\s*[、，,．.]\s*(?P<rest>\S.*)$")),
    ("cn_paren", re.compile(rf"^[（(]\s*(?P<n>{_CN})\s*[）)]\s*(?P<rest>\S.*)$")),
    ("arabic", re.compile(r"^(?P<n>\d{1,2})\s*[.．、](?![\d%.．])\s*(?P<rest>[^\s\d%].*)$")),
    ("arabic_paren", re.compile(r"^[（(]\s*(?P<n>\d{1,2})\s*[）)]\s*(?P<rest>\S.*)$")),
    ("circled", re.compile(r"^(?P<n>[①-⑳])\s*(?P<rest>\S.*)$")),
)
_SENTENCE_END = re.compile(r"[。；;！？]")
_TITLE_MAX = 40


@dataclass(frozen=True)
class Heading:
    """A heading candidate read from one line."""

    style: str
    value: int
    number: str
    title: str
    rest: str
    line: int

    @property
    def stands_alone(self) -> bool:
        """True when the line holds only the heading (perhaps ending in ``。``), no body text."""
        return len(self.rest) - len(self.title) <= 1 and len(self.rest) <= _TITLE_MAX + 1


def read_heading(text: str, line: int = 0) -> Heading | None:
    """The heading a line starts with, if its form is one of the outline number styles.

    ``title`` is the heading's words up to the first sentence end (the rest of the
    line is body text, as in ``1.加强生态环境分区管控。加强…``).
    """
    text = strip_markup(text).strip()
    for style, pattern in _STYLES:
        match = pattern.match(text)
        if not match:
            continue
        value = _value(style, match["n"])
        if value is None:
            return None
        rest = match["rest"].strip()
        number = text[: match.start("rest")].strip() if rest else text
        end = _SENTENCE_END.search(rest)
        title = rest[: end.start()] if end and end.start() <= _TITLE_MAX else rest
        return Heading(style, value, number, title.strip(), rest, line)
    return None


def _value(style: str, numeral: str) -> int | None:
    if style in ("arabic", "arabic_paren"):
        return int(numeral)
    if style == "circled":
        return circled_to_int(numeral)
    return chinese_to_int(numeral)


class Outline:
    """The sections of one document, in reading order, with lookups by path."""

    def __init__(
        self, sections: tuple[SectionRecord, ...], headings: tuple[Heading, ...], rejected: tuple[Heading, ...]
    ):
        self.sections = sections
        self.headings = headings
        self.rejected = rejected
        """Lines numbered like headings whose numbers do not continue any open level."""
        self._by_path = {section.path: section for section in sections}
        self._children: dict[tuple[str, ...], list[SectionRecord]] = {}
        for section in sections:
            self._children.setdefault(section.path[:-1], []).append(section)
        self._starts = [section.span.line_start for section in sections]

    def path_at(self, line: int) -> tuple[str, ...]:
        """Path of the innermost section holding ``line`` (``()`` before the first heading)."""
        index = bisect_right(self._starts, line) - 1
        while index >= 0:
            section = self.sections[index]
            if section.span.line_start <= line <= section.span.line_end:
                return section.path
            index -= 1
        return ()

    def children(self, section: SectionRecord) -> list[SectionRecord]:
        """The sections one level below ``section``."""
        return self._children.get(section.path, [])

    def ancestors(self, section: SectionRecord) -> list[SectionRecord]:
        """``section`` and the sections above it, innermost first."""
        return [self._by_path[section.path[:depth]] for depth in range(len(section.path), 0, -1)]


def parse_outline(document_id: str, lines: Sequence[Line], source: SourceText, skip: set[int]) -> Outline:
    """Read the heading tree of a document's ``lines``, ignoring line numbers in ``skip``.

    ``skip`` holds the header block, tables and boxes, whose numbered cells and
    items are not headings of the document.
    """
    stack: list[Heading] = []
    last_value: dict[str, int] = {}
    rejected: list[Heading] = []
    accepted: list[tuple[Heading, tuple[Heading, ...]]] = []
    for line in lines:
        if line.number in skip:
            continue
        heading = read_heading(line.text, line.number)
        if heading is None:
            continue
        levels = [open_heading.style for open_heading in stack]
        if heading.style in levels:
            depth = levels.index(heading.style)
            if heading.value != stack[depth].value + 1:
                rejected.append(heading)
                continue
            del stack[depth:]
        elif heading.value not in (1, last_value.get(heading.style, 0) + 1):
            rejected.append(heading)
            continue
        stack.append(heading)
        last_value[heading.style] = heading.value
        accepted.append((heading, tuple(stack)))
    last_line = lines[-1].number if lines else 0
    sections = []
    for index, (heading, chain) in enumerate(accepted):
        end = next(
            (later.line - 1 for later, later_chain in accepted[index + 1 :] if len(later_chain) <= len(chain)),
            last_line,
        )
        sections.append(
            SectionRecord(
                id=f"{document_id}/sec/{'.'.join(str(open_heading.value) for open_heading in chain)}",
                document_id=document_id,
                number=heading.number,
                heading=heading.title,
                path=tuple(open_heading.number for open_heading in chain),
                span=source.span(heading.line, end),
            )
        )
    return Outline(
        sections=tuple(sections),
        headings=tuple(heading for heading, _ in accepted),
        rejected=tuple(rejected),
    )
