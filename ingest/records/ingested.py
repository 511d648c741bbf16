"""What ingest hands the graph: the records of each document, file and corpus, with their problems."""

from dataclasses import dataclass, field

from ingest.records.document import DocumentRecord
from ingest.records.indicator import IndicatorRow
from ingest.records.measure import MeasureRecord
from ingest.records.ocr import OcrPage
from ingest.records.problem import Problem, Severity
from ingest.records.project import ProjectBox
from ingest.records.responsibility import ScopeStatement
from ingest.records.section import SectionRecord


@dataclass
class DocumentIngest:
    """Everything read from one document."""

    document: DocumentRecord
    digest: str = ""
    """SHA-256 of the document's text: equal digests are duplicate documents."""
    sections: list[SectionRecord] = field(default_factory=list)
    measures: list[MeasureRecord] = field(default_factory=list)
    scopes: list[ScopeStatement] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    projects: list[ProjectBox] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class FileIngest:
    """The documents of one file, or the error that stopped it."""

    source_file: str
    encoding: str | None = None
    """The text encoding, or the format the file was read from (``pdf``, ``docx``, ``html``, ``png``…)."""
    ocr: list[OcrPage] = field(default_factory=list)
    """Pages read by OCR, with their confidence."""
    documents: list[DocumentIngest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when the file could not be ingested at all."""
        return any(problem.severity is Severity.ERROR for problem in self.problems)


@dataclass
class CorpusIngest:
    """The result of ingesting a corpus directory."""

    files: list[FileIngest]

    @property
    def documents(self) -> list[DocumentIngest]:
        """Every document of every file, in file order."""
        return [document for file in self.files for document in file.documents]

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every file and document."""
        return [
            problem
            for file in self.files
            for problem in file.problems + [p for document in file.documents for p in document.problems]
        ]
