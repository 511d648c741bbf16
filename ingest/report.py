"""The ingest report: what was found per document, and every line that was not placed."""

import json

from ingest.records import CorpusIngest, DocumentIngest, Problem


def document_counts(document: DocumentIngest) -> dict[str, int]:
    """What was found in one document, by record type."""
    return {
        "sections": len(document.sections),
        "measures": len(document.measures),
        "clauses": sum(len(measure.clauses) for measure in document.measures),
        "scope statements": len(document.scopes),
        "indicator rows": len(document.indicators),
        "projects": len(document.projects),
        "project items": sum(len(box.items) for box in document.projects),
    }


def format_report(corpus: CorpusIngest) -> str:
    """A plain-text report a person can scan for gaps."""
    out: list[str] = []
    for file in corpus.files:
        encoding = f" ({file.encoding})" if file.encoding else ""
        out.append(f"{file.source_file}{encoding}")
        for page in file.ocr:
            out.append(
                f"  {page.source_file}: page {page.page} read by OCR "
                f"(confidence {page.confidence:.3f}, {page.characters} characters): check it against the scan"
            )
        for problem in file.problems:
            out.append(f"  {problem}")
        for document in file.documents:
            record = document.document
            facts = [
                record.kind.value if record.kind else "kind?",
                record.doc_number or "no number",
                str(record.issued or "no date"),
            ]
            lines = f"lines {record.span.line_start}-{record.span.line_end}"
            out.append(f"  [{record.id}] {record.title}  ({', '.join(facts)}; {lines})")
            out.append("    " + ", ".join(f"{name} {count}" for name, count in document_counts(document).items()))
            for problem in document.problems:
                out.append(f"    {problem}")
    out.append(summary(corpus)["text"])
    return "\n".join(out)


def summary(corpus: CorpusIngest) -> dict:
    """How many files, documents, problems and errors, and the line that says so."""
    problems = corpus.problems
    counts = {
        "files": len(corpus.files),
        "documents": len(corpus.documents),
        "problems": len(problems),
        "errors": sum(1 for problem in problems if problem.severity.value == "error"),
    }
    text = "{files} files, {documents} documents, {problems} problems ({errors} errors)".format(**counts)
    return {**counts, "text": text}


def report_data(corpus: CorpusIngest) -> dict:
    """What :func:`format_report` says, structured: per file its encoding, OCR pages, problems and documents."""
    files = [
        {
            "source_file": file.source_file,
            "encoding": file.encoding,
            "ocr": [page.model_dump(mode="json") for page in file.ocr],
            "problems": [_problem(problem) for problem in file.problems],
            "documents": [
                {
                    "id": document.document.id,
                    "title": document.document.title,
                    "kind": document.document.kind.value if document.document.kind else None,
                    "doc_number": document.document.doc_number,
                    "issued": document.document.issued.isoformat() if document.document.issued else None,
                    "lines": [document.document.span.line_start, document.document.span.line_end],
                    "counts": document_counts(document),
                    "problems": [_problem(problem) for problem in document.problems],
                }
                for document in file.documents
            ],
        }
        for file in corpus.files
    ]
    return {"files": files, "summary": summary(corpus)}


def _problem(problem: Problem) -> dict:
    return {**problem.model_dump(mode="json"), "where": problem.where}


def records_json(corpus: CorpusIngest) -> str:
    """All records of the corpus as JSON, one object per document."""
    documents = [
        {
            "document": document.document.model_dump(mode="json"),
            "sections": [record.model_dump(mode="json") for record in document.sections],
            "measures": [record.model_dump(mode="json") for record in document.measures],
            "scopes": [record.model_dump(mode="json") for record in document.scopes],
            "indicators": [record.model_dump(mode="json") for record in document.indicators],
            "projects": [record.model_dump(mode="json") for record in document.projects],
            "problems": [record.model_dump(mode="json") for record in document.problems],
        }
        for document in corpus.documents
    ]
    problems = [problem.model_dump(mode="json") for file in corpus.files for problem in file.problems]
    return json.dumps({"documents": documents, "file_problems": problems}, ensure_ascii=False, indent=1)
