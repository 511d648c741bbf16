"""Build, export and query figures at 1×, 10× and 100× the real corpus: prints figures, asserts nothing.

    python benchmarks/bench_scale.py                     # scales 1, 10, 100
    python benchmarks/bench_scale.py --scales 1,10 --runs 50
    python benchmarks/bench_scale.py --scales 10 --profile /tmp/prof   # cProfile of ingest, graph, store

Each scale runs in a fresh subprocess, so its peak memory is its own. The child
writes the scaled corpus (``benchmarks/scale_corpus.py``), then times ingest, the
graph build, the store load (COPY), ``graph.json`` and the report, the Neo4j CSV
export, each explorer page's first render (``streamlit`` AppTest of ``app.py``, caches
emptied) and every named query of ``queries/library`` (warm runs with the example parameters). The
table is markdown; the last columns are the growth of each figure from one scale
to the next.
"""

import argparse
import cProfile
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.build import build_graph
from graph.exports import graph_json
from graph.exports.neo4j_csv import export_neo4j_csv
from graph.exports.store import write_store
from graph.layout import GRAPH_JSON, REPORT_TEXT, STORE
from graph.pipeline import build_report
from ingest.corpus import corpus_files, ingest_corpus
from ingest.reference import load_regions
from queries import connect
from queries.named import library

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import scale_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
APP = ROOT / "app.py"
WARMUP = 3
QUERY_BUDGET_S = 15.0
"""Time allowed per named query and scale; the runs stop early (at least 5) when it is spent."""

FIGURES = {
    "files": "files",
    "documents": "documents",
    "corpus MB": "mb",
    "ingest s": "ingest_s",
    "ingest ms/document": "ingest_ms_per_doc",
    "ingest s/MB": "ingest_s_per_mb",
    "graph build s": "graph_s",
    "store load (COPY) s": "store_s",
    "build = ingest + graph + store s": "build_s",
    "graph.json + report s": "json_s",
    "Neo4j CSV export s": "neo4j_s",
    "nodes": "nodes",
    "relationships": "relationships",
    "peak MB (build)": "build_peak_mb",
    "peak MB (whole run)": "peak_mb",
}


def _timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(scale: int, runs: int, profile: Path | None) -> dict:
    """Every figure for one scale, measured in this process."""
    with tempfile.TemporaryDirectory() as scratch:
        corpus, build = Path(scratch) / "corpus", Path(scratch) / "build"
        scale_corpus(RAW, corpus, scale)
        files = corpus_files(corpus)
        mb = sum(path.stat().st_size for path in files) / 2**20
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        ingested, ingest_s = _timed(ingest_corpus, corpus)
        result, graph_s = _timed(build_graph, ingested, load_regions())
        _, store_s = _timed(write_store, result.graph, build / STORE)
        if profiler:
            profiler.disable()
            profile.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(profile / f"scale{scale}.prof")
        _, json_s = _timed(_write_json_and_report, ingested, result, build)
        documents = len(ingested.documents)
        figures = {
            "files": len(files),
            "documents": documents,
            "mb": mb,
            "ingest_s": ingest_s,
            "ingest_ms_per_doc": ingest_s * 1000 / documents,
            "ingest_s_per_mb": ingest_s / mb,
            "graph_s": graph_s,
            "store_s": store_s,
            "build_s": ingest_s + graph_s + store_s,
            "json_s": json_s,
            "nodes": result.graph.number_of_nodes(),
            "relationships": result.graph.number_of_edges(),
            "problems": len(ingested.problems),
            "build_peak_mb": _peak_mb(),
        }
        figures["neo4j_s"] = _timed(export_neo4j_csv, result.graph, Path(scratch) / "neo4j")[1]
        del ingested, result
        figures["queries"], figures["rows"] = _query_latencies(build, runs)
        figures["explorer"] = _explorer_first_renders(build)
        figures["peak_mb"] = _peak_mb()
    return figures


def _write_json_and_report(ingested, result, build: Path) -> None:
    """What ``plankg build`` writes beside the store (graph/pipeline.py)."""
    graph_json.write(result.graph, build / GRAPH_JSON)
    (build / REPORT_TEXT).write_text(build_report(ingested, result) + "\n", encoding="utf-8")


