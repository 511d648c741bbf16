"""Tables whose cells the extraction printed on lines of their own (Handan, Hengshui).

Reading rules, line by line after the header:

* a row starts at a line opening with the next row number (``1 细颗粒物…``, or
  ``9`` alone); its words run on until the last column's mark (约束性/预期性,
  or 是/否/— in a completion table) ends it;
* short lines of one to four Chinese characters between rows are a vertical
  category label (``环/境/治/理``, ``污染/物排/放总/量②``), naming the rows below;
* a line after an ended row that is neither a label nor a row number starts a
  sub-row (Handan's ``氨氮重点工程减排量（万吨） -- 0.075`` under row 8); a
  sub-row also ends once it holds a name end and all its values and the next
  line opens with a word;
* an attribute alone on its line belongs to the open row (merged cell);
  ``[2.83]`` alone after an ended row is that row's five-year sum;
* a repeat of the header after a page break is skipped; a heading, a note
  or a new table title ends the table.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.indicators.cells import ends_with_unit
from ingest.indicators.detect import ColumnRole, Header, is_table_end, repeated_header_length
from ingest.indicators.rows import ATTRIBUTES, RawRow
from ingest.indicators.split import join, split_cells, starts_with_value, tokenize
from ingest.records import Problem, Severity
from ingest.source import Line, SourceText
from ingest.text import clean, is_noise, squeeze

_ROW_START = re.compile(r"^(\d{1,2})(?:\s+(.*))?$")
_LABEL_PIECE = re.compile(r"^[\u4e00-\u9fff]{1,4}[①②③④⑤⑥⑦⑧⑨⑩]?$")
_BRACKETED = re.compile(r"^\[[^\[\]]{1,20}\]$")
_STATUS_MARKS = ("是", "否", "—")
_MAX_ROW_LINE_CHARS = 60
_NOT_CELLS = {ColumnRole.CATEGORY, ColumnRole.NUMBER, ColumnRole.NAME, ColumnRole.ATTRIBUTE, ColumnRole.STATUS, None}


@dataclass
class _Block:
    """The lines of one row while it is being read."""

    first_line: int
    number: str | None
    category: str | None
    lines: list[tuple[int, str]] = field(default_factory=list)
    last_line: int = 0
    end_mark: str | None = None
    cumulative: str | None = None
    words: int = 0
    name_end: int | None = None  # index of the first word that ends a name (``（万吨）``)


def parse_flattened(
    lines: Sequence[Line], header: Header, source: SourceText
) -> tuple[list[RawRow], int, list[Problem]]:
    """Raw rows under ``header``, the index of the table's last line, and problems."""
    reader = _Reader(source, [column.role for column in header.columns])
    index, last = header.last_index + 1, header.last_index
    while index < len(lines):
        line = lines[index]
        repeat = repeated_header_length(lines, index, header)
        if repeat:
            index += repeat
            last = index - 1
            continue
        index += 1
        if is_noise(line.text):
            continue
        text = clean(line.text)
        if is_table_end(text) or len(squeeze(text)) > _MAX_ROW_LINE_CHARS:
            break
        reader.read(line.number, text)
        last = index - 1
    return reader.finish(), last, reader.problems


