"""Word (.docx): paragraphs in order with the numbers Word's list numbering prints, tables as tables.

Headers and footers (running titles, page numbers) are parts of their own and are not read.
A .docx has no pages until it is printed, so its lines carry no page.
"""

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ingest.errors import IngestError
from ingest.formats.extracted import Extracted
from ingest.formats.grid import Cell, cell_text, table_lines
from ingest.numbering import int_to_chinese

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def read_docx(path: Path, name: str) -> Extracted:
    """The paragraphs and tables of a Word file, in document order."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(name, None, f"not a readable Word (.docx) file: {err}") from None
    numbering = _Numbering(document)
    out = Extracted()
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            text = numbering.label(element) + _paragraph_text(element)
            out.add_all([line for line in text.split("\n") if line.strip()])
        elif element.tag == qn("w:tbl"):
            out.add_all(table_lines(_table_cells(element)))
    return out


def _paragraph_text(paragraph) -> str:
    """The text of a ``w:p``: its runs, tabs as tabs and line breaks as line breaks."""
    pieces = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            pieces.append(node.text or "")
        elif node.tag == qn("w:tab"):
            pieces.append("\t")
        elif node.get(qn("w:type")) in (None, "textWrapping"):
            pieces.append("\n")
    return "".join(pieces)


def _table_cells(table) -> list[Cell]:
    """The cells of a ``w:tbl`` with their spans: ``gridSpan`` across, ``vMerge`` down."""
    cells: list[dict] = []
    above: dict[int, dict] = {}
    for row_index, row in enumerate(table.iterchildren(qn("w:tr"))):
        column = 0
        for tc in row.iterchildren(qn("w:tc")):
            properties = tc.find(qn("w:tcPr"))
            span = _int(properties, "w:gridSpan", 1)
            merge = properties.find(qn("w:vMerge")) if properties is not None else None
            if merge is not None and merge.get(qn("w:val")) != "restart" and column in above:
                above[column]["rowspan"] += 1
            else:
                texts = [_paragraph_text(p) for p in tc.iterchildren(qn("w:p"))]
                cell = {"row": row_index, "column": column, "text": cell_text(texts), "rowspan": 1, "colspan": span}
                cells.append(cell)
                above[column] = cell
            column += span
    return [Cell(**cell) for cell in cells]


def _int(properties, tag: str, default: int) -> int:
    found = properties.find(qn(tag)) if properties is not None else None
    return int(found.get(qn("w:val"))) if found is not None else default


class _Numbering:
    """Word's list numbering: the label each numbered paragraph prints, counted in document order."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles = document.styles.element
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for level in abstract.iterchildren(qn("w:lvl")):
                levels[int(level.get(qn("w:ilvl")))] = (
                    _int(level, "w:start", 1),
                    _val(level, "w:numFmt", "decimal"),
                    _val(level, "w:lvlText", ""),
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            self.abstract_of[num.get(qn("w:numId"))] = _val(num, "w:abstractNumId", "")

    def label(self, paragraph) -> str:
        """The printed number of ``paragraph`` (``（三）``), or "" when it is not numbered."""
        num_id, level = self._num_pr(paragraph)
        abstract = self.abstract_of.get(num_id or "")
        levels = self.levels.get(abstract or "", {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [0] * 9)
        counters[level] += 1
        counters[level + 1 :] = [0] * (8 - level)
        text = levels[level][2]
        for index in range(level + 1):
            if f"%{index + 1}" in text and index in levels:
                start, kind, _ = levels[index]
                value = start + max(counters[index], 1) - 1
                text = text.replace(f"%{index + 1}", _format(value, kind))
        return text

    def _num_pr(self, paragraph) -> tuple[str | None, int]:
        """``(numId, ilvl)`` from the paragraph's properties, else from its style's."""
        properties = paragraph.find(qn("w:pPr"))
        num_pr = properties.find(qn("w:numPr")) if properties is not None else None
        if num_pr is None and properties is not None and properties.find(qn("w:pStyle")) is not None:
            style_id = properties.find(qn("w:pStyle")).get(qn("w:val"))
            for style in self.styles.iterchildren(qn("w:style")):
                if style.get(qn("w:styleId")) == style_id and style.find(qn("w:pPr")) is not None:
                    num_pr = style.find(qn("w:pPr")).find(qn("w:numPr"))
        if num_pr is None:
            return None, 0
        return _val(num_pr, "w:numId", None), _int(num_pr, "w:ilvl", 0)


def _val(element, tag: str, default):
    found = element.find(qn(tag))
    return found.get(qn("w:val")) if found is not None else default


def _format(value: int, kind: str) -> str:
    """``value`` in a Word number format; formats not listed print as Arabic numerals."""
    if kind.startswith("chineseCounting") and 1 <= value <= 99:
        return int_to_chinese(value)
    if kind.startswith("decimalEnclosedCircle") and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if kind == "ideographTraditional" and 1 <= value <= len(_TIANGAN):
        return _TIANGAN[value - 1]
    if kind in ("upperLetter", "lowerLetter") and 1 <= value <= 26:
        letter = chr(ord("A") + value - 1)
        return letter if kind == "upperLetter" else letter.lower()
    return str(value)