def _query_latencies(build: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per named query, the sorted seconds of ``runs`` warm runs (fewer if the time budget is spent), and its rows."""
    latencies, rows = {}, {}
    with connect(build) as kg:
        for name, query in library().items():
            for _ in range(WARMUP):
                rows[name] = len(query.run(kg))
            timings, started = [], time.perf_counter()
            while len(timings) < runs and (len(timings) < 5 or time.perf_counter() - started < QUERY_BUDGET_S):
                timings.append(_timed(query.run, kg)[1])
            latencies[name] = sorted(timings)
    return latencies, rows


def _explorer_first_renders(build: Path) -> dict[str, float | str]:
    """Per page, seconds for its first script run with empty caches (streamlit AppTest), or the error it raised.

    Caches are cleared before each page, so every figure includes opening the store
    and the page's queries, as on the first visit after the explorer starts.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from explorer.pages import PAGES

    os.environ["PLANKG_DB"] = str(build)
    seconds: dict[str, float | str] = {}
    for page in PAGES:
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(APP), default_timeout=600)
        app.query_params["page"] = page
        started = time.perf_counter()
        app.run()
        seconds[page] = time.perf_counter() - started
        if app.exception:
            seconds[page] = f"error: {app.exception[0].message[:60]}"
    return seconds


def _percentile(timings: list[float], share: float) -> float:
    return timings[round(share * (len(timings) - 1))]


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.3g}" if value < 100 else f"{value:,.0f}"


def _growth(values: list) -> list[str]:
    pairs = zip(values, values[1:], strict=False)
    return [
        f"×{b / a:.1f}" if isinstance(a, int | float) and isinstance(b, int | float) and a else "—" for a, b in pairs
    ]


def print_table(scales: list[int], results: list[dict]) -> None:
    """Figures as rows, scales as columns, then the growth between consecutive scales."""
    growth_heads = [f"{a}×→{b}×" for a, b in zip(scales, scales[1:], strict=False)]
    print("| figure | " + " | ".join(f"{scale}×" for scale in scales) + "".join(f" | {h}" for h in growth_heads) + " |")
    print("|---" * (1 + len(scales) + len(growth_heads)) + "|")
    rows = [(label, [result.get(key) for result in results]) for label, key in FIGURES.items()]
    for page in results[0]["explorer"]:
        rows.append((f"explorer first render `{page}` s", [result["explorer"][page] for result in results]))
    for name in results[0]["queries"]:
        for label, share in (("p50", 0.5), ("p95", 0.95)):
            values = [_percentile(result["queries"][name], share) * 1000 for result in results]
            rows.append((f"`{name}` {label} ms", values))
        rows.append((f"`{name}` rows returned", [result["rows"][name] for result in results]))
    for label, values in rows:
        if any(value is not None for value in values):
            print(f"| {label} | " + " | ".join(map(_cell, values)) + "".join(f" | {g}" for g in _growth(values)) + " |")
    runs = ", ".join(f"{s}×: {min(map(len, r['queries'].values()))}" for s, r in zip(scales, results, strict=True))
    problems = ", ".join(f"{s}×: {r['problems']}" for s, r in zip(scales, results, strict=True))
    print(f"\nwarm runs per named query (fewest): {runs}; ingest problems: {problems}")


def machine() -> str:
    """Date, CPU model and count, memory and Python version of this run."""
    cpuinfo = Path("/proc/cpuinfo")
    models = [
        line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
    ]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = models[0] if models else platform.processor() or platform.machine()
    return (
        f"{datetime.date.today()}, {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated corpus factors")
    parser.add_argument("--runs", type=int, default=30, help="warm runs per named query")
    parser.add_argument("--profile", type=Path, help="write scale<N>.prof (cProfile) here; times are then inflated")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.runs, args.profile)))
        return
    scales = [int(scale) for scale in args.scales.split(",")]
    results = []
    for scale in scales:
        command = [sys.executable, __file__, "--child", str(scale), "--runs", str(args.runs)]
        if args.profile:
            command += ["--profile", str(args.profile)]
        started = time.perf_counter()
        child = subprocess.run(command, capture_output=True, text=True)
        if child.returncode:
            sys.exit(f"scale {scale}× failed:\n{child.stderr}")
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(f"scale {scale}×: done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"machine: {machine()}\n")
    print_table(scales, results)


if __name__ == "__main__":
    main()
