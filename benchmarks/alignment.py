"""Recall and precision of counterpart links against the hand-labelled set, per city pair and split.

Builds the graph of ``data/raw`` in memory, reads ``tests/graph/alignment/labels.jsonl``
(rules in ``LABELLING.md``) and counts, for each labelled measure, its ``SIMILAR_TO``
links into the other plan with status ``counterpart``; then checks the gaps verdicts
(``measure_gaps``: *none found* when a measure has no link at all into the other plan):

    python benchmarks/alignment.py [--corpus data/raw] [--status counterpart|any]
    python benchmarks/alignment.py --fit

``--fit`` fits the weights of ``graph.similarity`` on the development splits only
(``tuning`` and ``held-out``; never ``test``): a logistic regression over the candidate
pairs of the labelled measures. It prints the weights and, for each threshold, the
recall and precision of a 5-fold cross-validation grouped by labelled measure (before
the per-plan caps), from which ``THRESHOLD`` is chosen.
"""

import argparse
import hashlib
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
SECOND_READER = ROOT / "tests" / "graph" / "alignment" / "second_reader.jsonl"
"""The same rules applied a second time, blind, to 30 labelled measures: how far two readers agree."""
DEVELOPMENT = ("tuning", "held-out")
"""The splits methods and weights are fitted on; ``test`` was labelled after the method was fixed and is only scored."""
FOLDS = 5


def load_labels(path: Path = LABELS) -> list[dict]:
    """The labelled measures, one dict per line of ``labels.jsonl`` (or of another file of labels)."""
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


def plans_of(by_key: dict[tuple[str, int], str]) -> dict[str, str]:
    """Each measure's plan id."""
    return {node: plan for (plan, _), node in by_key.items()}


def resolved(label: dict, by_key: dict[tuple[str, int], str]) -> tuple[str, set[str], set[str]]:
    """A label's source measure, its required counterparts and its related measures, as measure ids."""
    source = by_key[label["source"]["plan"], label["source"]["line"]]
    required = {by_key[c["plan"], c["line"]] for c in label["counterparts"]}
    related = {by_key[c["plan"], c["line"]] for c in label["related"]}
    return source, required, related


def score(by_key, labels: list[dict], linked: dict[str, set[str]]) -> dict[tuple[str, str], Counter]:
    """Per (pair, split): required pairs, those linked, links made (related ones left out) and those right."""
    plan_of = plans_of(by_key)
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
    order = (*DEVELOPMENT, "test")
    for (pair, split), c in sorted(counts.items(), key=lambda item: (order.index(item[0][1]), item[0])):
        recall = c["found"] / c["required"] if c["required"] else 1.0
        precision = c["right"] / c["links"] if c["links"] else 1.0
        print(
            f"{pair:<18} {split:<9} {recall:6.2f} ({c['found']:>2}/{c['required']:>2}) {precision:6.2f} ({c['right']:>2}/{c['links']:>2})"
        )


def gap_verdicts(by_key, labels: list[dict], linked: dict[str, set[str]]) -> dict[tuple[str, str], Counter]:
    """Per (pair, split): labelled measures with no counterpart, *none found* verdicts, and those that are right."""
    plan_of = plans_of(by_key)
    counts: dict[tuple[str, str], Counter] = {}
    for label in labels:
        source, required, _ = resolved(label, by_key)
        none_found = not any(plan_of[x] == label["other_plan"] for x in linked.get(source, ()))
        counts.setdefault((label["pair"], label["split"]), Counter()).update(
            truly_none=not required, none_found=none_found, right=none_found and not required
        )
    return counts


def print_gaps(counts: dict[tuple[str, str], Counter]) -> None:
    """How many *none found* verdicts there are per (pair, split) and how many of them are right."""
    print(f"\n{'gaps: none found':<18} {'split':<9} {'right':>8} {'labelled none':>14}")
    order = (*DEVELOPMENT, "test")
    for (pair, split), c in sorted(counts.items(), key=lambda item: (order.index(item[0][1]), item[0])):
        print(f"{pair:<18} {split:<9} {c['right']:>3}/{c['none_found']:<4} {c['truly_none']:>14}")


