"""The ``plankg`` command line.

Each command imports what it needs when it runs, so that a query starts in a fraction of a second
(``docs/performance.md``): pandas, the ingest and the graph build load only in the commands that use them.
"""

import sys
from functools import cache
from pathlib import Path

import typer

app = typer.Typer(help="plankg: a knowledge graph of Hebei eco-environment plans.", no_args_is_help=True)

DEFAULT_CORPUS = Path("data/raw")
DEFAULT_OUT = Path("data/build")


@app.callback()
def main() -> None:
    """plankg: a knowledge graph of Hebei eco-environment plans."""


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


BUILD_HELP = "Build root or build directory (default: data/build)."
OLD_BUILD_FLAG = typer.Option(None, "--build", hidden=True, help="Deprecated name of --db.")


def _build_root(db: Path, old_flag: Path | None) -> Path:
    """``--db``, or the deprecated ``--build`` when that is given (saying so)."""
    if old_flag is None:
        return db
    typer.echo("warning: --build is deprecated; use --db", err=True)
    return old_flag


@app.command()
def ingest(
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="Directory of UTF-8/GB18030/UTF-16 text files."),
    report: bool = typer.Option(True, "--report/--no-report", help="Print what was found per document."),
    out: Path | None = typer.Option(None, help="Write every record as JSON to this file."),
) -> None:
    """Read the corpus into typed records; print per document what was found and what was not placed."""
    from ingest.corpus import ingest_corpus
    from ingest.report import format_report, records_json

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
    allow_partial: bool = typer.Option(
        False, "--allow-partial", help="Publish a graph of the readable files when some cannot be read."
    ),
) -> None:
    """Ingest, build the graph and write the embedded store, graph.json, the report and the manifest atomically.

    Fails, keeping the previous build, when a file of the corpus cannot be read, unless
    --allow-partial is given. A second build into the same OUT waits for the first to publish.
    """
    from graph.layout import CURRENT, MANIFEST, REPORT_TEXT
    from graph.pipeline import BuildError
    from graph.pipeline import build as run_build

    if not corpus.is_dir():
        raise _fail(f"corpus directory not found: {corpus}", 2)
    try:
        summary = run_build(corpus, out, allow_partial=allow_partial)
    except BuildError as err:
        raise _fail(f"{err}\nthe previous build, if any, is unchanged") from None
    for problem in summary.left_out:
        typer.echo(f"left out of the graph: {problem}", err=True)
    if report:
        typer.echo(summary.report)
    typer.echo(f"build written to {summary.directory} (published as {out / CURRENT})")
    typer.echo("nodes: " + ", ".join(f"{label} {count}" for label, count in summary.nodes.items()))
    typer.echo("relationships: " + ", ".join(f"{kind} {count}" for kind, count in summary.relationships.items()))
    typer.echo(f"report: {summary.directory / REPORT_TEXT} (and .json); manifest: {summary.directory / MANIFEST}")


@app.command()
def add(
    paths: list[Path] = typer.Argument(
        ..., help="PDF, Word (.docx), web page (.html), image or text files, or directories of them."
    ),
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="Corpus directory to copy the files into."),
) -> None:
    """Read files as governments publish them and copy those that read into the corpus; then run `plankg build`.

    Prints what each file gave (documents, measures, clauses, indicator rows, pages read by OCR).
    A file that cannot be read, or gives no document, is not copied; the command then exits 1.
    """
    from ingest.add import add_files

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(missing)}", 2)
    added = add_files(paths, corpus)
    for item in added:
        typer.echo(f"{item.path}: {item.message}", err=not item.copied)
    if not added or not all(item.copied for item in added):
        raise typer.Exit(1)
    typer.echo(f"run `plankg build --corpus {corpus}` to build the graph with them")


