"""What a format reader gives: numbered lines with the page each came from, metadata, OCR notes."""

from dataclasses import dataclass, field

from ingest.records.ocr import OcrPage
from ingest.source import Line, SourceText


@dataclass
class Extracted:
    """Lines gathered from a file in reading order, each with its page (``None`` when unpaged)."""

    texts: list[str] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    ocr: list[OcrPage] = field(default_factory=list)

    def add(self, text: str, page: int | None = None) -> None:
        """Add one line (a paragraph, a table row or a printed line)."""
        self.texts.append(text)
        self.pages.append(page)

    def add_all(self, texts: list[str], page: int | None = None) -> None:
        """Add several lines of one page."""
        for text in texts:
            self.add(text, page)

    def source(self, name: str, kind: str) -> SourceText:
        """The :class:`SourceText` the parsers read; ``kind`` names the format (``pdf``, ``docx``…)."""
        lines = tuple(Line(number, text) for number, text in enumerate(self.texts, start=1))
        return SourceText(
            name=name,
            encoding=kind,
            lines=lines,
            pages=tuple(self.pages) if any(page is not None for page in self.pages) else (),
            metadata=dict(self.metadata),
            ocr=tuple(self.ocr),
        )
