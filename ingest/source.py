"""Reading a corpus file: bytes to numbered lines, whatever the encoding."""

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.records.provenance import Span

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True)
class Line:
    """One line of a source file: 1-based number and text without line end."""

    number: int
    text: str


@dataclass(frozen=True)
class SourceText:
    """A decoded source file as numbered lines."""

    name: str
    encoding: str
    lines: tuple[Line, ...]

    def line(self, number: int) -> Line:
        """The line with 1-based ``number``."""
        return self.lines[number - 1]

    def span(self, line_start: int, line_end: int) -> Span:
        """The provenance span of lines ``line_start`` to ``line_end`` inclusive."""
        text = "\n".join(line.text for line in self.lines[line_start - 1 : line_end])
        return Span(source_file=self.name, line_start=line_start, line_end=line_end, text=text)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL
    bytes show it) and GB18030 (a superset of GBK and GB2312) are recognised.
    Raises :class:`IngestError` naming the line of the first undecodable byte
    (in the encoding that read furthest).
    """
    if not data.strip():
        raise IngestError(name, None, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise IngestError(name, _line_of(data, data.index(b"\x00")), "binary file (NUL bytes), not text")
        return _strict(data, encoding, name), encoding
    failures = []
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as err:
            failures.append((err.start, encoding))
    offset, encoding = max(failures)
    raise IngestError(
        name, _line_of(data, offset), f"cannot decode as {encoding} or any other known encoding (byte {offset})"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit on every other byte, as in CJK-free UTF-16."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > len(data) // 4 and even == 0:
        return "utf-16-le"
    if even > len(data) // 4 and odd == 0:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(
            name,
            _line_of(data, err.start),
            f"cannot decode as {encoding} (byte {err.start}): not text in a known encoding",
        ) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_source(path: Path, name: str | None = None) -> SourceText:
    """Read ``path`` into a :class:`SourceText`.

    Line ends (LF, CRLF, CR) are normalised and zero-width characters dropped;
    nothing else of the text is changed.
    """
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(name, None, f"cannot read file: {err.strerror}") from None
    text, encoding = decode(data, name)
    return source_from_text(text, name, encoding)


def source_from_text(text: str, name: str, encoding: str = "utf-8") -> SourceText:
    """Build a :class:`SourceText` from already decoded ``text``."""
    text = text.translate(_INVISIBLE)
    parts = _LINE_END.split(text)
    if parts[-1] == "":
        parts.pop()
    lines = tuple(Line(number, line) for number, line in enumerate(parts, start=1))
    return SourceText(name=name, encoding=encoding, lines=lines)
