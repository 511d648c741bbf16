"""Measures: the actionable items of a document, with their responsibility clauses.

A section's own lines (from its heading to its first sub-heading) are joined
across PDF line breaks and cut after every responsibility clause: each piece
ending with a clause is a measure. What remains of a leaf section of the task
part of a plan (not its review, situation or goals part, and not the articles of
a regulation) is a measure too, without a clause. A heading alone on its line is
a title kept apart from the text, unless the line breaks off mid-sentence
(:func:`~ingest.text.ends_mid_sentence`) and the next line goes on with it: then
a line or page break cut the measure's first sentence, and the line starts it.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.outline import Heading, Outline, read_heading
from ingest.records import (
    DocumentKind,
    DocumentRecord,
    MeasureRecord,
    ResponsibilityClause,
    ScopeStatement,
    SectionRecord,
)
from ingest.responsibility import find_clauses, strip_clauses
from ingest.source import Line, SourceText
from ingest.text import ends_mid_sentence, is_noise, separator, strip_markup

CONTEXT_HEADING = re.compile(
    r"前言|成效|成就|成绩|进展|回顾|现状|基础与|形势|机遇|挑战|任重道远|面临|"
    r"总体要求|指导思想|基本原则|编制依据|规划范围|规划期限|目标$"
)
"""Headings of the parts of a plan that review, assess or set goals rather than assign work."""

_LEFTOVER_MIN_CHARS = 6


@dataclass
class MeasureResult:
    """The measures and scope statements of one document, and the lines they cover."""

    measures: list[MeasureRecord] = field(default_factory=list)
    scopes: list[ScopeStatement] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)


class _JoinedText:
    """Lines joined into one text, remembering which line each character came from.

    A heading that stands alone on its line (``title_only``) is kept apart from
    the body by a newline, as printed; wrapped lines are joined.
    """

    def __init__(self, lines: Sequence[Line], first_line_text: str | None, title_only: bool):
        self.offsets: list[int] = []
        self.line_numbers: list[int] = []
        parts: list[str] = []
        length, last = 0, ""
        for index, line in enumerate(lines):
            text = first_line_text if index == 0 and first_line_text is not None else line.text
            piece = strip_markup(text).strip()
            if piece:
                glue = "\n" if title_only and index == 1 else separator(last, piece)
                self.offsets.append(length + len(glue))
                self.line_numbers.append(line.number)
                parts += [glue, piece]
                length += len(glue) + len(piece)
                last = piece
        self.text = "".join(parts)

    def line_at(self, offset: int) -> int:
        """The line the character at ``offset`` came from."""
        return self.line_numbers[max(bisect_right(self.offsets, offset) - 1, 0)]


def parse_measures(
    document: DocumentRecord, lines: Sequence[Line], source: SourceText, outline: Outline, skip: set[int]
) -> MeasureResult:
    """Find the measures of a document whose outline is ``outline``; lines in ``skip`` are not text."""
    result = MeasureResult()
    by_number = {line.number: line for line in lines}
    body_start = min((line.number for line in lines if line.number not in skip), default=None)
    if body_start is None:
        return result
    first_heading = outline.sections[0].span.line_start if outline.sections else lines[-1].number + 1
    preamble = [by_number[number] for number in range(body_start, first_heading) if number in by_number]
    _collect(document, source, None, preamble, skip, result, allow_leftover=False)
    for section in outline.sections:
        children = outline.children(section)
        own_end = children[0].span.line_start - 1 if children else section.span.line_end
        own = [by_number[number] for number in range(section.span.line_start, own_end + 1) if number in by_number]
        task = not children and not _is_context(section, outline) and document.kind is not DocumentKind.REGULATION
        _collect(document, source, section, own, skip, result, allow_leftover=task)
    return result


def _is_context(section: SectionRecord, outline: Outline) -> bool:
    return any(CONTEXT_HEADING.search(other.heading) for other in outline.ancestors(section))


def _collect(
    document: DocumentRecord,
    source: SourceText,
    section: SectionRecord | None,
    own: list[Line],
    skip: set[int],
    result: MeasureResult,
    allow_leftover: bool,
) -> None:
    """Cut a section's own lines into measures and add them to ``result``."""
    lines = [line for line in own if line.number not in skip and not is_noise(line.text)]
    if not lines:
        return
    heading = read_heading(lines[0].text) if section else None
    first_line_text = heading.rest if heading else None
    title_only = heading is not None and heading.stands_alone and len(lines) > 1 and not _runs_on(heading, lines[1])
    joined = _JoinedText(lines, first_line_text, title_only)
    clauses = find_clauses(joined.text)
    start = len(heading.rest) + 1 if title_only else 0
    numbered = heading is not None and not title_only
    for clause in clauses:
        _add_measure(document, source, section, joined, start, clause.end, clause, numbered, result)
        start, numbered = clause.end, False
    leftover = joined.text[start:].strip()
    if allow_leftover and len(leftover) >= _LEFTOVER_MIN_CHARS:
        if title_only and not clauses:
            start, numbered = 0, True
        _add_measure(document, source, section, joined, start, len(joined.text), None, numbered, result)


def _runs_on(heading: Heading, following: Line) -> bool:
    """True when the heading's line is a sentence that ``following`` continues (a page break cut it)."""
    return ends_mid_sentence(heading.rest) and read_heading(following.text) is None


def _add_measure(document, source, section, joined, start, end, clause, numbered, result) -> None:
    """Record the measure ``joined.text[start:end]``, its clause and the scope statement in it."""
    text = joined.text[start:end].strip()
    start += len(joined.text[start:end]) - len(joined.text[start:end].lstrip())
    first, last = joined.line_at(start), joined.line_at(max(end - 1, start))
    clauses: tuple[ResponsibilityClause, ...] = ()
    if clause is not None:
        clause_span = source.span(joined.line_at(clause.start), joined.line_at(clause.end - 1))
        clauses = (ResponsibilityClause(text=clause.text, units=clause.units, span=clause_span),)
        if clause.scope is not None:
            scope_span = source.span(joined.line_at(clause.scope.start), joined.line_at(clause.scope.end - 1))
            result.scopes.append(
                ScopeStatement(
                    document_id=document.id, text=clause.scope.text, units=clause.scope.units, span=scope_span
                )
            )
    result.measures.append(
        MeasureRecord(
            id=f"{document.id}/m/{len(result.measures) + 1}",
            document_id=document.id,
            number=section.number if numbered and section else None,
            text=text,
            body=strip_clauses(text),
            section_path=section.path if section else (),
            clauses=clauses,
            span=source.span(first, last),
        )
    )
    result.placed.update(range(first, last + 1))
