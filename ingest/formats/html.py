"""Web pages saved from a government portal (.html): the document without the portal around it.

The document is the element whose own paragraphs and tables hold the most text; navigation,
scripts and footers outside it are not read. A table of the portal's metadata (索引号,
发布机构, 文号, 发文日期…: label cells followed by value cells) is read into ``metadata``
instead of the text. Other ``<table>`` elements are tables (``rowspan``/``colspan`` kept).
"""

from pathlib import Path

import lxml.html
from lxml import etree

from ingest.errors import IngestError
from ingest.formats.extracted import Extracted
from ingest.formats.grid import Cell, cell_text, table_lines
from ingest.source import decode

METADATA_LABELS = ("索引号", "发布机构", "文号", "发文日期", "成文日期", "发布日期", "主题分类", "发文机关", "标题")
_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "section",
    "article",
    "td",
    "center",
    "blockquote",
    "pre",
}
_DROPPED = ("script", "style", "noscript", "nav", "header", "footer", "form", "iframe")


def read_html(path: Path, name: str) -> Extracted:
    """The document body of a saved web page, and its metadata table."""
    text, _ = decode(path.read_bytes(), name)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as err:
        raise IngestError(name, None, f"not a readable web page: {err}") from None
    for element in root.iter(*_DROPPED):
        element.drop_tree()
    out = Extracted()
    for table in list(root.iter("table")):
        metadata = _metadata(table)
        if metadata:
            out.metadata.update(metadata)
            table.drop_tree()
    body = max(root.iter(*_BLOCKS, "body"), key=_own_text_length, default=None)
    if body is not None:
        _walk(body, out)
    return out


def _metadata(table) -> dict[str, str]:
    """Label → value of a metadata table; empty when fewer than two labels are in it."""
    cells = [_text(cell) for cell in table.iter("td", "th")]
    found = {}
    for label_cell, value in zip(cells, cells[1:], strict=False):
        label = label_cell.rstrip("：:")
        if label in METADATA_LABELS and value.rstrip("：:") not in METADATA_LABELS:
            found[label] = value
    return found if len(found) >= 2 else {}


def _own_text_length(element) -> int:
    """Text in the element's own paragraphs and tables: its children that hold no further blocks."""
    return sum(
        len(_text(child))
        for child in element
        if child.tag == "table" or (child.tag in _BLOCKS and not any(grand.tag in _BLOCKS for grand in child))
    )


def _walk(element, out: Extracted) -> None:
    """Lines of ``element``: a table as table lines, a block without inner blocks as its lines."""
    if element.tag == "table":
        out.add_all(table_lines(_cells(element)))
        return
    if not any(child.tag in _BLOCKS or child.tag == "table" for child in element.iter() if child is not element):
        out.add_all([line for line in _lines(element) if line.strip()])
        return
    if element.text and element.text.strip():
        out.add(element.text.strip())
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, out)
        if child.tail and child.tail.strip():
            out.add(child.tail.strip())


def _lines(element) -> list[str]:
    """An element's text, split where it has ``<br>``, whitespace runs collapsed."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [" ".join(line.split()) for line in element.text_content().split("\n")]


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _cells(table) -> list[Cell]:
    """The cells of a ``<table>`` placed on the grid as browsers place them."""
    taken: set[tuple[int, int]] = set()
    cells = []
    for row_index, row in enumerate(table.iter("tr")):
        column = 0
        for cell in row.iterchildren("td", "th"):
            while (row_index, column) in taken:
                column += 1
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            cells.append(Cell(row_index, column, cell_text(_lines(cell)), rowspan, colspan))
            taken.update((row_index + r, column + c) for r in range(rowspan) for c in range(colspan))
            column += colspan
    return cells


def _span(cell, attribute: str) -> int:
    value = cell.get(attribute, "1").strip()
    return int(value) if value.isdigit() and int(value) > 0 else 1
