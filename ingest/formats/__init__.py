"""Readers for the formats governments publish in, each giving the lines the parsers read.

Every reader turns a file into an :class:`~ingest.source.SourceText`: numbered lines in
reading order (a paragraph, a printed line, or a table row with tab-separated cells under
one header line), with the page of each line where the format has pages, so a plan read
from its PDF gives the same records as the plan read from its text. See ``docs/formats.md``.
"""

from pathlib import Path

from ingest.errors import IngestError
from ingest.source import SourceText, read_source

TEXT_SUFFIXES = (".txt", ".md", ".tsv")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx", ".html", ".htm") + IMAGE_SUFFIXES


def read_file(path: Path, name: str | None = None) -> SourceText:
    """Read ``path`` with the reader of its suffix; :class:`IngestError` when it cannot be read."""
    name = name or path.name
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_source(path, name)
    if suffix not in SUFFIXES:
        raise IngestError(name, None, f"unknown file type {suffix or '(none)'}: plankg reads {', '.join(SUFFIXES)}")
    if not path.is_file():
        return read_source(path, name)  # reports what the entry is (directory, dangling link, FIFO…)
    if suffix == ".pdf":
        from ingest.formats.pdf import read_pdf as reader
    elif suffix == ".docx":
        from ingest.formats.docx import read_docx as reader
    elif suffix in (".html", ".htm"):
        from ingest.formats.html import read_html as reader
    else:
        from ingest.formats.image import read_image as reader
    return reader(path, name).source(name, suffix.lstrip("."))
