"""Words of plan text: jieba's segmentation, with the plans' own terms kept whole.

The domain dictionary is every topic keyword (``data/reference/topics.csv``) and
indicator name and keyword (``data/reference/indicators.csv``), so that
``挥发性有机物``, ``煤炭消费总量`` and ``三线一单`` are one word each.
``object_words`` keeps the words that name things rather than actions or manners.
"""

import logging
from functools import cache, lru_cache

import jieba
import jieba.posseg

from graph.topics import load_topics
from ingest.reference import read_table

_MIN_WORD = 2  # single characters (的, 和, 水) carry little meaning alone


def domain_terms() -> set[str]:
    """The plans' terms of at least two characters: topic keywords, indicator names and keywords."""
    terms = {word for topic in load_topics() for word in topic.keywords}
    for row in read_table("indicators.csv"):
        terms.add(row["name"])
        terms.update(word for word in row["keywords"].split("|") if word)
    return {term for term in terms if len(term) >= _MIN_WORD}


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at INFO
    tokenizer = jieba.Tokenizer()
    for term in sorted(domain_terms()):
        tokenizer.add_word(term)
    return tokenizer


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (lower case) of at least two characters, in order (punctuation is never a word).

    Cached: plans that copy one another (counties, scaled corpora) repeat the same sentences.
    """
    return tuple(
        word for word in _tokenizer().lcut(text.lower()) if len(word) >= _MIN_WORD and any(c.isalnum() for c in word)
    )


@cache
def _tags() -> dict[str, str]:
    """The part-of-speech tag of each word in jieba's dictionary (``v`` verb, ``vn`` verbal noun, ``n`` noun …)."""
    return jieba.posseg.POSTokenizer(_tokenizer()).word_tag_tab


def _names_things(tag: str | None) -> bool:
    """False for verbs (``v``, ``vd``, ``vi``, but not the verbal noun ``vn``), adjectives (``a*``) and adverbs
    (``d*``); true for every other tag and for words jieba's dictionary does not have (the plans' own terms)."""
    return tag is None or not ((tag.startswith("v") and tag != "vn") or tag.startswith(("a", "d")))


@lru_cache(maxsize=1 << 16)
def object_words(text: str) -> tuple[str, ...]:
    """The ``words`` of ``text`` that name things: the objects of the plans' actions (``煤炭消费``, ``排污权``,
    ``监管``), without verbs, adjectives and adverbs (``加强``, ``严控``, ``健全``, ``积极``), so that two
    tasks worded with different verbs on the same object still match."""
    tags = _tags()
    return tuple(word for word in words(text) if _names_things(tags.get(word)))
