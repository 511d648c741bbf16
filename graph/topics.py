"""Topics of measures: the plans' own themes, assigned by transparent keyword rules.

The taxonomy is ``data/reference/topics.csv`` (``id,parent,name_zh,name_en,keywords``,
keywords ``|``-separated, as written in the plans); ``docs/topics.md`` explains it.
A measure is ABOUT a topic when its text, responsibility clauses removed, contains
one of the topic's keywords or one of its sub-topics' keywords (so a sub-topic
implies its top topic). ``hits`` counts the occurrences, a longer keyword winning
over a shorter one it contains (``地下水超采`` is one hit, not also ``地下水``);
``main`` marks, among the measure's topics of the same level, those with the most
hits (ties are all main).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph.edges import add_edge
from graph.keywords import KeywordIndex
from ingest.reference import read_table
from ingest.text import without_spaces


@dataclass(frozen=True)
class Topic:
    """A theme of the plans; ``parent`` is None for a top topic."""

    id: str
    parent: str | None
    name_zh: str
    name_en: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TopicMatch:
    """Why a measure is about a topic: the distinct keywords found (in order of first occurrence) and their occurrences."""

    topic_id: str
    keywords: tuple[str, ...]
    hits: int
    main: bool


def topic_node_id(topic_id: str) -> str:
    """The graph node id of a topic: ``topic/<id>``."""
    return f"topic/{topic_id}"


def load_topics() -> list[Topic]:
    """The taxonomy of ``data/reference/topics.csv``, in file order; ValueError if it is not well formed."""
    topics = [
        Topic(
            id=row["id"],
            parent=row["parent"] or None,
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            keywords=tuple(word for word in row["keywords"].split("|") if word),
        )
        for row in read_table("topics.csv")
    ]
    check_topics(topics)
    return topics


def check_topics(topics: list[Topic]) -> None:
    """ValueError unless ids are unique, parents exist and are top topics, and keywords are non-empty and unique."""
    ids = [topic.id for topic in topics]
    if len(set(ids)) != len(ids):
        raise ValueError("topic ids repeat")
    tops = {topic.id for topic in topics if topic.parent is None}
    seen: set[str] = set()
    for topic in topics:
        if topic.parent is not None and topic.parent not in tops:
            raise ValueError(f"{topic.id}: parent {topic.parent!r} is not a top topic")
        if not topic.keywords:
            raise ValueError(f"{topic.id}: no keywords")
        if repeated := seen.intersection(topic.keywords):
            raise ValueError(f"{topic.id}: keywords {sorted(repeated)} already belong to another topic")
        seen.update(topic.keywords)


class TopicClassifier:
    """The taxonomy's keyword rules, compiled once, to classify many measures.

    Each topic gets a regex of its own and its sub-topics' keywords (longest first,
    any case); an index of every keyword finds the few topics a text can match in one
    pass, and only their regexes are run.
    """

    def __init__(self, topics: list[Topic]):
        self._rules: list[tuple[Topic, re.Pattern, dict[str, str]]] = []
        owners = []
        for topic in topics:
            words = [*topic.keywords, *(w for sub in topics if sub.parent == topic.id for w in sub.keywords)]
            alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
            self._rules.append((topic, re.compile(alternatives, re.IGNORECASE), {w.casefold(): w for w in words}))
            owners.extend((word, topic.id) for word in words)
        self._index = KeywordIndex(owners, ignore_case=True)

    def classify(self, text: str) -> list[TopicMatch]:
        """The topics a text (a measure's ``body``, a sentence) is about, in taxonomy order (white space ignored)."""
        body = without_spaces(text)
        candidates = self._index.values_in(body)
        found = []
        for topic, pattern, spelling in self._rules:
            if topic.id in candidates:
                words = [spelling[match.group().casefold()] for match in pattern.finditer(body)]
                if words:
                    found.append((topic, words))
        best = {}
        for topic, words in found:
            level = topic.parent is None
            best[level] = max(best.get(level, 0), len(words))
        return [
            TopicMatch(
                topic_id=topic.id,
                keywords=tuple(dict.fromkeys(words)),
                hits=len(words),
                main=len(words) == best[topic.parent is None],
            )
            for topic, words in found
        ]


def add_topics(graph: nx.MultiDiGraph, topics: list[Topic] | None = None) -> None:
    """Add Topic nodes, ``BROADER`` (sub-topic → top topic) and ``ABOUT`` (Measure → Topic) edges."""
    topics = load_topics() if topics is None else topics
    classifier = TopicClassifier(topics)
    for topic in topics:
        node = topic_node_id(topic.id)
        graph.add_node(
            node,
            label="Topic",
            id=node,
            name=topic.name_zh,
            name_en=topic.name_en,
            parent=topic_node_id(topic.parent) if topic.parent else None,
            keywords=list(topic.keywords),
        )
    for topic in topics:
        if topic.parent:
            add_edge(graph, topic_node_id(topic.id), topic_node_id(topic.parent), "BROADER")
    for measure, text in list(_measures(graph)):
        for match in classifier.classify(text):
            add_edge(
                graph,
                measure,
                topic_node_id(match.topic_id),
                "ABOUT",
                keywords=list(match.keywords),
                hits=match.hits,
                main=match.main,
            )


def _measures(graph: nx.MultiDiGraph) -> Iterable[tuple[str, str]]:
    return ((node, data["body"]) for node, data in graph.nodes(data=True) if data["label"] == "Measure")
