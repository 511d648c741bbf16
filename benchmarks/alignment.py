"""Recall and precision of counterpart links against the hand-labelled set, per city pair and split.

Builds the graph of ``data/raw`` in memory, reads ``tests/graph/alignment/labels.jsonl``
(rules in ``LABELLING.md``) and counts, for each labelled measure, its ``SIMILAR_TO``
links into the other plan with status ``counterpart``:

    python benchmarks/alignment.py [--corpus data/raw] [--status counterpart|any]
    python benchmarks/alignment.py --fit

``--fit`` fits the weights of ``graph.similarity`` on the tuning split only (a logistic
regression over the candidate pairs of the labelled measures) and prints them with the
tuning recall and precision each threshold would give (before the per-plan caps).
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import build_graph  # noqa: E402
from graph.similarity import candidate_pairs, topic_blocks  # noqa: E402
from ingest.corpus import ingest_corpus  # noqa: E402
from ingest.reference import load_regions  # noqa: E402

LABELS = ROOT / "tests" / "graph" / "alignment" / "labels.jsonl"
TUNING = "tuning"


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


def plan_measures(graph) -> dict[tuple[str, int], str]:
    """Each measure of a plan by ``(plan id, line_start)``."""
    return {
        (plan, graph.nodes[node]["line_start"]): node
        for plan, node, kind in graph.edges(data="type")
        if kind == "HAS_MEASURE" and graph.nodes[plan]["label"] == "Plan"
    }


def resolved(label: dict, by_key: dict[tuple[str, int], str]) -> tuple[str, set[str], set[str]]:
    """A label's source measure, its required counterparts and its related measures, as measure ids."""
    source = by_key[label["source"]["plan"], label["source"]["line"]]
    required = {by_key[c["plan"], c["line"]] for c in label["counterparts"]}
    related = {by_key[c["plan"], c["line"]] for c in label["related"]}
    return source, required, related


def score(by_key, labels: list[dict], linked: dict[str, set[str]]) -> dict[tuple[str, str], Counter]:
    """Per (pair, split): required pairs, those linked, links made (related ones left out) and those right."""
    plan_of = {node: plan for (plan, _), node in by_key.items()}
    counts: dict[tuple[str, str], Counter] = {}
    for label in labels:
        source, required, related = resolved(label, by_key)
        made = {x for x in linked.get(source, ()) if plan_of[x] == label["other_plan"]} - related
        count = counts.setdefault((label["pair"], label["split"]), Counter())
        count.update(required=len(required), found=len(required & made), links=len(made), right=len(made & required))
    return counts


def print_table(counts: dict[tuple[str, str], Counter]) -> None:
    """Recall and precision per (pair, split), tuning first."""
    print(f"{'pair':<18} {'split':<9} {'recall':>14} {'precision':>14}")
    for (pair, split), c in sorted(counts.items(), key=lambda item: (item[0][1] != TUNING, item[0])):
        recall = c["found"] / c["required"] if c["required"] else 1.0
        precision = c["right"] / c["links"] if c["links"] else 1.0
        print(
            f"{pair:<18} {split:<9} {recall:6.2f} ({c['found']:>2}/{c['required']:>2}) {precision:6.2f} ({c['right']:>2}/{c['links']:>2})"
        )


def fit(graph, labels: list[dict]) -> None:
    """Fit the weights on the tuning split's candidate pairs and print them, with each threshold's tuning figures."""
    by_key = plan_measures(graph)
    measures = sorted((node, plan, graph.nodes[node]["text"]) for (plan, _), node in by_key.items())
    ids = [measure_id for measure_id, _, _ in measures]
    found = candidate_pairs(measures, topic_blocks())
    pair_index = {
        frozenset((ids[one], ids[other])): index
        for index, (one, other) in enumerate(zip(found.first, found.second, strict=True))
    }
    plan_of = {node: plan for (plan, _), node in by_key.items()}
    tuning = [label for label in labels if label["split"] == TUNING]
    rows, targets = [], []
    for label in tuning:
        source, required, related = resolved(label, by_key)
        for other in sorted(x for x in plan_of if plan_of[x] == label["other_plan"] and x not in related):
            if (index := pair_index.get(frozenset((source, other)))) is not None:
                rows.append(index)
                targets.append(other in required)
    model = LogisticRegression().fit(found.features[rows], targets)
    print(f"WEIGHTS = {tuple(round(float(w), 2) for w in model.coef_[0])}")
    print(f"BIAS = {round(float(model.intercept_[0]), 2)}")
    probability = model.predict_proba(found.features)[:, 1]
    for threshold in np.arange(0.04, 0.41, 0.02):
        linked: dict[str, set[str]] = {}
        for index in np.flatnonzero(probability >= threshold):
            one, other = ids[found.first[index]], ids[found.second[index]]
            linked.setdefault(one, set()).add(other)
            linked.setdefault(other, set()).add(one)
        totals = sum(score(by_key, tuning, linked).values(), Counter())
        print(
            f"threshold {threshold:.2f}: recall {totals['found'] / totals['required']:.2f}"
            f" precision {totals['right'] / max(totals['links'], 1):.2f} ({totals['links']} links)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--status", choices=("counterpart", "any"), default="counterpart")
    parser.add_argument("--fit", action="store_true", help="fit the weights on the tuning split and print them")
    args = parser.parse_args()
    graph = build_graph(ingest_corpus(args.corpus), load_regions()).graph
    if args.fit:
        fit(graph, load_labels())
        return
    statuses = {"counterpart"} if args.status == "counterpart" else {"counterpart", "uncertain"}
    print_table(score(plan_measures(graph), load_labels(), links(graph, statuses)))


if __name__ == "__main__":
    main()
