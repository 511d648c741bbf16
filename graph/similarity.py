"""Counterpart measures across plans: action sentences and whole measures compared as words.

A measure is cut into action sentences (``action_sentences``) and its text segmented
into words (``graph.words``: jieba, the plans' own terms kept whole), responsibility
clauses removed first so shared department names do not make measures alike. Two
measures of different plans are a candidate pair when a pair of their sentences has a
TF-IDF word cosine of at least ``CANDIDATE``. A candidate pair is scored by seven
features combined in a logistic function (``WEIGHTS``, ``BIAS``):

* ``sentence``: the cosine of its best pair of sentences, so a paragraph that bundles
  several tasks (Hengshui's) matches on any one of them;
* ``measure``: the cosine of the two whole measures;
* ``margin``: ``measure`` minus the mean of each side's best ``measure`` in the other
  plan (0 when each is the other's best): the plans follow one template, so a task's
  twin usually stands out among the other plan's measures;
* ``objects`` and ``objects_margin``: the same two for the measures' ``object_words``
  (verbs, adjectives and adverbs left out), so that 严控 and 控制 the same 煤炭消费总量
  count as the same task and 加强 … 风险管控 of different objects does not;
* ``topic_sentence``: the largest topic overlap of a candidate pair of sentences, and
  ``topic_measure``: that of the two whole measures. Topics are those a text's keywords
  point to (``sentence_topics``, ``data/reference/topics.csv``, whose keyword lists name
  one theme in the plans' several wordings: 碳排放权交易 and 降碳产品 are both
  ``carbon-market``); the overlap is a Jaccard index weighted by each topic's IDF (over
  sentences, or over measures), so a rare shared theme counts more than 治理能力.

A pair scoring at least ``THRESHOLD`` is a ``counterpart`` when its two plans are alike
(the cosine of the plans' whole word TF-IDF at least ``ALIKE_PLANS``: an elderly-care
plan is not, at 0.17–0.22 against the environment plans, whose measures it would
otherwise "match" through 乡村振兴 or 中期评估); any other pair scoring at least
``NEAR`` is ``uncertain`` (a near miss, kept so that a gap can be told from a
doubt). Weights and thresholds were fitted on the tuning split of the hand-labelled set
(``tests/graph/alignment``, ``benchmarks/alignment.py --fit``, ``docs/topics.md``).

Only sentences of different plans sharing a block are compared: in the build, a block
is a top topic a sentence's own keywords point to (``topic_blocks``); sentences about
no topic form one block. Within a block each plan's sentences are multiplied by those
of the plans after it, never by its own.
"""

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sparse_dot_topn import sp_matmul_topn

from graph.edges import add_edge
from graph.topics import TopicClassifier, load_topics
from graph.words import object_words, words

METHOD = "jieba-tfidf-topics-sentence-measure-objects-margin-logistic"
WEIGHTS = (4.12, 2.16, 2.93, 2.48, 3.38, 2.75, 3.27)
"""Of the features in ``Candidates.features`` order (``benchmarks/alignment.py --fit``)."""
BIAS = -4.54
THRESHOLD = 0.34
NEAR = 0.05
CANDIDATE = 0.1
"""Sentence cosine below which a pair of measures is not scored at all."""
SENTENCE_PARTNERS = 128
"""At most this many candidate sentences of later plans per sentence (its best ones), so candidates grow linearly
with the corpus: a corpus of near-copies would otherwise pair every sentence with every copy (the real corpus's
busiest sentence has 252 partners in both directions; 128 per direction changes none of its links)."""
ALIKE_PLANS = 0.25
"""Plan cosine below which two plans' measures are never counterparts (environment plans 0.31–0.68 in the corpus)."""
PER_PLAN = 5
"""At most this many counterparts of a measure in one other plan (its best ones)."""
MAX_LINKS = 10
"""At most this many other plans per measure (its best matches), so links grow linearly with the corpus."""
COUNTERPART, UNCERTAIN = "counterpart", "uncertain"
_TOLERANCE = 1e-6  # the product keeps scores *above* its threshold; a score equal to CANDIDATE counts
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
    plans_alike: bool = True
    method: str = METHOD

    @property
    def status(self) -> str:
        """``counterpart`` at or above ``THRESHOLD`` between alike plans, else ``uncertain``."""
        return COUNTERPART if self.score >= THRESHOLD and self.plans_alike else UNCERTAIN


