"""Similar measures across plans: TF-IDF over character 2–3-grams, cosine similarity.

Each measure is linked to its most similar measure in every *other* plan when the
cosine score reaches ``THRESHOLD`` (chosen on hand-checked pairs, see
``docs/topics.md``). Responsibility clauses are removed first, so shared
department names do not make measures alike. Scores are computed a block of rows
at a time against the sparse matrix, so memory stays bounded as the corpus grows
and the output is at most one pair per measure and other plan.
"""

from dataclasses import dataclass

import networkx as nx
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from graph.topics import strip_clauses

METHOD = "tfidf-char-2-3-cosine"
THRESHOLD = 0.25
MAX_LINKS = 10
"""At most this many other plans per measure (its best matches), so links grow linearly with the corpus."""
_BLOCK_CELLS = 4_000_000  # scores held at once: rows per block × measures


@dataclass(frozen=True)
class SimilarPair:
    """Two measures of different plans, ``source`` < ``target``, and their cosine score."""

    source: str
    target: str
    score: float
    method: str = METHOD


def similar_measures(measures: list[tuple[str, str, str]], threshold: float = THRESHOLD) -> list[SimilarPair]:
    """Pairs of ``(measure_id, plan_id, text)`` measures that are counterparts, sorted by ids.

    A pair is kept when one measure is the other's best match in the other's plan
    and the score is at least ``threshold``.
    """
    if not measures:
        return []
    ids, plans, texts = zip(*measures, strict=True)
    matrix = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True).fit_transform(
        ["".join(strip_clauses(text).split()) for text in texts]
    )
    plan_of = np.unique(plans, return_inverse=True)[1]
    rows_per_block = max(1, _BLOCK_CELLS // len(ids))
    best: dict[tuple[int, int], float] = {}
    for start in range(0, len(ids), rows_per_block):
        scores = (matrix[start : start + rows_per_block] @ matrix.T).toarray()
        scores[plan_of[start : start + len(scores), None] == plan_of[None, :]] = -1.0  # never the same plan
        for row, column, score in _best_per_plan(scores, plan_of, threshold):
            pair = tuple(sorted((start + row, column), key=ids.__getitem__))
            best[pair] = score
    return sorted(
        (SimilarPair(ids[a], ids[b], round(score, 4)) for (a, b), score in best.items()),
        key=lambda pair: (pair.source, pair.target),
    )


def _best_per_plan(scores: np.ndarray, plan_of: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """For each row, its highest-scoring column in each plan, when at least ``threshold``; the ``MAX_LINKS`` best."""
    rows, columns = np.nonzero((scores >= threshold) & (scores > 0))
    values = scores[rows, columns]
    order = np.lexsort((-values, plan_of[columns], rows))
    best: dict[int, list[tuple[float, int]]] = {}
    seen = set()
    for index in order:
        key = (rows[index], plan_of[columns[index]])
        if key not in seen:
            seen.add(key)
            best.setdefault(int(rows[index]), []).append((float(values[index]), int(columns[index])))
    return [
        (row, column, score)
        for row, matches in best.items()
        for score, column in sorted(matches, reverse=True)[:MAX_LINKS]
    ]


def add_similarity(graph: nx.MultiDiGraph, threshold: float = THRESHOLD) -> None:
    """Add ``SIMILAR_TO {score, method}`` edges, one per pair, from the lower measure id to the higher."""
    measures = [
        (measure, plan, graph.nodes[measure]["text"])
        for plan, measure, data in graph.edges(data=True)
        if data["type"] == "HAS_MEASURE" and graph.nodes[plan]["label"] == "Plan"
    ]
    for pair in similar_measures(sorted(measures), threshold):
        key = f"SIMILAR_TO:{len(graph[pair.source].get(pair.target, {}))}"
        graph.add_edge(pair.source, pair.target, key=key, type="SIMILAR_TO", score=pair.score, method=pair.method)