@app.command()
def export(
    output: str = typer.Option(..., "--format", "-f", help="ttl, jsonld or nt (RDF), or neo4j-csv."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write (a directory for neo4j-csv)."),
    db: Path = typer.Option(DEFAULT_OUT, help=BUILD_HELP),
    build_flag: Path | None = OLD_BUILD_FLAG,
) -> None:
    """Export the current build as RDF (ORG, ELI, PROV-O, Data Cube, SKOS, QUDT) or as neo4j-admin import CSV.

    OUT is written aside and renamed into place, so an interrupted export leaves the old one whole.
    For ``neo4j-csv``, OUT is a directory (new, or holding an earlier export); the command that loads it is printed.
    """
    from graph.atomic import OutputError
    from graph.exports import EXPORT, WRITERS, names
    from graph.pipeline import BuildError, load_graph

    if output not in names(EXPORT):
        raise _fail(f"--format must be one of {', '.join(names(EXPORT))}, not {output!r}", 2)
    try:
        graph = load_graph(_build_root(db, build_flag))
    except BuildError as err:
        raise _fail(str(err)) from None
    try:
        typer.echo(WRITERS[output].write(graph, out))
    except OutputError as err:
        raise _fail(str(err)) from None


@app.command()
def push(
    uri: str = typer.Option(..., help="Bolt URI of the Neo4j server, e.g. bolt://localhost:7687."),
    user: str = typer.Option("neo4j", help="Neo4j user."),
    password_env: str = typer.Option("NEO4J_PASSWORD", help="Environment variable holding the password."),
    database: str | None = typer.Option(None, help="Target database (default: the server's)."),
    batch_size: int = typer.Option(1000, min=1, help="Rows per UNWIND batch."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    db: Path = typer.Option(DEFAULT_OUT, help=BUILD_HELP),
    build_flag: Path | None = OLD_BUILD_FLAG,
) -> None:
    """Load the current build into Neo4j (constraints, batched MERGE, count check); idempotent.

    The password is read from PASSWORD_ENV or asked for; it is never taken on the command line.
    """
    import os

    from graph.exports import WRITERS
    from graph.pipeline import BuildError, load_graph
    from graph.stores.errors import StoreError
    from graph.stores.neo4j import check_uri

    try:
        check_uri(uri)
    except StoreError as err:
        raise _fail(str(err), 2) from None
    try:
        graph = load_graph(_build_root(db, build_flag))
    except BuildError as err:
        raise _fail(str(err)) from None
    password = os.environ.get(password_env) or typer.prompt("Neo4j password", hide_input=True)
    try:
        written = WRITERS["neo4j"].write(
            graph, uri, auth=(user, password), database=database, batch_size=batch_size, progress=progress
        )
    except StoreError as err:
        raise _fail(str(err)) from None
    typer.echo(written)


def _parse_params(pairs: list[str], examples: dict[str, object]) -> dict[str, object]:
    """``NAME=VALUE`` / ``NAME:TYPE=VALUE`` pairs as query parameters, typed like ``examples`` where named there."""
    from queries.named import parse_param

    params: dict[str, object] = {}
    for pair in pairs:
        try:
            name, value = parse_param(pair, examples.get(pair.partition("=")[0].partition(":")[0]))
        except ValueError as err:
            raise _fail(f"--param: {err}", 2) from None
        params[name] = value
    return params


@cache
def _store(db: Path | None):
    """The store at ``db``, opened once in this short-lived process after capping its memory as a query
    worker's is (:mod:`graph.stores.isolated`): a query needing more fails with a message."""
    from graph.stores.embedded import EmbeddedStore
    from graph.stores.isolated import DEFAULT_MEMORY_MB, limit_memory
    from queries.api import store_path

    store = EmbeddedStore(store_path(db))
    limit_memory(store.path, DEFAULT_MEMORY_MB)
    return store


def _rows(db: Path | None, query: str, params: dict[str, object]) -> tuple[list[str], list[list]]:
    """Columns and rows of ``query`` on the store at ``db``, run in this process; errors exit non-zero, no traceback."""
    from graph.stores.isolated import DEFAULT_MEMORY_MB
    from queries import QueryError, StoreError

    try:
        return _store(db).rows(query, params)
    except StoreError as err:
        raise _fail(str(err)) from None
    except MemoryError:
        raise _fail(
            f"the query needed more than the {DEFAULT_MEMORY_MB} MB of memory it may use and was stopped: "
            "narrow it or add LIMIT"
        ) from None
    except QueryError as err:
        given = ", ".join(f"{key}={value!r} ({type(value).__name__})" for key, value in params.items())
        raise _fail(f"{err}\nparameters: {given}" if given else str(err)) from None


def _run(db: Path | None, query: str, params: dict[str, object]):
    """:func:`_rows` as a DataFrame, for the commands that group rows."""
    import pandas as pd

    columns, rows = _rows(db, query, params)
    return pd.DataFrame(rows, columns=columns, dtype=object)


@app.command()
def query(
    cypher: str | None = typer.Argument(None, help="A Cypher query; use $name for parameters."),
    name: str | None = typer.Option(None, "--name", "-n", help="Run a named query (see `plankg queries`)."),
    db: Path | None = typer.Option(None, help="Store or build directory (default: the current build)."),
    param: list[str] = typer.Option(
        [],
        "--param",
        "-p",
        help="Query parameter NAME=VALUE or NAME:TYPE=VALUE, TYPE int, float, bool or str (repeatable). "
        "An untyped value reads as a number or boolean when it looks like one, or takes the named query's type.",
    ),
    output: str = typer.Option("table", "--format", "-f", help="table, json, csv or markdown."),
) -> None:
    """Run a read-only Cypher query, or a named one, on the embedded store and print the rows."""
    from queries.named import named
    from queries.printer import FORMATS, render

    if output not in FORMATS:
        raise _fail(f"--format must be {', '.join(FORMATS[:-1])} or {FORMATS[-1]}, not {output!r}", 2)
    if (cypher is None) == (name is None):
        raise _fail("give either a Cypher query or --name NAME", 2)
    examples: dict[str, object] = {}
    if name is not None:
        try:
            chosen = named(name)
        except KeyError as err:
            raise _fail(err.args[0], 2) from None
        examples = chosen.params
    params = _parse_params(param, examples)
    if name is not None:
        unknown = set(params) - set(chosen.params)
        if unknown:
            raise _fail(
                f"{name} takes no parameter {', '.join(sorted(unknown))}; it takes {', '.join(chosen.params)}", 2
            )
        cypher, params = chosen.cypher, {**chosen.params, **params}
    sys.stdout.write(render(*_rows(db, cypher, params), output))


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their parameters."""
    from queries.named import library

    for query_ in library().values():
        params = ", ".join(f"{key}={value}" for key, value in query_.params.items())
        typer.echo(f"{query_.name:<30} {query_.title_zh} / {query_.title_en}" + (f"  [{params}]" if params else ""))
        typer.echo(f"{'':<30} {query_.description}")


@app.command()
def who(
    keyword: str = typer.Argument(..., help="A word of the measures' text, e.g. 散煤."),
    db: Path | None = typer.Option(None, help="Store or build directory (default: the current build)."),
) -> None:
    """Who owns this task? Measures containing KEYWORD, city by city, with lead and support bodies."""
    from queries.named import named

    rows = _run(db, named("who_owns").cypher, {"keyword": keyword})
    if rows.empty:
        typer.echo(f"no measure mentions {keyword!r}")
        return
    for (region, plan), measures in rows.groupby(["region", "plan"], sort=False):
        typer.echo(f"\n{region} · {plan}")
        for (measure_id, text, source, start, end), owners in measures.groupby(
            ["measure_id", "measure", "source_file", "line_start", "line_end"], sort=False
        ):
            typer.echo(f"  {measure_id}  ({source}:{start}-{end})")
            text = text.replace("\n", " ")
            typer.echo(f"    {text[:160]}{'…' if len(text) > 160 else ''}")
            for role in ("lead", "support", "responsible"):
                named_ = owners[owners["role"] == role]
                if not named_.empty:
                    names = "、".join(
                        name_ + ("*" if implied else "")
                        for name_, implied in zip(named_["department"], named_["implied"], strict=True)
                    )
                    typer.echo(f"    {role}: {names}")
            if owners["department"].isna().all():
                typer.echo("    (no responsible body named in the plan)")
    typer.echo("\n* implied by a scope statement such as 以下均含…不再列出")


def _plan_of(db: Path | None, name: str) -> str:
    """The plan a city name (``邯郸市``) or plan id stands for; exits when it is none or several."""
    rows = _run(
        db, "MATCH (p:Plan) WHERE p.id = $name OR p.region = $name RETURN p.id AS id ORDER BY id", {"name": name}
    )
    if len(rows) != 1:
        found = ", ".join(rows["id"]) or "none"
        raise _fail(f"{name!r} names {len(rows)} plans ({found}); give one plan id", 2)
    return rows["id"].iloc[0]


@app.command()
def gaps(
    plan: str = typer.Argument(..., help="A city (邯郸市) or plan id: the plan whose measures are checked."),
    other: str = typer.Argument(..., help="A city (邢台市) or plan id: the plan searched for counterparts."),
    topic: str = typer.Option("", help="Only measures about this topic, e.g. topic/air."),
    db: Path | None = typer.Option(None, help="Store or build directory (default: the current build)."),
) -> None:
    """What PLAN does that OTHER does not: measures with no counterpart, none found apart from uncertain."""
    from queries.named import named

    params = {"plan": _plan_of(db, plan), "other": _plan_of(db, other), "topic": topic}
    rows = _run(db, named("measure_gaps").cypher, params)
    for verdict, heading in (("none found", "None found"), ("uncertain", "Uncertain (near misses: read them)")):
        chosen = rows[rows["verdict"] == verdict]
        typer.echo(f"\n{heading}: {len(chosen)} measures of {params['plan']} with no counterpart in {params['other']}")
        for row in chosen.itertuples():
            text = row.measure.replace("\n", " ")
            typer.echo(f"  {row.measure_id}  ({row.source_file}:{row.line_start}-{row.line_end})")
            typer.echo(f"    {text[:120]}{'…' if len(text) > 120 else ''}")
            for near, score in sorted(zip(row.near_misses, row.near_scores, strict=True), key=lambda pair: -pair[1]):
                typer.echo(f"    near: {near} ({score:.2f})")


@app.command()
def report(
    plans: list[str] = typer.Argument(..., help="Cities (邯郸市 邢台市 衡水市) or plan ids to compare."),
    out: Path = typer.Option(..., "--out", "-o", help="The .xlsx workbook to write."),
    year: int = typer.Option(2025, help="Target year of the indicators."),
    db: Path | None = typer.Option(None, help="Store or build directory (default: the current build)."),
) -> None:
    """Write a comparison workbook: indicators with numbers and units, measures aligned by topic, gaps, responsibilities.

    Every row cites its document, document number and file:lines.
    """
    from queries import QueryError, StoreError, connect
    from queries.compare import runner
    from queries.workbook import SHEETS, comparison, write_workbook

    if out.suffix != ".xlsx" or not out.parent.is_dir():
        raise _fail(f"--out must be a .xlsx file in an existing directory, not {out}", 2)
    try:
        with connect(db) as graph:
            sheets = comparison(runner(graph), plans, year)
    except ValueError as err:
        raise _fail(str(err), 2) from None
    except (StoreError, QueryError) as err:
        raise _fail(str(err)) from None
    write_workbook(sheets, out)
    typer.echo(f"{out}: " + ", ".join(f"{SHEETS[key]} {len(frame)}" for key, frame in sheets.items()))
