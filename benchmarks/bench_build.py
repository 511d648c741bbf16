"""Graph build, store load and query latency on the real corpus: prints figures, asserts nothing."""

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from graph.build import build_graph
from graph.stores.embedded import EmbeddedStore, write_store
from ingest.pipeline import ingest_corpus
from ingest.reference import load_regions

ROOT = Path(__file__).resolve().parent.parent

QUERIES = {
    "pm25 targets": "MATCH (p:Plan)-[t:TARGETS]->(i:Indicator {id: 'indicator/pm25'}) RETURN p.region AS r, t.target AS t",
    "department load": "MATCH (d:Department)-[:RESPONSIBLE_FOR]->(m:Measure) RETURN d.name AS d, count(m) AS n ORDER BY n DESC LIMIT 10",
    "region chain": "MATCH (c:Region {name: '宁晋县'})-[:PART_OF*1..3]->(p:Region) RETURN p.name AS p",
    "measure search": "MATCH (m:Measure) WHERE m.text CONTAINS '散煤' RETURN m.id AS id",
}


def _timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    corpus, ingest_s = _timed(ingest_corpus, args.corpus)
    result, build_s = _timed(build_graph, corpus, load_regions())
    graph = result.graph
    with tempfile.TemporaryDirectory() as scratch:
        _, store_s = _timed(write_store, graph, Path(scratch) / "store")
        print(
            f"ingest {ingest_s * 1000:.0f} ms, graph build {build_s * 1000:.0f} ms, store load {store_s * 1000:.0f} ms"
        )
        print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships")
        with EmbeddedStore(Path(scratch) / "store") as store:
            print(f"{'query':<20} {'p50 ms':>8} {'p95 ms':>8}")
            for name, query in QUERIES.items():
                timings = sorted(_timed(store.cypher, query)[1] for _ in range(args.runs))
                p95 = timings[int(0.95 * (len(timings) - 1))]
                print(f"{name:<20} {statistics.median(timings) * 1000:>8.2f} {p95 * 1000:>8.2f}")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
