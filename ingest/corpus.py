"""Ingest files and corpora: every document of every file into typed records.

One bad file never stops the others: its problem is reported with the file and
line, and the remaining files are ingested.
"""

import hashlib
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from ingest.deadlines import deadline_in_text
from ingest.documents import DocumentSlice, RegionFinder, split_documents
from ingest.errors import IngestError
from ingest.formats import SUFFIXES, read_file
from ingest.formats.metadata import with_metadata
from ingest.indicators import parse_indicator_tables
from ingest.measures import parse_measures
from ingest.outline import parse_outline
from ingest.projects import parse_projects
from ingest.records import (
    CorpusIngest,
    DocumentIngest,
    DocumentRecord,
    FileIngest,
    MeasureRecord,
    Problem,
    Severity,
)
from ingest.reference import load_regions
from ingest.source import SourceText
from ingest.tasks import find_task_tables, parse_task_tables
from ingest.text import is_noise

CORPUS_SUFFIXES = SUFFIXES
PARALLEL_FROM = 16
"""Corpora of at least this many files are ingested by a pool of processes."""
_CLAUSE_WORDS = re.compile(r"[（(]\s*(?:责任单位|牵头单位)|牵头负责[）)]")


def corpus_files(corpus: Path) -> list[Path]:
    """The entries of a corpus directory named like files plankg reads, sorted by name (READMEs excluded).

    Entries that are not readable files (a directory named ``x.txt``, a dangling link,
    a FIFO) are listed too, so that ingesting them reports them.
    """
    return sorted(
        path for path in corpus.iterdir() if path.suffix.lower() in CORPUS_SUFFIXES and path.stem.upper() != "README"
    )


def ingest_corpus(corpus: Path, find_region: RegionFinder | None = None, workers: int | None = None) -> CorpusIngest:
    """Ingest every file of ``corpus``; a file that fails is reported, never raised.

    Files are independent, so with ``workers`` > 1 a pool of processes ingests one
    file per task; the result is the same, in the same order. By default a corpus of
    ``PARALLEL_FROM`` files or more uses one process per CPU, a smaller one none.
    """
    find_region = find_region or load_regions().find_in
    paths = corpus_files(corpus)
    if workers is None:
        workers = (os.cpu_count() or 1) if len(paths) >= PARALLEL_FROM else 1
    if workers <= 1:
        files = [ingest_file(path, find_region) for path in paths]
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            files = list(pool.map(ingest_file, paths, repeat(find_region)))
    _drop_duplicates(files)
    return CorpusIngest(files=files)


def _drop_duplicates(files: list[FileIngest]) -> None:
    """Keep the first of documents with the same text; each later one becomes a warning on its file."""
    first: dict[str, DocumentRecord] = {}
    for file in files:
        kept = []
        for document in file.documents:
            original = first.setdefault(document.digest, document.document)
            if original is document.document:
                kept.append(document)
                continue
            file.problems.append(
                Problem(
                    source_file=file.source_file,
                    line=document.document.span.line_start,
                    severity=Severity.WARNING,
                    message=f"duplicate document: same text as {original.id} "
                    f"({original.span.source_file}:{original.span.line_start}); ingested once",
                )
            )
        file.documents = kept


def ingest_file(path: Path, find_region: RegionFinder | None = None) -> FileIngest:
    """Ingest one file; an unreadable file gives a :class:`FileIngest` with an error problem."""
    find_region = find_region or load_regions().find_in
    result = FileIngest(source_file=path.name)
    try:
        source = read_file(path)
        result.encoding = source.encoding
        result.ocr = list(source.ocr)
        slices, front_matter = split_documents(source, find_region)
        slices = [with_metadata(document, source.metadata) for document in slices]
    except IngestError as err:
        result.problems.append(
            Problem(source_file=err.source_file, line=err.line, severity=Severity.ERROR, message=err.message)
        )
        return result
    result.documents = [ingest_document(source, document) for document in slices]
    return result


def ingest_document(source: SourceText, document: DocumentSlice) -> DocumentIngest:
    """Read the tables, boxes, outline and measures of one document."""
    record = document.record
    text = "\n".join(line.text for line in document.lines)
    result = DocumentIngest(document=record, digest=hashlib.sha256(text.encode()).hexdigest())
    tables = parse_indicator_tables(record.id, document.lines, source)
    boxes = parse_projects(record.id, document.lines, source)
    header = set(range(record.span.line_start, document.header_end + 1))
    task_lines = find_task_tables(document.lines)
    skip = header | document.colophon | tables.consumed | boxes.consumed | task_lines
    outline = parse_outline(record.id, document.lines, source, skip)
    measures = parse_measures(record, document.lines, source, outline, skip)
    tasks = parse_task_tables(record, document.lines, source, outline, len(measures.measures) + 1)
    result.sections = list(outline.sections)
    result.measures = [_with_deadline(measure) for measure in measures.measures] + tasks.measures
    result.scopes = measures.scopes
    result.indicators = tables.rows
    result.projects = [
        box.model_copy(update={"section_path": outline.path_at(box.span.line_start)}) for box in boxes.boxes
    ]
    rejected = [
        Problem(
            source_file=source.name,
            line=heading.line,
            severity=Severity.UNPLACED,
            message=f"numbered like a heading ({heading.number}) but the numbering does not continue here: "
            f"{source.line(heading.line).text.strip()[:40]}",
        )
        for heading in outline.rejected
        if heading.line not in skip and not is_noise(source.line(heading.line).text)
    ]
    result.problems = tables.problems + boxes.problems + rejected + _unread_clauses(document, result.measures, skip)
    return result


def _with_deadline(measure: MeasureRecord) -> MeasureRecord:
    """The measure with the deadline its text sets (``到2025年``, ``年底前``), if any."""
    found = deadline_in_text(measure.text)
    return measure.model_copy(update={"deadline": found[0], "deadline_date": found[1]}) if found else measure


def _unread_clauses(document: DocumentSlice, measures: list[MeasureRecord], skip: set[int]) -> list[Problem]:
    """Lines that look like a responsibility clause but are in no clause that was read."""
    read = {
        line
        for measure in measures
        for clause in measure.clauses
        for line in range(clause.span.line_start, clause.span.line_end + 1)
    }
    return [
        Problem(
            source_file=document.record.span.source_file,
            line=line.number,
            severity=Severity.UNPLACED,
            message=f"looks like a responsibility clause but was not read as one: {line.text.strip()[:40]}",
        )
        for line in document.lines
        if line.number not in read and line.number not in skip and _CLAUSE_WORDS.search(line.text)
    ]
