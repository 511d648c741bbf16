"""Similar measures across plans: TF-IDF over character 2–3-grams, cosine similarity, blocked by topic.

Each measure is linked to its most similar measure in every *other* plan when the
cosine score reaches ``THRESHOLD`` (chosen on hand-checked pairs, see
``docs/topics.md``), at most ``MAX_LINKS`` plans per measure. Responsibility
clauses are removed first, so shared department names do not make measures alike.

Only measures of a shared block are compared: in the build, a block is a top topic
that measures are mainly about (``topic_blocks``), and measures about no topic form
one block. So the cost is the sum of the blocks' squares, not the square of the
corpus, and a block's scores below the threshold are never stored.
"""

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer
from sparse_dot_topn import sp_matmul_topn

from graph.edges import add_edge
from graph.topics import strip_clauses

METHOD = "tfidf-char-2-3-cosine"
THRESHOLD = 0.25
MAX_LINKS = 10
"""At most this many other plans per measure (its best matches), so links grow linearly with the corpus."""
_TOLERANCE = 1e-12  # the product keeps scores *above* its threshold; a score equal to THRESHOLD counts
_NO_TOPIC = None


@dataclass(frozen=True)
class SimilarPair:
    """Two measures of different plans, ``source`` < ``target``, and their cosine score."""

    source: str
    target: str
    score: float
    method: str = METHOD


def similar_measures(
    measures: list[tuple[str, str, str]],
    blocks: Mapping[str, Iterable[str]] | None = None,
    threshold: float = THRESHOLD,
) -> list[SimilarPair]:
    """Pairs of ``(measure_id, plan_id, text)`` measures that are counterparts, sorted by ids.

    ``blocks`` maps a measure id to the blocks it belongs to; two measures are only
    compared when they share one (a measure missing from ``blocks``, or with none,
    is in the block of such measures). Without ``blocks`` all measures are compared.
    A pair is kept when one measure is among the other's ``MAX_LINKS`` best matches
    in other plans, one per plan, and the score is at least ``threshold``.
    """
    if not measures:
        return []
    ids, plans, texts = zip(*measures, strict=True)
    counts = char_ngram_counts(["".join(strip_clauses(text).split()).lower() for text in texts])
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts).astype(np.float32)  # ample for 4 decimals
    plan_of = np.unique(plans, return_inverse=True)[1]
    found = [_score_block(matrix, members, plan_of, threshold) for members in _members(ids, blocks)]
    rows, columns, scores = _strongest(*(np.concatenate(parts) for parts in zip(*found, strict=True)), plan_of)
    rank = np.argsort(np.argsort(ids))
    first, second = (
        np.where(rank[rows] < rank[columns], rows, columns),
        np.where(rank[rows] < rank[columns], columns, rows),
    )
    pairs = {(ids[a], ids[b]): round(float(score), 4) for a, b, score in zip(first, second, scores, strict=True)}
    return [SimilarPair(source, target, score) for (source, target), score in sorted(pairs.items())]


