"""Tables with merged cells, as every format reader gives them, written as tab-separated lines.

The parsers read a table from its lines (:mod:`ingest.indicators.grid`, :mod:`ingest.tasks`):
one header line of column labels, then one line per row. A merged cell's text is written
once, in its first row and column; the rows it spans below get an empty cell, as a
printed table shows it, so the parsers carry it down as they do for text tables. A
header over several rows (``指标值`` over ``2020年`` and ``2025年``) gives each column its
lowest label.
"""

from dataclasses import dataclass

from ingest.text import separator


@dataclass(frozen=True)
class Cell:
    """A cell where it starts (0-based row and column), how far it spans and its text."""

    row: int
    column: int
    text: str
    rowspan: int = 1
    colspan: int = 1


def cell_text(pieces: list[str]) -> str:
    """The lines or paragraphs of a cell joined as wrapped text is joined.

    Runs of whitespace become one space; a space printed where a line wraps is kept.
    """
    joined = ""
    for raw in pieces:
        piece = " ".join(raw.split())
        if piece:
            joined += separator(joined, piece) + piece + (" " if raw[-1].isspace() else "")
    return joined.strip()


def table_lines(cells: list[Cell]) -> list[str]:
    """A table's header line and row lines, cells separated by tabs."""
    if not cells:
        return []
    rows = max(cell.row + cell.rowspan for cell in cells)
    columns = max(cell.column + cell.colspan for cell in cells)
    grid: list[list[str]] = [[""] * columns for _ in range(rows)]
    for cell in cells:
        grid[cell.row][cell.column] = _one_line(cell.text)
    header_rows = _header_rows(cells, rows)
    header = [
        next((grid[row][column] for row in reversed(range(header_rows)) if grid[row][column]), "")
        for column in range(columns)
    ]
    return ["\t".join(header)] + ["\t".join(row) for row in grid[header_rows:]]


def _header_rows(cells: list[Cell], rows: int) -> int:
    """The first row, and each next row while the rows above have a label spanning columns."""
    count = 1
    while count < rows and any(cell.colspan > 1 and cell.row == count - 1 for cell in cells):
        count += 1
    return count


def _one_line(text: str) -> str:
    """A cell's text on one line: no tabs or line breaks inside it."""
    return cell_text(text.replace("\t", " ").splitlines())