def action_sentences(body: str) -> list[str]:
    """The sentences of a measure's ``body`` (its text without clauses), white space removed; a heading line is
    a sentence of its own."""
    pieces = ("".join(piece.split()) for piece in _SENTENCE_END.split(body))
    return [piece for piece in pieces if len(piece) >= _MIN_SENTENCE]


@lru_cache(maxsize=1 << 16)
def shared_terms(one: str, other: str) -> tuple[str, ...]:
    """The runs of characters two sentences share (at least two characters), longest first.

    Cached: plans that copy one another (counties, scaled corpora) repeat the same sentence pairs.
    """
    blocks = SequenceMatcher(None, one, other, autojunk=False).get_matching_blocks()
    runs = {one[block.a : block.a + block.size] for block in blocks if block.size >= _MIN_TERM}
    return tuple(sorted(runs, key=lambda run: (-len(run), one.index(run))))


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs of measures (rows into the measure list) with their features and best sentences."""

    first: np.ndarray
    second: np.ndarray
    features: np.ndarray
    """One row per pair: ``sentence``, ``measure``, ``margin``, ``objects``, ``objects_margin``, ``topic_sentence``,
    ``topic_measure`` (see the module docstring)."""
    first_sentence: list[str]
    second_sentence: list[str]
    plans_alike: np.ndarray
    """Whether the two plans are alike (``ALIKE_PLANS``)."""


def candidate_pairs(
    measures: list[tuple[str, str, str]], blocks: Callable[[str], Iterable[str]] | None = None
) -> Candidates:
    """The pairs of ``(measure_id, plan_id, body)`` measures of different plans with a pair of sentences
    scoring at least ``CANDIDATE``, each pair once.

    ``blocks`` gives the blocks an action sentence belongs to; two sentences are only
    compared when they share one (sentences with none form one block of their own).
    Without ``blocks`` all sentences are compared.
    """
    _, plans, bodies = zip(*measures, strict=True)
    sentences = [action_sentences(body) or ["".join(body.split())] for body in bodies]
    owner = np.repeat(np.arange(len(bodies)), [len(found) for found in sentences])
    flat = [sentence for found in sentences for sentence in found]
    tokens = [words(sentence) for sentence in flat]
    by_measure = np.split(np.arange(len(flat)), np.cumsum([len(found) for found in sentences])[:-1])
    matrix = _tfidf(tokens)
    whole = _tfidf([[word for row in rows for word in tokens[row]] for rows in by_measure])
    objects = _tfidf([[word for row in rows for word in object_words(flat[row])] for rows in by_measure])
    themes = [sentence_topics(sentence) for sentence in flat]
    plan_of = np.unique(plans, return_inverse=True)[1]
    plan_words = [[] for _ in range(plan_of.max() + 1)]
    for measure, rows in enumerate(by_measure):
        plan_words[plan_of[measure]].extend(word for row in rows for word in tokens[row])
    plan_matrix = _tfidf(plan_words)
    found = [_score_block(matrix, members, plan_of[owner]) for members in _members(flat, blocks)]
    rows, columns, scores = (np.concatenate(parts) for parts in zip(*found, strict=True))
    overlap = _sentence_topic_overlaps(themes, rows, columns)
    rows, columns, scores, overlap = _best_sentence_pairs(rows, columns, scores, owner, overlap)
    first, second = owner[rows], owner[columns]
    measure = _row_dots(whole, whole, first, second)
    shared_objects = _row_dots(objects, objects, first, second)
    measure_margin, objects_margin = _margins(first, second, plan_of, measure, shared_objects)
    measure_themes = [frozenset().union(*(themes[row] for row in rows)) for rows in by_measure]
    return Candidates(
        first,
        second,
        np.column_stack(
            [
                scores,
                measure,
                measure_margin,
                shared_objects,
                objects_margin,
                overlap,
                _weighted_jaccard(_topic_rows(measure_themes), first, second),
            ]
        ),
        [flat[row] for row in rows],
        [flat[column] for column in columns],
        (plan_matrix @ plan_matrix.T).toarray()[plan_of[first], plan_of[second]] >= ALIKE_PLANS,
    )


def _margins(first: np.ndarray, second: np.ndarray, plan_of: np.ndarray, *features: np.ndarray) -> list[np.ndarray]:
    """Each feature's value per pair minus the mean of each side's best value with a measure of the other's plan."""
    plans = int(plan_of.max()) + 1
    sides = [
        pd.factorize(one.astype(np.int64) * plans + plan_of[other])[0]
        for one, other in ((first, second), (second, first))
    ]
    return [values - (_group_max(values, sides[0]) + _group_max(values, sides[1])) / 2 for values in features]