def char_ngram_counts(texts: list[str], sizes: tuple[int, ...] = (2, 3)) -> sp.csr_matrix:
    """Counts of each text's character n-grams: the matrix ``CountVectorizer(analyzer="char")`` gives.

    The texts are turned into one array of code points and each n-gram into one
    integer (21 bits per character), so counting is a few numpy operations instead
    of a Python loop over every n-gram, the step that dominated the build at scale.
    Columns are in no particular order.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    text_of = np.repeat(np.arange(len(texts)), lengths)
    rows, grams = [], []
    for size in sizes:
        starts = len(codes) - size + 1
        if starts <= 0:
            continue
        gram = codes[:starts].copy()
        for offset in range(1, size):
            gram = (gram << 21) | codes[offset : starts + offset]
        whole = text_of[:starts] == text_of[size - 1 :]  # the n-gram does not straddle two texts
        rows.append(text_of[:starts][whole])
        grams.append(gram[whole])  # an n-gram of n characters lies in [2**(21(n-1)), 2**(21n)): sizes never collide
    rows_all = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    columns, vocabulary = pd.factorize(np.concatenate(grams) if grams else rows_all)
    return sp.csr_matrix((np.ones(len(rows_all)), (rows_all, columns)), shape=(len(texts), len(vocabulary)))


def _members(ids: tuple[str, ...], blocks: Mapping[str, Iterable[str]] | None) -> list[np.ndarray]:
    """The row indices of each block, in row order."""
    if blocks is None:
        return [np.arange(len(ids))]
    grouped: dict[str | None, list[int]] = {}
    for row, measure_id in enumerate(ids):
        for block in blocks.get(measure_id) or [_NO_TOPIC]:
            grouped.setdefault(block, []).append(row)
    return [np.array(rows) for rows in grouped.values()]


def _score_block(matrix, members: np.ndarray, plan_of: np.ndarray, threshold: float):
    """``(rows, columns, scores)`` of each member's strongest matches among the other members.

    The block's scores come from one sparse product that keeps only scores at or
    above ``threshold`` (``sparse_dot_topn``, multi-threaded), so no dense block is
    ever held.
    """
    block = matrix[members]
    scores = sp_matmul_topn(
        block, block.T, top_n=len(members), threshold=threshold - _TOLERANCE, n_threads=os.cpu_count()
    ).tocoo()
    rows, columns = members[scores.row], members[scores.col]
    kept = (plan_of[rows] != plan_of[columns]) & (scores.data > 0)  # never the same plan
    return _strongest(rows[kept], columns[kept], scores.data[kept], plan_of)


def _strongest(rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, plan_of: np.ndarray):
    """Of scored ``(row, column)`` pairs, each row's best column per plan, then its ``MAX_LINKS`` best of those.

    Ties go to the lower column index, so the outcome does not depend on how the pairs were chunked.
    """
    order = np.lexsort((columns, -scores, rows))
    rows, columns, scores = rows[order], columns[order], scores[order]
    row_plan = rows.astype(np.int64) * (int(plan_of.max()) + 1) + plan_of[columns]
    best_per_plan = np.sort(np.unique(row_plan, return_index=True)[1])
    rows, columns, scores = rows[best_per_plan], columns[best_per_plan], scores[best_per_plan]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    rank_in_row = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    kept = rank_in_row < MAX_LINKS
    return rows[kept], columns[kept], scores[kept]


def topic_blocks(graph: nx.MultiDiGraph, measures: Iterable[str]) -> dict[str, set[str]]:
    """Each measure's blocks: the top topics it is mainly about, directly or through a main sub-topic.

    ``main`` is decided per level, so a hazardous-waste supervision measure whose
    top-level main topic is governance still joins solid waste through its main
    sub-topic ``hazardous-waste``.
    """
    blocks: dict[str, set[str]] = {}
    for measure in measures:
        for _, topic, data in graph.out_edges(measure, data=True):
            if data["type"] == "ABOUT" and data.get("main"):
                broader = [head for _, head, kind in graph.out_edges(topic, data="type") if kind == "BROADER"]
                blocks.setdefault(measure, set()).update(broader or [topic])
    return blocks


def add_similarity(graph: nx.MultiDiGraph, threshold: float = THRESHOLD) -> None:
    """Add ``SIMILAR_TO {score, method}`` edges, one per pair, from the lower measure id to the higher."""
    plans = [node for node, label in graph.nodes(data="label") if label == "Plan"]
    measures = sorted(
        (measure, plan, graph.nodes[measure]["text"])
        for plan in plans
        for _, measure, kind in graph.out_edges(plan, data="type")
        if kind == "HAS_MEASURE"
    )
    pairs = similar_measures(measures, topic_blocks(graph, (measure for measure, _, _ in measures)), threshold)
    for pair in pairs:
        add_edge(graph, pair.source, pair.target, "SIMILAR_TO", score=pair.score, method=pair.method)