def print_agreement(labels: list[dict], second: list[dict]) -> None:
    """The second reader's labels scored against the first's, as the links are: the ceiling to compare with."""
    first = {(label["source"]["id"], label["other_plan"]): label for label in labels}
    c = Counter()
    for label in second:
        reference = first[label["source"]["id"], label["other_plan"]]
        required = {x["id"] for x in reference["counterparts"]}
        made = {x["id"] for x in label["counterparts"]} - {x["id"] for x in reference["related"]}
        c.update(required=len(required), found=len(required & made), links=len(made))
    print(
        f"\nsecond reader vs labels ({len(second)} measures): recall {c['found'] / c['required']:.2f}"
        f" ({c['found']}/{c['required']}), precision {c['found'] / c['links']:.2f} ({c['found']}/{c['links']})"
    )


def fit(graph, labels: list[dict]) -> None:
    """Fit the weights on the development splits and print them, with each threshold's cross-validated figures."""
    by_key = plan_measures(graph)
    measures = sorted((node, plan, graph.nodes[node]["body"]) for (plan, _), node in by_key.items())
    ids = [measure_id for measure_id, _, _ in measures]
    found = candidate_pairs(measures, topic_blocks)
    pair_index = {
        frozenset((ids[one], ids[other])): index
        for index, (one, other) in enumerate(zip(found.first, found.second, strict=True))
    }
    plan_of = plans_of(by_key)
    rows, targets, groups, missing = [], [], [], 0
    for label in (label for label in labels if label["split"] in DEVELOPMENT):
        source, required, related = resolved(label, by_key)
        for other in sorted(x for x in plan_of if plan_of[x] == label["other_plan"] and x not in related):
            if (index := pair_index.get(frozenset((source, other)))) is not None:
                rows.append(index)
                targets.append(other in required)
                groups.append(source)
            else:
                missing += other in required
    features, targets = found.features[rows], np.array(targets)
    fold = np.array([int(hashlib.sha1(group.encode()).hexdigest()[:8], 16) % FOLDS for group in groups])
    probability = np.zeros(len(rows))
    for k in range(FOLDS):
        model = LogisticRegression().fit(features[fold != k], targets[fold != k])
        probability[fold == k] = model.predict_proba(features[fold == k])[:, 1]
    model = LogisticRegression().fit(features, targets)
    print(f"WEIGHTS = {tuple(round(float(w), 2) for w in model.coef_[0])}")
    print(f"BIAS = {round(float(model.intercept_[0]), 2)}")
    required = targets.sum() + missing
    print(f"{required} required pairs, {missing} of them never candidates; {FOLDS}-fold cross-validation:")
    for threshold in np.arange(0.04, 0.61, 0.02):
        linked = probability >= threshold
        right = (linked & targets).sum()
        print(
            f"threshold {threshold:.2f}: recall {right / required:.2f}"
            f" precision {right / max(linked.sum(), 1):.2f} ({linked.sum()} links)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--status", choices=("counterpart", "any"), default="counterpart")
    parser.add_argument("--fit", action="store_true", help="fit the weights on the development splits and print them")
    args = parser.parse_args()
    graph = build_graph(ingest_corpus(args.corpus), load_regions()).graph
    if args.fit:
        fit(graph, load_labels())
        return
    statuses = {"counterpart"} if args.status == "counterpart" else {"counterpart", "uncertain"}
    by_key, labels = plan_measures(graph), load_labels()
    print_table(score(by_key, labels, links(graph, statuses)))
    print_gaps(gap_verdicts(by_key, labels, links(graph, {"counterpart", "uncertain"})))
    print_agreement(labels, load_labels(SECOND_READER))


if __name__ == "__main__":
    main()