def _group_max(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each value's maximum over the values of its group (``groups``: 0, 1, 2 … per value)."""
    best = np.full(int(groups.max(initial=-1)) + 1, -np.inf, dtype=values.dtype)
    np.maximum.at(best, groups, values)
    return best[groups]


def _row_dots(one, other, first: np.ndarray, second: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """The dot products of rows ``first[i]`` of ``one`` and ``second[i]`` of ``other``, in chunks to bound memory
    (the cosines when both are the same matrix of unit rows)."""
    return np.concatenate(
        [np.zeros(0, dtype=np.float32)]
        + [
            np.asarray(one[first[at : at + chunk]].multiply(other[second[at : at + chunk]]).sum(axis=1)).ravel()
            for at in range(0, len(first), chunk)
        ]
    )


def _topic_rows(themes: list[frozenset[str]], columns: dict[str, int] | None = None):
    """Topics as 0/1 sparse rows, one per set of ``themes``; ``columns`` numbers the topics (all of them, sorted)."""
    columns = columns or {name: index for index, name in enumerate(sorted(frozenset().union(*themes)))}
    cells = [(row, columns[theme]) for row, found in enumerate(themes) for theme in found]
    rows, places = (np.array(part, dtype=np.int64) for part in zip(*cells, strict=True)) if cells else ([], [])
    shape = (len(themes), max(len(columns), 1))
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, places)), shape=shape)


def _idf(themes) -> np.ndarray:
    """``log(rows / rows with the topic)`` over the rows of a 0/1 topic matrix: a topic every row has weighs 0."""
    carrying = np.asarray(themes.sum(axis=0)).ravel()
    return np.log(themes.shape[0] / np.maximum(carrying, 1)).astype(np.float32)


