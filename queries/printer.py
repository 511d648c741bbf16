"""Query rows as text for the command line: an aligned table, JSON, CSV or a Markdown table.

Plain rows in (column names and lists of values, as ``EmbeddedStore.rows`` returns them),
so that ``plankg query`` prints without loading pandas. Nested values (lists, nodes as
property dicts) are written as JSON in CSV and Markdown, and in brackets in the table.
"""

import csv
import io
import json
import unicodedata
from typing import Any

FORMATS = ("table", "json", "csv", "markdown")


def render(columns: list[str], rows: list[list[Any]], output: str) -> str:
    """The rows in ``output`` format (one of :data:`FORMATS`), ending with a newline."""
    if output == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        return json.dumps(records, ensure_ascii=False, default=str) + "\n"
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_json_cell(value) for value in row] for row in rows)
        return buffer.getvalue()
    if output == "markdown":
        return _markdown(columns, rows)
    if output == "table":
        return _table(columns, rows)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {output!r}")


def _json_cell(value: Any) -> str:
    """A CSV or Markdown cell: nested values as JSON, None empty, the rest as written."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _markdown(columns: list[str], rows: list[list[Any]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", "<br>") for cell in cells) + " |\n"

    return line(columns) + line(["---"] * len(columns)) + "".join(line([_json_cell(v) for v in row]) for row in rows)


def _table(columns: list[str], rows: list[list[Any]]) -> str:
    """Columns right-aligned by display width (a Chinese character takes two), one line per row."""
    if not rows:
        return "(no rows)\n"
    cells = [columns, *([_table_cell(value) for value in row] for row in rows)]
    widths = [max(_width(line[index]) for line in cells) for index in range(len(columns))]
    return "".join(
        " ".join(" " * (width - _width(cell)) + cell for cell, width in zip(line, widths, strict=True)) + "\n"
        for line in cells
    )


def _table_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "[" + ", ".join(_table_cell(item) for item in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value).replace("\n", " ")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
