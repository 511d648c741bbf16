"""Counterpart measures across plans: their action sentences compared by TF-IDF over character 2–3-grams.

A measure is cut into action sentences (``action_sentences``); two measures of
different plans score the cosine of their best-matching pair of sentences, so a
paragraph that bundles several tasks (Hengshui's) matches on any one of them.
A pair scoring at least ``THRESHOLD`` is a ``counterpart``; one scoring at least
``NEAR`` but less is ``uncertain`` (a near miss, kept so that a gap can be told
from a doubt). Thresholds come from the hand-labelled tuning set
(``tests/graph/alignment``, ``docs/topics.md``). Responsibility clauses are
removed first, so shared department names do not make measures alike.

Only sentences sharing a block are compared: in the build, a block is a top topic
a sentence's own keywords point to (``topic_blocks``); sentences about no topic
form one block. The cost is the sum of the blocks' squares, and scores
below ``NEAR`` are never stored.
"""

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer
from sparse_dot_topn import sp_matmul_topn

from graph.edges import add_edge
from graph.topics import Topic, TopicClassifier, load_topics, strip_clauses

METHOD = "tfidf-char-2-3-sentence-max"
THRESHOLD = 0.35
NEAR = 0.11
PER_PLAN = 5
"""At most this many counterparts of a measure in one other plan (its best ones)."""
MAX_LINKS = 10
"""At most this many other plans per measure (its best matches), so links grow linearly with the corpus."""
COUNTERPART, UNCERTAIN = "counterpart", "uncertain"
_TOLERANCE = 1e-12  # the product keeps scores *above* its threshold; a score equal to NEAR counts
_NO_TOPIC = None
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_MIN_SENTENCE = 7
_MIN_TERM = 2


@dataclass(frozen=True)
class SimilarPair:
    """Two measures of different plans, ``source`` < ``target``, and why they match.

    ``source_sentence`` and ``target_sentence`` are the best-matching action
    sentences of each side, ``shared_terms`` the character runs they share
    (longest first), ``score`` their cosine.
    """

    source: str
    target: str
    score: float
    source_sentence: str
    target_sentence: str
    shared_terms: tuple[str, ...]
    method: str = METHOD

    @property
    def status(self) -> str:
        """``counterpart`` at or above ``THRESHOLD``, else ``uncertain``."""
        return COUNTERPART if self.score >= THRESHOLD else UNCERTAIN


def action_sentences(text: str) -> list[str]:
    """The measure's sentences, clauses and white space removed; a heading line is a sentence of its own."""
    pieces = ("".join(piece.split()) for piece in _SENTENCE_END.split(strip_clauses(text)))
    return [piece for piece in pieces if len(piece) >= _MIN_SENTENCE]


@lru_cache(maxsize=1 << 16)
def shared_terms(one: str, other: str) -> tuple[str, ...]:
    """The runs of characters two sentences share (at least two characters), longest first.

    Cached: plans that copy one another (counties, scaled corpora) repeat the same sentence pairs.
    """
    blocks = SequenceMatcher(None, one, other, autojunk=False).get_matching_blocks()
    runs = {one[block.a : block.a + block.size] for block in blocks if block.size >= _MIN_TERM}
    return tuple(sorted(runs, key=lambda run: (-len(run), one.index(run))))


def similar_measures(
    measures: list[tuple[str, str, str]],
    blocks: Callable[[str], Iterable[str]] | None = None,
    threshold: float = NEAR,
) -> list[SimilarPair]:
    """Pairs of ``(measure_id, plan_id, text)`` measures scoring at least ``threshold``, sorted by ids.

    ``blocks`` gives the blocks an action sentence belongs to; two sentences are only
    compared when they share one (sentences with none form one block of their own).
    Without ``blocks`` all sentences are compared.
    Each measure keeps its ``PER_PLAN`` best matches in each other plan, in its
    ``MAX_LINKS`` best plans; a pair is kept when either side kept it.
    """
    if not measures:
        return []
    ids, plans, texts = zip(*measures, strict=True)
    sentences = [action_sentences(text) or ["".join(strip_clauses(text).split())] for text in texts]
    owner = np.repeat(np.arange(len(ids)), [len(found) for found in sentences])
    flat = [sentence.lower() for found in sentences for sentence in found]
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(char_ngram_counts(flat)).astype(np.float32)
    plan_of = np.unique(plans, return_inverse=True)[1]
    found = [_score_block(matrix, members, owner, plan_of, threshold) for members in _members(flat, blocks)]
    rows, columns, scores = (np.concatenate(parts) for parts in zip(*found, strict=True))
    if not len(rows):
        return []
    rows, columns, scores = _best_sentence_pairs(rows, columns, scores, owner)
    rows, columns, scores = _strongest(rows, columns, scores, owner, plan_of)
    text_of = [sentence for found in sentences for sentence in found]
    pairs = {}
    for row, column, score in zip(rows, columns, scores, strict=True):
        one, other = (row, column) if ids[owner[row]] < ids[owner[column]] else (column, row)
        pairs[ids[owner[one]], ids[owner[other]]] = (round(float(score), 4), text_of[one], text_of[other])
    return [
        SimilarPair(source, target, score, first, second, shared_terms(first, second))
        for (source, target), (score, first, second) in sorted(pairs.items())
    ]


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


