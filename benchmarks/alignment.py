"""Recall and precision of counterpart links against the hand-labelled set, per city pair and split.

Builds the graph of ``data/raw`` in memory, reads ``tests/graph/alignment/labels.jsonl``
(rules in ``LABELLING.md``) and counts, for each labelled measure, its ``SIMILAR_TO``
links into the other plan with status ``counterpart``:

    python benchmarks/alignment.py [--corpus data/raw] [--status counterpart|any]
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import build_graph  # noqa: E402
from ingest.pipeline import ingest_corpus  # noqa: E402
from ingest.reference import load_regions  # noqa: E402

LABELS = ROOT / "tests" / "graph" / "alignment" / "labels.jsonl"


def load_labels(path: Path = LABELS) -> list[dict]:
    """The labelled measures, one dict per line of ``labels.jsonl``."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def links(graph, statuses: set[str]) -> dict[str, set[str]]:
    """Each measure's SIMILAR_TO partners whose status is in ``statuses``, both directions."""
    found: dict[str, set[str]] = {}
    for tail, head, data in graph.edges(data=True):
        if data["type"] == "SIMILAR_TO" and data["status"] in statuses:
            found.setdefault(tail, set()).add(head)
            found.setdefault(head, set()).add(tail)
    return found


def score(graph, labels: list[dict], statuses: set[str]) -> dict[tuple[str, str], Counter]:
    """Per (pair, split): required pairs, those linked, links made (related ones left out) and those right."""
    measure_at = {
        (data["line_start"], plan): node
        for plan, node, kind in graph.edges(data="type")
        if kind == "HAS_MEASURE" and graph.nodes[plan]["label"] == "Plan"
        for data in [graph.nodes[node]]
    }
    by_key = {(plan, line): node for (line, plan), node in measure_at.items()}
    plan_of = {node: plan for (_, plan), node in measure_at.items()}
    linked = links(graph, statuses)
    counts: dict[tuple[str, str], Counter] = {}
    for label in labels:
        source = by_key[label["source"]["plan"], label["source"]["line"]]
        required = {by_key[c["plan"], c["line"]] for c in label["counterparts"]}
        related = {by_key[c["plan"], c["line"]] for c in label["related"]}
        made = {x for x in linked.get(source, ()) if plan_of[x] == label["other_plan"]} - related
        count = counts.setdefault((label["pair"], label["split"]), Counter())
        count.update(required=len(required), found=len(required & made), links=len(made), right=len(made & required))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--status", choices=("counterpart", "any"), default="counterpart")
    args = parser.parse_args()
    statuses = {"counterpart"} if args.status == "counterpart" else {"counterpart", "uncertain"}
    graph = build_graph(ingest_corpus(args.corpus), load_regions()).graph
    print(f"{'pair':<18} {'split':<9} {'recall':>14} {'precision':>14}")
    for (pair, split), c in sorted(
        score(graph, load_labels(), statuses).items(), key=lambda item: (item[0][1] != "tuning", item[0])
    ):
        recall = c["found"] / c["required"] if c["required"] else 1.0
        precision = c["right"] / c["links"] if c["links"] else 1.0
        print(
            f"{pair:<18} {split:<9} {recall:6.2f} ({c['found']:>2}/{c['required']:>2}) {precision:6.2f} ({c['right']:>2}/{c['links']:>2})"
        )


if __name__ == "__main__":
    main()
