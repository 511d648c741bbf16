"""The ``plankg`` command line."""

import json
import sys
from pathlib import Path

import typer

from ingest.pipeline import ingest_corpus
from ingest.report import format_report, records_json

app = typer.Typer(help="plankg: a knowledge graph of Hebei eco-environment plans.", no_args_is_help=True)

DEFAULT_CORPUS = Path("data/raw")
DEFAULT_OUT = Path("data/build")


@app.callback()
def main() -> None:
    """plankg: a knowledge graph of Hebei eco-environment plans."""


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def ingest(
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="Directory of UTF-8/GB18030/UTF-16 text files."),
    report: bool = typer.Option(True, "--report/--no-report", help="Print what was found per document."),
    out: Path | None = typer.Option(None, help="Write every record as JSON to this file."),
) -> None:
    """Read the corpus into typed records; print per document what was found and what was not placed."""
    if not corpus.is_dir():
        raise _fail(f"corpus directory not found: {corpus}", 2)
    result = ingest_corpus(corpus)
    if report:
        typer.echo(format_report(result))
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(records_json(result), encoding="utf-8")
        typer.echo(f"records written to {out}")
    if not result.documents:
        raise typer.Exit(1)


@app.command()
def build(
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="Directory of the corpus text files."),
    out: Path = typer.Option(DEFAULT_OUT, help="Build root; the finished build is published as OUT/current."),
    report: bool = typer.Option(False, "--report/--no-report", help="Print the whole build report."),
) -> None:
    """Ingest, build the graph and write the embedded store, graph.json and report.txt atomically."""
    from graph.pipeline import BuildError
    from graph.pipeline import build as run_build

    if not corpus.is_dir():
        raise _fail(f"corpus directory not found: {corpus}", 2)
    try:
        summary = run_build(corpus, out)
    except BuildError as err:
        raise _fail(f"{err}\nthe previous build, if any, is unchanged") from None
    if report:
        typer.echo(summary.report)
    typer.echo(f"build written to {summary.directory} (published as {out / 'current'})")
    typer.echo("nodes: " + ", ".join(f"{label} {count}" for label, count in summary.nodes.items()))
    typer.echo("relationships: " + ", ".join(f"{kind} {count}" for kind, count in summary.relationships.items()))
    typer.echo(f"report: {summary.directory / 'report.txt'}")


def _parse_params(pairs: list[str]) -> dict[str, object]:
    """``k=v`` pairs as query parameters; values that read as JSON numbers/booleans are typed."""
    params: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise _fail(f"--param expects NAME=VALUE, got {pair!r}", 2)
        try:
            parsed = json.loads(value)
            params[name] = parsed if isinstance(parsed, int | float | bool) else value
        except json.JSONDecodeError:
            params[name] = value
    return params


@app.command()
def query(
    cypher: str = typer.Argument(..., help="A Cypher query; use $name for parameters."),
    db: Path | None = typer.Option(None, help="Store directory (default: the current build's store)."),
    param: list[str] = typer.Option([], "--param", "-p", help="Query parameter NAME=VALUE (repeatable)."),
    output: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """Run a read-only Cypher query on the embedded store and print the rows."""
    from queries import QueryError, StoreError, connect

    if output not in ("table", "json", "csv"):
        raise _fail(f"--format must be table, json or csv, not {output!r}", 2)
    params = _parse_params(param)
    try:
        with connect(db) as graph:
            frame = graph.cypher(cypher, **params)
    except (QueryError, StoreError) as err:
        raise _fail(str(err)) from None
    if output == "json":
        sys.stdout.write(json.dumps(frame.to_dict(orient="records"), ensure_ascii=False, default=str) + "\n")
    elif output == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    else:
        typer.echo(frame.to_string(index=False) if len(frame) else "(no rows)")
