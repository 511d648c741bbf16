"""Finding the documents of a file and reading each one's header.

A file holds one document, or, for a gazette, a table of contents (目录) and
several documents, each found where the body prints its table-of-contents title.
"""

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.errors import IngestError
from ingest.numbering import chinese_to_int, five_year_plan_years
from ingest.records import DocumentKind, DocumentRecord, Level
from ingest.source import Line, SourceText
from ingest.text import compact, is_noise

RegionFinder = Callable[[str], tuple[str, Level] | None]
"""Returns the region named in a text (its full name and level), or ``None``."""

_TOC_ENTRY = re.compile(r"^\s*(?P<title>\S.*?\S)\s*[.…·]{3,}\s*[（(]\s*\d+\s*[）)]\s*$")
_NOTICE_START = re.compile(r"关\s*于")
_NOTICE_END = re.compile(r"(?:通\s*知|意\s*见|决\s*定|批\s*复|通\s*告|办\s*法|规\s*定)$")
_DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,8})\s*[〔［\[【(（]\s*(?P<year>\d{4})\s*[〕］\]】)）]\s*(?P<serial>\d{1,4})\s*号"
)
_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?!\s*[第起至到])")
_YEAR_RANGE = re.compile(r"[（(]?\s*(?P<a>(?:19|20)\d{2})\s*[-－—–~～至到]\s*(?P<b>(?:19|20)\d{2})\s*年?")
_FIVE_YEAR = re.compile(r"[“\"]?十(?P<n>[一二三四五六七八九]?)五[”\"]?")
_EMBEDDED_TITLE = re.compile(r"印\s*发\s*《?(?P<title>.+?)》?\s*的\s*通\s*知$")
_QUOTED_TITLE = re.compile(r"《(?P<title>[^》]+)》")
_TRAILING_PARENTHESES = re.compile(r"[（(][^（()）]*[）)]$")
_ISSUER = re.compile(r"(?:人民政府|政府办公室|人民政府办公室|办公厅|委员会|管委会|政府)$")
_COLOPHON = re.compile(r"^\s*抄\s*送\s*[：:]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发\s*$")
_COLOPHON_REACH = 12
"""How many non-blank lines from a document's end its colophon may start."""
_OUTLINE_START = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)")

_KINDS: tuple[tuple[str, DocumentKind], ...] = (
    ("实施意见", DocumentKind.IMPLEMENTATION_OPINIONS),
    ("意见", DocumentKind.IMPLEMENTATION_OPINIONS),
    ("行动方案", DocumentKind.ACTION_PLAN),
    ("实施方案", DocumentKind.ACTION_PLAN),
    ("工作方案", DocumentKind.ACTION_PLAN),
    ("行动计划", DocumentKind.ACTION_PLAN),
    ("规划", DocumentKind.PLAN),
    ("办法", DocumentKind.REGULATION),
    ("条例", DocumentKind.REGULATION),
    ("规定", DocumentKind.REGULATION),
    ("细则", DocumentKind.REGULATION),
    ("通知", DocumentKind.NOTICE),
)


@dataclass(frozen=True)
class DocumentSlice:
    """A document record and the file lines that belong to it."""

    record: DocumentRecord
    lines: tuple[Line, ...]
    header_end: int
    """Last line of the header block (title, number, date, addressees) before the body."""
    colophon: frozenset[int] = frozenset()
    """Lines of the closing block (抄送：… / …年…月…日印发), which are not body text."""


def split_documents(source: SourceText, find_region: RegionFinder) -> tuple[list[DocumentSlice], set[int]]:
    """Split ``source`` into documents.

    Returns the document slices and the line numbers of front matter (a
    gazette's masthead and table of contents) that belong to no document.
    Raises :class:`IngestError` when the file has no recognisable document title.
    """
    if not any(line.text.strip() for line in source.lines):
        raise IngestError(source.name, None, "file is empty")
    toc = [(line.number, compact(match["title"])) for line in source.lines if (match := _TOC_ENTRY.match(line.text))]
    starts = _document_starts(source, toc) if toc else [1]
    if not starts:
        raise IngestError(source.name, toc[0][0], "table of contents found but none of its titles appears in the body")
    front_matter = set(range(1, starts[0]))
    ends = [start - 1 for start in starts[1:]] + [len(source.lines)]
    slices = []
    for ordinal, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
        document_id = source.name.rsplit(".", 1)[0] + (f"/{ordinal}" if len(starts) > 1 else "")
        slices.append(read_document(source, document_id, start, end, find_region))
    return slices, front_matter


