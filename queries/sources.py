"""The text a fact was read from: corpus lines by file and span, as the ingest numbered them."""

import re
from functools import lru_cache
from pathlib import Path

from ingest.formats import read_file
from ingest.source import SourceText
from queries.builds import build_directory, corpus

_SPAN = re.compile(r"^(?P<file>[^/\\]+\.\w+):(?P<first>\d+)(?:-(?P<last>\d+))?$")


class SpanError(ValueError):
    """A span that names no file of the corpus, or lines the file does not have."""


def parse_span(text: str) -> tuple[str, int, int] | None:
    """``file.txt:252-266`` (or ``file.txt:252``) as (file, first, last); None for anything else."""
    match = _SPAN.match(text.strip())
    if not match:
        return None
    first = int(match["first"])
    return match["file"], first, int(match["last"] or first)


def span_text(source_file: str, first: int, last: int) -> str:
    """``file.txt:first-last``, the form :func:`parse_span` reads."""
    return f"{source_file}:{first}-{last}"


def lines_of(source_file: str) -> tuple[str, ...]:
    """The lines of ``source_file`` in the corpus the shown build read (its manifest's); SpanError when it is not there."""
    return tuple(line.text for line in _source(corpus(build_directory()), source_file).lines)


def pages_of(source_file: str, first: int, last: int) -> tuple[int, int] | None:
    """The pages lines ``first``–``last`` of a paged file (a PDF) stand on; None for a file without pages."""
    pages = _source(corpus(build_directory()), source_file).pages[first - 1 : last]
    found = [page for page in pages if page is not None]
    return (min(found), max(found)) if found else None


@lru_cache(maxsize=16)
def _source(directory: Path, source_file: str) -> SourceText:
    """``directory/<source_file>`` read as the ingest read it (any encoding, PDF, Word, HTML), lines numbered alike."""
    path = (directory / source_file).resolve()
    if path.parent != directory.resolve() or not path.is_file():
        raise SpanError(f"the source file is not in {directory}: {source_file}")
    return read_file(path)


def checked_lines(source_file: str, first: int, last: int) -> tuple[str, ...]:
    """The file's lines, once ``first``–``last`` is known to lie in it; SpanError saying how many lines it has."""
    lines = lines_of(source_file)
    if not 1 <= first <= last <= len(lines):
        raise SpanError(f"{source_file} has lines 1–{len(lines)}; there are no lines {first}–{last}")
    return lines


def table_header(lines: tuple[str, ...], row: int, table_title: str | None) -> int | None:
    """The line of a table's title (``table_title`` as printed) above ``row``, nearest first; None when not found."""
    if not table_title:
        return None
    for number in range(row - 1, 0, -1):
        if table_title in lines[number - 1]:
            return number
    return None