class _Reader:
    """The row-reading state of one flattened table."""

    def __init__(self, source: SourceText, roles: list[ColumnRole | None]):
        self.source = source
        self.cell_roles = [role for role in roles if role not in _NOT_CELLS]
        self.end_marks = (
            ATTRIBUTES if ColumnRole.ATTRIBUTE in roles else _STATUS_MARKS if ColumnRole.STATUS in roles else ()
        )
        self.keeps_attribute = ColumnRole.ATTRIBUTE in roles
        self.blocks: list[_Block] = []
        self.labels: list[str] = []
        self.problems: list[Problem] = []
        self.expected = 1

    @property
    def open_block(self) -> _Block | None:
        """The row being read, if it has not ended."""
        return self.blocks[-1] if self.blocks and self.blocks[-1].end_mark is None else None

    def read(self, number: int, text: str) -> None:
        """Take one line of the table body."""
        start = _ROW_START.match(text)
        if start and int(start.group(1)) == self.expected:
            self._start_row(number, start.group(1), start.group(2) or "")
        elif text in self.end_marks:
            self._end_row(number, text)
        elif _BRACKETED.match(text) and self.blocks and self.open_block is None:
            self.blocks[-1].cumulative = text
            self.blocks[-1].last_line = number
        elif self.open_block is None:
            self._between_rows(number, text)
        elif self._next_subrow(self.blocks[-1], text):
            self._start_block(number, None, text)
        else:
            self._add(self.blocks[-1], number, text)

    def finish(self) -> list[RawRow]:
        """The raw rows read, with a problem for each row whose cells could not all be placed."""
        return [self._raw_row(block) for block in self.blocks]

    def _start_row(self, number: int, row_number: str, rest: str) -> None:
        block = self.open_block
        if block is not None:
            while len(block.lines) > 1 and _LABEL_PIECE.match(block.lines[-1][1]):
                self.labels.insert(0, block.lines.pop()[1])
            block.last_line = block.lines[-1][0] if block.lines else block.first_line
        self.expected += 1
        self._start_block(number, row_number, rest)

    def _start_block(self, number: int, row_number: str | None, text: str) -> None:
        block = _Block(first_line=number, number=row_number, category="".join(self.labels) or None, last_line=number)
        self.labels = []
        self.blocks.append(block)
        self._add(block, number, text)

    def _end_row(self, number: int, mark: str) -> None:
        block = self.open_block
        if block is None:
            self._problem(number, Severity.UNPLACED, f"{mark!r} outside any indicator row")
            return
        block.end_mark = mark
        block.last_line = number

    def _between_rows(self, number: int, text: str) -> None:
        if _LABEL_PIECE.match(text):
            self.labels.append(text)
        elif self.blocks:
            self._start_block(number, None, text)
        else:
            self._problem(number, Severity.UNPLACED, f"table line before the first indicator row: {text!r}")

    def _add(self, block: _Block, number: int, text: str) -> None:
        words = text.split()
        if words and words[-1] in self.end_marks:
            block.end_mark = words.pop()
        if words:
            block.lines.append((number, " ".join(words)))
            for token in tokenize(block.lines[-1:]):
                if block.name_end is None and ends_with_unit(token.text):
                    block.name_end = block.words
                block.words += 1
        block.last_line = number

    def _next_subrow(self, block: _Block, text: str) -> bool:
        """True when ``text`` opens a sub-row after the complete sub-row ``block``."""
        if block.number is not None or block.name_end is None or starts_with_value(text) or _LABEL_PIECE.match(text):
            return False
        return block.words - block.name_end - 1 >= len(self.cell_roles)

    def _raw_row(self, block: _Block) -> RawRow:
        cells = split_cells(tokenize(block.lines), 1 + len(self.cell_roles))
        if len(cells) < 1 + len(self.cell_roles):
            found = max(len(cells) - 1, 0)
            message = f"indicator row {block.number or '(sub-row)'} has {found} of {len(self.cell_roles)} value cells"
            self._problem(block.first_line, Severity.WARNING, message)
        texts = dict(zip([ColumnRole.NAME, *self.cell_roles], (join(cell) for cell in cells), strict=False))
        if block.cumulative and ColumnRole.CUMULATIVE not in texts:
            texts[ColumnRole.CUMULATIVE] = block.cumulative
        if block.end_mark:
            texts[ColumnRole.ATTRIBUTE if self.keeps_attribute else ColumnRole.STATUS] = block.end_mark
        return RawRow(
            first_line=block.first_line,
            last_line=block.last_line,
            category=block.category,
            number=block.number,
            subrow=block.number is None,
            cells=texts,
        )

    def _problem(self, line: int, severity: Severity, message: str) -> None:
        self.problems.append(Problem(source_file=self.source.name, line=line, severity=severity, message=message))