def _document_starts(source: SourceText, toc: list[tuple[int, str]]) -> list[int]:
    """Line numbers where the body prints each table-of-contents title, in order.

    A title may wrap, so each line is tried together with the two after it.
    """
    compacted = [compact(line.text) for line in source.lines]
    starts = []
    search_from = toc[-1][0]
    for _, title in toc:
        for index in range(search_from, len(compacted)):
            if compacted[index] and title[:4] in compacted[index] and title in "".join(compacted[index : index + 3]):
                starts.append(index + 1)
                search_from = index + 1
                break
    return starts


def read_document(
    source: SourceText, document_id: str, start: int, end: int, find_region: RegionFinder
) -> DocumentSlice:
    """Read the header of the document on lines ``start``–``end`` of ``source``."""
    lines = source.lines[start - 1 : end]
    header_end = _header_end(lines)
    header = [line for line in lines if line.number <= header_end and not is_noise(line.text)]
    if not header:
        raise IngestError(source.name, start, "no document title before the body text")
    notice_title, issuer = _notice_title(header)
    title = _document_title(notice_title, header)
    if not title:
        raise IngestError(source.name, start, "no recognisable document title")
    number = next((found for line in header if (found := _DOC_NUMBER.search(compact(line.text)))), None)
    date = _first_date(compact(" ".join(line.text for line in header)))
    first_year, last_year = _period(title)
    region = find_region(issuer or "") or find_region(title)
    record = DocumentRecord(
        id=document_id,
        title=title,
        kind=_kind(title),
        notice_title=notice_title if notice_title != title else None,
        issuer=issuer,
        doc_number=f"{number['prefix']}〔{number['year']}〕{number['serial']}号" if number else None,
        issued=date,
        period_start=first_year,
        period_end=last_year,
        level=region[1] if region else None,
        region=region[0] if region else None,
        span=source.span(start, end),
    )
    return DocumentSlice(record=record, lines=lines, header_end=header_end, colophon=_colophon(lines))


def _header_end(lines: Sequence[Line]) -> int:
    """The line before the first top-level outline heading, or the first line of a short file."""
    for line in lines:
        if _OUTLINE_START.match(line.text):
            return line.number - 1 if line.number > lines[0].number else line.number
    return lines[min(len(lines), 40) - 1].number


def _colophon(lines: Sequence[Line]) -> frozenset[int]:
    """The closing block: from the first 抄送/印发 line near the end to the end of the document."""
    tail = [line for line in lines if not is_noise(line.text)][-_COLOPHON_REACH:]
    start = next((line.number for line in tail if _COLOPHON.search(line.text)), None)
    return frozenset(range(start, lines[-1].number + 1)) if start is not None else frozenset()


def _notice_title(header: Sequence[Line]) -> tuple[str | None, str | None]:
    """The covering notice's title (``关于…的通知``, joined across lines) and its issuer."""
    for index, line in enumerate(header):
        text = compact(line.text)
        found = _NOTICE_START.search(text)
        if not found:
            continue
        title = text[found.start() :]
        for following in header[index + 1 : index + 4]:
            if _NOTICE_END.search(title):
                break
            title += compact(following.text)
        if not _NOTICE_END.search(title):
            continue
        issuer = text[: found.start()].strip() or (compact(header[index - 1].text) if index else "")
        return title, issuer if _ISSUER.search(issuer or "") else None
    return None, None


def _document_title(notice_title: str | None, header: Sequence[Line]) -> str | None:
    """The document's own title: the one a notice issues, the notice itself, or the first line."""
    if notice_title:
        issued = _EMBEDDED_TITLE.search(notice_title)
        if issued:
            return _QUOTED_TITLE.sub(lambda match: match["title"], issued["title"]).strip("《》")
        return notice_title
    for line in header:
        text = compact(line.text)
        if text and not _DOC_NUMBER.fullmatch(text) and not _DATE.fullmatch(text):
            return text
    return None


def _kind(title: str) -> DocumentKind | None:
    """The kind a title's last words name; quoted titles and a trailing （…） are ignored."""
    tail = _TRAILING_PARENTHESES.sub("", _QUOTED_TITLE.sub("", title))
    return next((kind for word, kind in _KINDS if tail.endswith(word)), None)


def _first_date(text: str) -> dt.date | None:
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None


def _period(title: str) -> tuple[int | None, int | None]:
    """Years a title names: ``（2023-2027年）`` or a Five-Year Plan such as ``“十四五”``."""
    years = _YEAR_RANGE.search(title)
    if years:
        return int(years["a"]), int(years["b"])
    plan = _FIVE_YEAR.search(title)
    if plan:
        ordinal = chinese_to_int("十" + plan["n"])
        if ordinal and ordinal >= 3:
            return five_year_plan_years(ordinal)
    return None, None
