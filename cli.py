"""The ``plankg`` command line."""

from pathlib import Path

import typer

from ingest.pipeline import ingest_corpus
from ingest.report import format_report, records_json

app = typer.Typer(help="plankg: a knowledge graph of Hebei eco-environment plans.", no_args_is_help=True)

DEFAULT_CORPUS = Path("data/raw")


@app.callback()
def main() -> None:
    """plankg: a knowledge graph of Hebei eco-environment plans."""


@app.command()
def ingest(
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="Directory of UTF-8/GB18030/UTF-16 text files."),
    report: bool = typer.Option(True, "--report/--no-report", help="Print what was found per document."),
    out: Path | None = typer.Option(None, help="Write every record as JSON to this file."),
) -> None:
    """Read the corpus into typed records; print per document what was found and what was not placed."""
    if not corpus.is_dir():
        typer.echo(f"error: corpus directory not found: {corpus}", err=True)
        raise typer.Exit(2)
    result = ingest_corpus(corpus)
    if report:
        typer.echo(format_report(result))
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(records_json(result), encoding="utf-8")
        typer.echo(f"records written to {out}")
    if not result.documents:
        raise typer.Exit(1)
