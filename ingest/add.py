"""Adding files to the corpus: each is read first, and copied in only when it gives documents."""

import shutil
from dataclasses import dataclass
from pathlib import Path

from ingest.corpus import FileIngest, corpus_files, ingest_file
from ingest.report import document_counts


@dataclass(frozen=True)
class Added:
    """What adding one file did: ``copied`` (or why not) and what it was read as."""

    path: Path
    copied: bool
    message: str


def add_files(paths: list[Path], corpus: Path) -> list[Added]:
    """Read every file (a directory gives the files plankg reads in it) and copy the good ones into ``corpus``.

    A file is copied under its own name when it reads without error into at least one
    document; a file of that name already in the corpus is kept, unless it has the same bytes.
    """
    corpus.mkdir(parents=True, exist_ok=True)
    files = [file for path in paths for file in (corpus_files(path) if path.is_dir() else [path])]
    return [_add(file, corpus) for file in files]


def _add(path: Path, corpus: Path) -> Added:
    target = corpus / path.name
    if target.exists() and target.resolve() != path.resolve() and target.read_bytes() != path.read_bytes():
        return Added(path, False, f"{target} exists with other content: rename the file or remove the old one")
    result = ingest_file(path)
    if result.failed or not result.documents:
        problems = "; ".join(str(problem) for problem in result.problems) or "no document found"
        return Added(path, False, f"not added: {problems}")
    if target.resolve() != path.resolve():
        shutil.copyfile(path, target)
    return Added(path, True, f"added as {target} ({result.encoding}): {_summary(result)}")


def _summary(result: FileIngest) -> str:
    parts = []
    for document in result.documents:
        counts = document_counts(document)
        parts.append(
            f"[{document.document.id}] {document.document.title}: {counts['measures']} measures, "
            f"{counts['clauses']} clauses, {counts['indicator rows']} indicator rows"
        )
    parts += [f"page {page.page} read by OCR (confidence {page.confidence:.3f})" for page in result.ocr]
    return "; ".join(parts)