def _weighted_jaccard(themes, first: np.ndarray, second: np.ndarray, idf: np.ndarray | None = None) -> np.ndarray:
    """Per pair of rows of a 0/1 topic matrix: the IDF of their shared topics over that of all their topics
    (IDF over the rows of ``themes`` unless given)."""
    weighted = themes.multiply(_idf(themes) if idf is None else idf).tocsr()
    total = np.asarray(weighted.sum(axis=1)).ravel()
    shared = _row_dots(weighted, themes, first, second)
    union = total[first] + total[second] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _sentence_topic_overlaps(themes: list[frozenset[str]], rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The weighted Jaccard of the topics of sentences ``rows[i]`` and ``columns[i]`` (IDF over sentences).

    Computed once per distinct pair of topic sets: sentences share a few hundred sets,
    while a large corpus has tens of millions of candidate pairs.
    """
    number: dict[frozenset[str], int] = {}
    set_of = np.array([number.setdefault(found, len(number)) for found in themes], dtype=np.int64)
    distinct = list(number)
    columns_of = {name: index for index, name in enumerate(sorted(frozenset().union(*themes)))}
    idf = _idf(_topic_rows(themes, columns_of))
    pair_of, pairs = pd.factorize(set_of[rows] * len(distinct) + set_of[columns])
    overlap = _weighted_jaccard(_topic_rows(distinct, columns_of), pairs // len(distinct), pairs % len(distinct), idf)
    return overlap[pair_of]


def _tfidf(tokens: list[list[str]]):
    """Rows of unit length: sublinear TF-IDF of each list of words."""
    return TfidfVectorizer(analyzer=list, sublinear_tf=True, dtype=np.float32).fit_transform(tokens)


def combined_score(features: np.ndarray) -> np.ndarray:
    """The logistic function of the weighted features, between 0 and 1."""
    return 1 / (1 + np.exp(-(features @ np.array(WEIGHTS) + BIAS)))


def similar_measures(
    measures: list[tuple[str, str, str]],
    blocks: Callable[[str], Iterable[str]] | None = None,
    threshold: float = NEAR,
) -> list[SimilarPair]:
    """Pairs of ``(measure_id, plan_id, body)`` measures scoring at least ``threshold``, sorted by ids.

    Candidates as ``candidate_pairs`` finds them. Each measure keeps its ``PER_PLAN``
    best matches in each other plan, in its ``MAX_LINKS`` best plans; a pair is kept
    when either side kept it.
    """
    if not measures:
        return []
    ids, plans, _ = zip(*measures, strict=True)
    found = candidate_pairs(measures, blocks)
    scores = combined_score(found.features)
    kept = np.flatnonzero(scores >= threshold)
    if not len(kept):
        return []
    measure, partner = np.r_[found.first[kept], found.second[kept]], np.r_[found.second[kept], found.first[kept]]
    plan_of = np.unique(plans, return_inverse=True)[1]
    strongest = _strongest(measure, partner, np.r_[scores[kept], scores[kept]], plan_of)
    pairs = []
    for index in np.unique(kept[strongest % len(kept)]):
        one, other = found.first[index], found.second[index]
        sentences = (found.first_sentence[index], found.second_sentence[index])
        if ids[one] > ids[other]:
            one, other, sentences = other, one, sentences[::-1]
        score = round(float(scores[index]), 4)
        alike = bool(found.plans_alike[index])
        pairs.append(SimilarPair(ids[one], ids[other], score, *sentences, shared_terms(*sentences), alike))
    return sorted(pairs, key=lambda pair: (pair.source, pair.target))


def _members(sentences: list[str], blocks: Callable[[str], Iterable[str]] | None) -> list[np.ndarray]:
    """The sentence rows of each block, in row order."""
    if blocks is None:
        return [np.arange(len(sentences))]
    grouped: dict[str | None, list[int]] = {}
    for row, sentence in enumerate(sentences):
        for block in blocks(sentence) or [_NO_TOPIC]:
            grouped.setdefault(block, []).append(row)
    return [np.array(rows) for rows in grouped.values()]


def _score_block(matrix, members: np.ndarray, plan_of_row: np.ndarray):
    """``(rows, columns, scores)`` of the block's sentence pairs of different plans scoring at least ``CANDIDATE``.

    Each plan's sentences are multiplied by those of the plans after it, never by its
    own: one sparse product per plan (``sparse_dot_topn``, multi-threaded) that keeps
    only those scores, at most ``SENTENCE_PARTNERS`` per sentence, so no dense block is
    ever held. ``rows`` are of the earlier plan.
    """
    members = members[np.argsort(plan_of_row[members], kind="stable")]
    block = matrix[members]
    starts = np.flatnonzero(np.r_[True, plan_of_row[members][1:] != plan_of_row[members][:-1]])
    members = members.astype(np.int32)  # row numbers: half the memory of int64 for the many pairs
    found = [(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))]
    for start, end in zip(starts[:-1], starts[1:], strict=True):
        later = block[end:]
        scores = sp_matmul_topn(
            block[start:end],
            later.T,
            top_n=min(later.shape[0], SENTENCE_PARTNERS),
            threshold=CANDIDATE - _TOLERANCE,
            n_threads=os.cpu_count(),
        ).tocoo()
        found.append((members[start + scores.row], members[end + scores.col], scores.data))
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))


def _best_sentence_pairs(
    rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, owner: np.ndarray, also: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Of scored sentence pairs, the best one of each pair of measures (ties to the lower rows), with the largest
    ``also`` among all that pair's sentence pairs, in order of the measure pairs.

    Each measure pair's best score by grouping (no sort of all the pairs); only the pairs
    reaching it are sorted, to break ties.
    """
    if not len(rows):
        return rows, columns, scores, also
    measure_pair = owner[rows].astype(np.int64) * (int(owner.max()) + 1) + owner[columns]
    group, pairs = pd.factorize(measure_pair)
    del measure_pair
    best = np.flatnonzero(scores == _group_max(scores, group))
    best = best[np.lexsort((columns[best], rows[best], pairs[group[best]]))]
    best = best[np.r_[True, group[best][1:] != group[best][:-1]]]
    return rows[best], columns[best], scores[best], _group_max(also, group)[best]


def _strongest(measure: np.ndarray, partner: np.ndarray, scores: np.ndarray, plan_of: np.ndarray) -> np.ndarray:
    """Positions of each measure's ``PER_PLAN`` best partners in each other plan, in its ``MAX_LINKS`` best plans.

    Ties go to the lower partner row, so the outcome does not depend on the order of the pairs.
    """
    order = np.lexsort((partner, -scores, plan_of[partner], measure))
    group = measure[order].astype(np.int64) * (int(plan_of.max()) + 1) + plan_of[partner[order]]
    order, group = order[_rank_in_runs(group) < PER_PLAN], group[_rank_in_runs(group) < PER_PLAN]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    plan_best = np.repeat(scores[order][starts], np.diff(np.r_[starts, len(group)]))  # runs are sorted best first
    by_plan = np.lexsort((group, -plan_best, measure[order]))
    new_plan = np.r_[True, group[by_plan][1:] != group[by_plan][:-1]]
    return order[by_plan[_rank_in_runs(measure[order][by_plan], new_plan) < MAX_LINKS]]


def _rank_in_runs(keys: np.ndarray, steps: np.ndarray | None = None) -> np.ndarray:
    """Within each run of equal, consecutive keys: 0, 1, 2 … (or how many ``steps`` came before the current one)."""
    steps = np.ones(len(keys), dtype=bool) if steps is None else steps
    counted = np.cumsum(steps)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return counted - np.repeat(counted[starts], np.diff(np.r_[starts, len(keys)]))


@cache
def _classifier() -> tuple[TopicClassifier, dict[str, str]]:
    """The classifier of ``data/reference/topics.csv`` and each topic's top topic."""
    topics = load_topics()
    return TopicClassifier(topics), {topic.id: topic.parent or topic.id for topic in topics}


@lru_cache(maxsize=1 << 16)
def sentence_topics(sentence: str) -> frozenset[str]:
    """The topics a sentence's own keywords point to (``data/reference/topics.csv``), sub-topics with their top topics.

    Cached: plans that copy one another (counties, scaled corpora) repeat the same sentences.
    """
    return frozenset(match.topic_id for match in _classifier()[0].classify(sentence))


def topic_blocks(sentence: str) -> list[str]:
    """A sentence's blocks: the top topics of its ``sentence_topics``.

    Per sentence, not per measure: a Hengshui paragraph touching ten topics puts each
    of its sentences only in the blocks of that sentence's words.
    """
    parent = _classifier()[1]
    return sorted({parent[topic] for topic in sentence_topics(sentence)})


def add_similarity(graph: nx.MultiDiGraph, threshold: float = NEAR) -> None:
    """Add ``SIMILAR_TO`` edges with their evidence, one per pair, from the lower measure id to the higher."""
    plans = [node for node, label in graph.nodes(data="label") if label == "Plan"]
    measures = sorted(
        (measure, plan, graph.nodes[measure]["body"])
        for plan in plans
        for _, measure, kind in graph.out_edges(plan, data="type")
        if kind == "HAS_MEASURE"
    )
    pairs = similar_measures(measures, topic_blocks, threshold)
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