def _members(sentences: list[str], blocks: Callable[[str], Iterable[str]] | None) -> list[np.ndarray]:
    """The sentence rows of each block, in row order."""
    if blocks is None:
        return [np.arange(len(sentences))]
    grouped: dict[str | None, list[int]] = {}
    for row, sentence in enumerate(sentences):
        for block in blocks(sentence) or [_NO_TOPIC]:
            grouped.setdefault(block, []).append(row)
    return [np.array(rows) for rows in grouped.values()]


def _score_block(matrix, members: np.ndarray, owner: np.ndarray, plan_of: np.ndarray, threshold: float):
    """``(rows, columns, scores)`` of the block's sentence pairs of different plans scoring at least ``threshold``.

    One sparse product keeps only those scores (``sparse_dot_topn``, multi-threaded),
    so no dense block is ever held.
    """
    block = matrix[members]
    scores = sp_matmul_topn(
        block, block.T, top_n=len(members), threshold=threshold - _TOLERANCE, n_threads=os.cpu_count()
    ).tocoo()
    rows, columns = members[scores.row], members[scores.col]
    kept = (plan_of[owner[rows]] != plan_of[owner[columns]]) & (scores.data > 0)  # never the same plan
    return rows[kept], columns[kept], scores.data[kept]


def _best_sentence_pairs(rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, owner: np.ndarray):
    """Of scored sentence pairs, the best one of each pair of measures (ties to the lower rows)."""
    order = np.lexsort((columns, rows, -scores))
    rows, columns, scores = rows[order], columns[order], scores[order]
    measure_pair = owner[rows].astype(np.int64) * (int(owner.max()) + 1) + owner[columns]
    first = np.unique(measure_pair, return_index=True)[1]
    return rows[first], columns[first], scores[first]


def _strongest(rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, owner: np.ndarray, plan_of: np.ndarray):
    """Each measure's ``PER_PLAN`` best partners in each other plan, in its ``MAX_LINKS`` best plans.

    Ties go to the lower sentence row, so the outcome does not depend on how the pairs were chunked.
    """
    measure, partner = owner[rows], owner[columns]
    order = np.lexsort((columns, -scores, plan_of[partner], measure))
    rows, columns, scores, measure, partner = (part[order] for part in (rows, columns, scores, measure, partner))
    group = measure.astype(np.int64) * (int(plan_of.max()) + 1) + plan_of[partner]
    kept = _rank_in_runs(group) < PER_PLAN
    rows, columns, scores, measure, group = rows[kept], columns[kept], scores[kept], measure[kept], group[kept]
    plan_best = pd.Series(scores).groupby(group).transform("max").to_numpy()
    order = np.lexsort((group, -plan_best, measure))
    new_plan = np.r_[True, group[order][1:] != group[order][:-1]]
    plan_rank = _rank_in_runs(measure[order], new_plan)
    kept = order[plan_rank < MAX_LINKS]
    return rows[kept], columns[kept], scores[kept]


def _rank_in_runs(keys: np.ndarray, steps: np.ndarray | None = None) -> np.ndarray:
    """Within each run of equal, consecutive keys: 0, 1, 2 … (or how many ``steps`` came before the current one)."""
    steps = np.ones(len(keys), dtype=bool) if steps is None else steps
    counted = np.cumsum(steps)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return counted - np.repeat(counted[starts], np.diff(np.r_[starts, len(keys)]))


def topic_blocks(topics: list[Topic] | None = None) -> Callable[[str], list[str]]:
    """A sentence's blocks: the top topics its own keywords point to (``data/reference/topics.csv``).

    Per sentence, not per measure: a Hengshui paragraph touching ten topics puts each
    of its sentences only in the blocks of that sentence's words.
    """
    topics = load_topics() if topics is None else topics
    classifier = TopicClassifier(topics)
    parent = {topic.id: topic.parent or topic.id for topic in topics}
    return lambda sentence: sorted({parent[match.topic_id] for match in classifier.classify(sentence)})


def add_similarity(graph: nx.MultiDiGraph, threshold: float = NEAR) -> None:
    """Add ``SIMILAR_TO`` edges with their evidence, one per pair, from the lower measure id to the higher."""
    plans = [node for node, label in graph.nodes(data="label") if label == "Plan"]
    measures = sorted(
        (measure, plan, graph.nodes[measure]["text"])
        for plan in plans
        for _, measure, kind in graph.out_edges(plan, data="type")
        if kind == "HAS_MEASURE"
    )
    pairs = similar_measures(measures, topic_blocks(), threshold)
    for pair in pairs:
        add_edge(
            graph,
            pair.source,
            pair.target,
            "SIMILAR_TO",
            score=pair.score,
            status=pair.status,
            method=pair.method,
            source_sentence=pair.source_sentence,
            target_sentence=pair.target_sentence,
            shared_terms=list(pair.shared_terms),
        )
