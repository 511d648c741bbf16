"""From a layout's raw rows to :class:`IndicatorRow` records: carrying merged cells down.

Every layout parser yields :class:`RawRow` (cell texts keyed by column role);
this module alone turns them into records, so the rules below hold for all:

* an empty category cell takes the category above (merged vertical cell);
* a sub-row (no number cell of its own, e.g. the 氨氮 line under row 8
  重点工程减排量) takes the number above and, when its attribute cell is empty,
  the attribute above, marked ``attribute_inherited``;
* circled markers in a category (``污染物排放总量②``) become footnotes of its rows.
"""

from dataclasses import dataclass, field

from ingest.indicators.cells import parse_value, split_name, take_circled
from ingest.indicators.detect import ColumnRole, Header
from ingest.records import IndicatorRow, Problem, Severity
from ingest.source import SourceText

ATTRIBUTES = ("约束性", "预期性")
_VALUE_ROLES = (ColumnRole.BASELINE, ColumnRole.TARGET, ColumnRole.CUMULATIVE, ColumnRole.ACHIEVED)


@dataclass
class RawRow:
    """One row as a layout parser read it: cell texts by role, lines it spans."""

    first_line: int
    last_line: int
    category: str | None = None
    number: str | None = None
    subrow: bool = False
    cells: dict[ColumnRole, str] = field(default_factory=dict)


def build_rows(
    document_id: str, table_ordinal: int, header: Header, raws: list[RawRow], source: SourceText
) -> tuple[list[IndicatorRow], list[Problem]]:
    """Records for the raw rows of table ``table_ordinal`` (1-based), with problems found."""
    years = {column.role: column.year for column in header.columns if column.role}
    has_attribute = ColumnRole.ATTRIBUTE in years
    rows: list[IndicatorRow] = []
    problems: list[Problem] = []
    category, category_notes = None, ()
    for raw in raws:
        if raw.category:
            category, category_notes = take_circled(raw.category)
        above = rows[-1] if rows else None
        number = raw.number or (above.number if raw.subrow and above else None)
        attribute = raw.cells.get(ColumnRole.ATTRIBUTE) or None
        inherited = attribute is None and raw.subrow and above is not None and above.attribute is not None
        if inherited and above:
            attribute = above.attribute
        name = split_name(raw.cells.get(ColumnRole.NAME, ""))
        values = {role: parse_value(raw.cells.get(role)) for role in _VALUE_ROLES}
        footnotes = category_notes + name.footnotes + tuple(n for v in values.values() for n in v.footnotes)
        if not name.name:
            problems.append(_problem(source, raw, Severity.UNPLACED, "indicator row without a name"))
        if has_attribute and attribute not in ATTRIBUTES:
            problems.append(_problem(source, raw, Severity.WARNING, f"indicator row {name.name!r} has no attribute"))
        rows.append(
            IndicatorRow(
                id=f"{document_id}/ind/{table_ordinal}.{len(rows) + 1}",
                document_id=document_id,
                table=header.title,
                category=category,
                number=number,
                name=name.name,
                unit=raw.cells.get(ColumnRole.UNIT) or name.unit,
                baseline_year=years.get(ColumnRole.BASELINE),
                baseline=values[ColumnRole.BASELINE].literal,
                baseline_value=values[ColumnRole.BASELINE].value,
                target_year=years.get(ColumnRole.TARGET),
                target=values[ColumnRole.TARGET].literal,
                target_value=values[ColumnRole.TARGET].value,
                cumulative=values[ColumnRole.CUMULATIVE].literal,
                cumulative_value=values[ColumnRole.CUMULATIVE].value,
                attribute=attribute,
                attribute_inherited=inherited,
                progress=header.reports_progress,
                achieved_year=years.get(ColumnRole.ACHIEVED),
                achieved=values[ColumnRole.ACHIEVED].literal,
                achieved_value=values[ColumnRole.ACHIEVED].value,
                met=raw.cells.get(ColumnRole.STATUS) or None,
                footnotes=tuple(dict.fromkeys(footnotes)),
                span=source.span(raw.first_line, raw.last_line),
            )
        )
    return rows, problems


def _problem(source: SourceText, raw: RawRow, severity: Severity, message: str) -> Problem:
    return Problem(source_file=source.name, line=raw.first_line, severity=severity, message=message)
