"""Reading a corpus file: bytes to numbered lines, whatever the encoding."""

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from ingest.errors import IngestError
from ingest.records.ocr import OcrPage
from ingest.records.provenance import Span

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = {"gb18030", "gbk", "gb2312"}
_UTF16 = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
_KINDS = {stat.S_IFDIR: "directory", stat.S_IFIFO: "FIFO (named pipe)", stat.S_IFCHR: "device", stat.S_IFBLK: "device"}
_LINE_END = re.compile(r"\r\n|\r|\n")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True)
class Line:
    """One line of a source file: 1-based number and text without line end."""

    number: int
    text: str


@dataclass(frozen=True)
class SourceText:
    """A decoded source file as numbered lines.

    A file read from a paged format (PDF, a scan) gives ``pages``, the page of each line;
    a portal page its ``metadata`` (索引号, 文号…); pages read by OCR are in ``ocr``.
    """

    name: str
    encoding: str
    lines: tuple[Line, ...]
    pages: tuple[int | None, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    ocr: tuple[OcrPage, ...] = ()

    def line(self, number: int) -> Line:
        """The line with 1-based ``number``."""
        return self.lines[number - 1]

    def span(self, line_start: int, line_end: int) -> Span:
        """The provenance span of lines ``line_start`` to ``line_end`` inclusive."""
        text = "\n".join(line.text for line in self.lines[line_start - 1 : line_end])
        pages = [page for page in self.pages[line_start - 1 : line_end] if page is not None]
        return Span(
            source_file=self.name,
            line_start=line_start,
            line_end=line_end,
            text=text,
            page_start=min(pages, default=None),
            page_end=max(pages, default=None),
        )


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; otherwise
    charset-normalizer decides between GB18030 (a superset of GBK and GB2312) and
    UTF-16 without a BOM. Anything else (Big5, EUC-KR, a file the detector cannot
    place, binary data) raises :class:`IngestError` naming the line of the first
    byte that is not UTF-8, rather than being read as garbage.
    """
    if not data.strip():
        raise IngestError(name, None, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    not_utf8 = data.index(b"\x00") if b"\x00" in data else _utf8_error(data)
    if not_utf8 is None:
        return data.decode("utf-8"), "utf-8"
    encoding, detected = _detect(data)
    if encoding is not None:
        return _strict(data, encoding, name), encoding
    line = _line_of(data, not_utf8)
    if b"\x00" in data:
        raise IngestError(name, line, "binary file (NUL bytes), not text")
    if detected is not None:
        raise IngestError(
            name, line, f"looks like {detected}, not UTF-8, GB18030 or UTF-16: convert it to UTF-8 (byte {not_utf8})"
        )
    raise IngestError(
        name, line, f"cannot decode as UTF-8 and the encoding detector cannot tell what it is (byte {not_utf8})"
    )


def _utf8_error(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8, or None for UTF-8 text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return None


def _detect(data: bytes) -> tuple[str | None, str | None]:
    """``(encoding to read with, or None; the detector's best guess)`` for non-UTF-8 ``data``.

    GB18030 is chosen when the detector ranks a GB encoding first or level with its
    first (short Chinese text reads as cleanly in CP949); UTF-16 when it ranks it first.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None, None
    best = matches[0]
    if best.encoding in _UTF16:
        return _UTF16[best.encoding], best.encoding
    if any(match.encoding in _GB and match.chaos <= best.chaos for match in matches):
        return "gb18030", best.encoding
    return None, best.encoding


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
    text, encoding = decode(_read_bytes(path, name), name)
    return source_from_text(text, name, encoding)


def _read_bytes(path: Path, name: str) -> bytes:
    """The bytes of the regular file ``path``; :class:`IngestError` for any other entry.

    The file is opened without blocking and checked before reading, so a FIFO named
    like a text file is reported instead of waiting for a writer forever.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if path.is_symlink():
            raise IngestError(name, None, f"dangling symbolic link (to {os.readlink(path)})") from None
        raise IngestError(name, None, "cannot read file: no such file") from None
    except OSError as err:
        raise IngestError(name, None, f"cannot read file: {err.strerror}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise IngestError(name, None, f"not a regular file but a {_KINDS.get(stat.S_IFMT(mode), 'special file')}")
        with open(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as err:
        raise IngestError(name, None, f"cannot read file: {err.strerror}") from None
    finally:
        os.close(descriptor)


def source_from_text(text: str, name: str, encoding: str = "utf-8") -> SourceText:
    """Build a :class:`SourceText` from already decoded ``text``."""
    text = text.translate(_INVISIBLE)
    parts = _LINE_END.split(text)
    if parts[-1] == "":
        parts.pop()
    lines = tuple(Line(number, line) for number, line in enumerate(parts, start=1))
    return SourceText(name=name, encoding=encoding, lines=lines)
