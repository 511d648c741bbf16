"""PDF: the text layer in reading order with its pages, ruled tables as tables, scanned pages by OCR.

pdfplumber (on pdfminer.six) gives the characters and finds tables by their ruling lines;
text inside a table is read only as the table. Running headers and footers, the first or
last line of a page that recurs (digits aside) on at least half of the pages, and page
numbers (``— 12 —``) are dropped, on scanned pages too. A page without characters, or whose
characters have no Unicode mapping (half or more print as ``(cid:123)``: no ToUnicode map), is
rendered (pdfplumber renders with pypdfium2) and read by OCR.
"""

import re
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ingest.errors import IngestError
from ingest.formats.extracted import Extracted
from ingest.formats.grid import Cell, table_lines
from ingest.formats.ocr import recognise
from ingest.records.ocr import OcrPage
from ingest.text import is_page_debris

OCR_DPI = 200
_DIGITS = re.compile(r"\d+")


def read_pdf(path: Path, name: str) -> Extracted:
    """The lines of every page of a PDF, each with its page number."""
    out = Extracted()
    pages = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if _has_text(page):
                    pages.append(_page_items(page))
                    continue
                read = recognise(page.to_image(resolution=OCR_DPI).original)
                out.ocr.append(
                    OcrPage(source_file=name, page=number, confidence=read.confidence, characters=read.characters)
                )
                pages.append([(0.0, [line]) for line in read.lines])
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        raise IngestError(name, None, f"not a readable PDF: {err or type(err).__name__}") from None
    running = _running_lines(pages)
    for number, items in enumerate(pages, start=1):
        for index, (_, texts) in enumerate(items):
            edge = index in (0, len(items) - 1)
            if edge and len(texts) == 1 and (is_page_debris(texts[0]) or _shape(texts[0]) in running):
                continue
            out.add_all(texts, number)
    return out


def _has_text(page) -> bool:
    """True when the page has a usable text layer: characters, most of them mapped to Unicode."""
    unmapped = sum(1 for char in page.chars if char["text"].startswith("(cid:"))
    return any(char["text"].strip() for char in page.chars) and unmapped * 2 <= len(page.chars)


def _page_items(page) -> list[tuple[float, list[str]]]:
    """``(top, lines)`` of a page's text lines and tables, top to bottom."""
    tables = [table for table in page.find_tables() if len(table.rows) > 1 and len(table.columns) > 1]
    boxes = [table.bbox for table in tables]
    text = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items = [(line["top"], [line["text"]]) for line in text.extract_text_lines(return_chars=False)]
    items += [(table.bbox[1], table_lines(_cells(table))) for table in tables]
    return sorted(items, key=lambda item: item[0])


def _inside(char: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _cells(table) -> list[Cell]:
    """The table's cells with their spans, from the cell boxes and the table's row and column edges."""
    xs = sorted({round(edge, 1) for x0, _, x1, _ in table.cells for edge in (x0, x1)})
    ys = sorted({round(edge, 1) for _, top, _, bottom in table.cells for edge in (top, bottom)})
    cells = []
    for row in table.rows:
        for box in row.cells:
            if box is None:
                continue
            x0, top, x1, bottom = (round(edge, 1) for edge in box)
            text = table.page.crop(box).extract_text(keep_blank_chars=True) or ""
            cells.append(
                Cell(
                    row=ys.index(top),
                    column=xs.index(x0),
                    text=text,
                    rowspan=ys.index(bottom) - ys.index(top),
                    colspan=xs.index(x1) - xs.index(x0),
                )
            )
    return _compact(cells)


def _compact(cells: list[Cell]) -> list[Cell]:
    """Renumber rows and columns so that edges no cell starts at (a rule drawn in one row only) count once."""
    rows = sorted({cell.row for cell in cells})
    columns = sorted({cell.column for cell in cells})

    def index(values: list[int], start: int, span: int) -> tuple[int, int]:
        first = values.index(start)
        last = next((i for i, value in enumerate(values) if value >= start + span), len(values))
        return first, last - first

    compacted = []
    for cell in cells:
        row, rowspan = index(rows, cell.row, cell.rowspan)
        column, colspan = index(columns, cell.column, cell.colspan)
        compacted.append(Cell(row, column, cell.text, rowspan, colspan))
    return compacted


def _running_lines(pages: list[list[tuple[float, list[str]]]]) -> set[str]:
    """Shapes of the first and last lines that recur on at least half of the pages (and two)."""
    counts: Counter[str] = Counter()
    for items in pages:
        if items:
            edges = {_shape(texts[0]) for _, texts in (items[0], items[-1]) if len(texts) == 1}
            counts.update(edges)
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= needed}


def _shape(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))
