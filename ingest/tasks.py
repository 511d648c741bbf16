"""Task-division tables (任务分工): each row a measure with its lead and support units and deadline.

A task table is a markdown or tab-separated table (the form every format reader writes tables
in) whose header names a lead column (``牵头单位``) or a responsible one (``责任单位``) and a
task or measure column (``重点任务``, ``工作措施``…). Each row gives a measure: its number
(``序号``), its text (the task, then on a new line the measure), a responsibility clause
(``牵头单位：…；配合单位：…``, the support column being ``配合单位``, or ``责任单位`` beside a
lead column) and the deadline (``完成时限``) as written and as a date. An empty task cell
takes the task above (a task cell merged over several measures).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.deadlines import deadline_date
from ingest.indicators.detect import Layout, line_cells
from ingest.outline import Outline
from ingest.records import DocumentRecord, MeasureRecord, ResponsibilityClause
from ingest.responsibility import find_clauses, strip_clauses
from ingest.source import Line, SourceText
from ingest.text import is_noise, squeeze

_COLUMNS = (
    ("number", re.compile(r"序号")),
    ("task", re.compile(r"(?:重点|主要)?任务(?:名称)?")),
    ("action", re.compile(r"(?:工作|具体|主要)?措施|工作内容|任务内容|具体任务")),
    ("lead", re.compile(r"牵头(?:单位|部门)?")),
    ("support", re.compile(r"(?:配合|参与|协办|协助)(?:单位|部门)")),
    ("responsible", re.compile(r"责任(?:单位|部门)")),
    ("deadline", re.compile(r"完成(?:时限|时间)|时限|时间节点|进度安排")),
)
_RULE = re.compile(r"^[\s|:\-]+$")


@dataclass
class TaskResult:
    """The measures read from a document's task tables and the lines the tables take."""

    measures: list[MeasureRecord] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)


def find_task_tables(lines: Sequence[Line]) -> set[int]:
    """Line numbers of the task tables among ``lines``, for the other parsers to skip."""
    return {line.number for table in _tables(lines) for line in table[1]}


def parse_task_tables(
    document: DocumentRecord, lines: Sequence[Line], source: SourceText, outline: Outline, first_id: int
) -> TaskResult:
    """One measure per task-table row; ids go on from ``{document.id}/m/{first_id}``."""
    result = TaskResult()
    for header, rows in _tables(lines):
        columns = _roles(header.text)
        task = ""
        for line in rows:
            result.consumed.add(line.number)
            if (
                line is header
                or is_noise(line.text)
                or _RULE.match(line.text)
                or squeeze(line.text) == squeeze(header.text)
            ):
                continue
            cells = dict(zip(columns, line_cells(line.text, _layout(line.text)), strict=False))
            task = cells.get("task") or task
            text = "\n".join(part for part in (task, cells.get("action", "")) if part)
            result.measures.append(
                MeasureRecord(
                    id=f"{document.id}/m/{first_id + len(result.measures)}",
                    document_id=document.id,
                    number=cells.get("number") or None,
                    text=text,
                    body=strip_clauses(text),
                    section_path=outline.path_at(line.number),
                    clauses=_clause(cells, source, line.number),
                    deadline=cells.get("deadline") or None,
                    deadline_date=deadline_date(cells.get("deadline", "")),
                    span=source.span(line.number, line.number),
                )
            )
    return result


def _tables(lines: Sequence[Line]) -> list[tuple[Line, list[Line]]]:
    """``(header line, the table's lines from the header on)`` for each task table."""
    tables = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not _is_header(line.text):
            index += 1
            continue
        layout = _layout(line.text)
        taken = [line]
        index += 1
        while index < len(lines) and (is_noise(lines[index].text) or _layout(lines[index].text) is layout):
            taken.append(lines[index])
            index += 1
        while taken and is_noise(taken[-1].text):
            taken.pop()
        tables.append((line, taken))
    return tables


def _layout(text: str) -> Layout | None:
    if text.lstrip().startswith("|"):
        return Layout.MARKDOWN
    return Layout.DELIMITED if "\t" in text else None


def _is_header(text: str) -> bool:
    layout = _layout(text)
    if layout is None:
        return False
    roles = set(_roles(text))
    return bool(roles & {"lead", "responsible"}) and bool(roles & {"task", "action"})


def _roles(text: str) -> list[str]:
    """The role of each header cell (``""`` for a column plankg does not read)."""
    cells = [squeeze(cell) for cell in line_cells(text, _layout(text))]
    roles = [next((role for role, pattern in _COLUMNS if pattern.fullmatch(cell)), "") for cell in cells]
    if "lead" in roles and "support" not in roles and "responsible" in roles:
        roles[roles.index("responsible")] = "support"
    return roles


_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位"}


def _clause(cells: dict[str, str], source: SourceText, line: int) -> tuple[ResponsibilityClause, ...]:
    """The row's units as a clause ``牵头单位：…；配合单位：…``, read as a clause in the text is."""
    text = "；".join(f"{label}：{cells[role]}" for role, label in _LABELS.items() if cells.get(role))
    if not text:
        return ()
    (clause,) = find_clauses(f"（{text}）")
    return (ResponsibilityClause(text=text, units=clause.units, span=source.span(line, line)),)
