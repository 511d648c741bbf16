"""Splitting a flattened row's words into its cells (name, then one per value column).

Without x positions, a row is a run of words: spaces and line breaks mark both
wrapping inside a cell and the edge between cells. Each gap between two words
gets a score for how likely it is a cell edge, and the ``count - 1`` best
gaps are cut (on a tie, the later gap: names wrap over more lines than values).
Scores, first rule that applies:

* never inside parentheses (``153.45（未经 / 批复…）``);
* 4 after a name end: a unit or footnote letter (``（万吨）``, ``比率%``, ``（%）a``);
* 3 between two values (``57 42``);
* 2 after a sentence end ``。``; after a value, unless a measure word follows
  (``-- 净增`` is an edge, ``1.5 个`` is not); at a space between Chinese
  characters on one line (``全部消除 全部消除``);
* 1 after a closing parenthesis, before an opening quote, or before a value;
* -1 after ``；``/``，``/``、`` (the clause goes on); 0 otherwise.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from ingest.indicators.cells import ends_with_unit, is_value_like
from ingest.text import join_wrapped

_FOOTNOTE_LETTER = re.compile(r"^[a-z]$")
_MEASURE_WORD = re.compile(r"^(?:个|倍|以上|以下|左右|百分点)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Token:
    """A word of a flattened row: text between spaces, with its line."""

    text: str
    line: int
    starts_line: bool


def tokenize(lines: list[tuple[int, str]]) -> list[Token]:
    """Words of ``(line number, text)`` lines; a lone footnote letter stays with the word before."""
    tokens: list[Token] = []
    for number, text in lines:
        for position, word in enumerate(text.split()):
            if position and _FOOTNOTE_LETTER.match(word):
                tokens[-1] = Token(f"{tokens[-1].text} {word}", number, tokens[-1].starts_line)
            else:
                tokens.append(Token(word, number, position == 0))
    return tokens


def split_cells(tokens: list[Token], count: int) -> list[list[Token]]:
    """Cut ``tokens`` into at most ``count`` cells at the best-scoring gaps."""
    gaps = []
    depth = 0
    for at in range(1, len(tokens)):
        depth = max(0, depth + _paren_balance(tokens[at - 1].text))
        score = _score(tokens[at - 1], tokens[at]) if depth == 0 else None
        if score is not None:
            gaps.append((score, at))
    cuts = sorted(at for _, at in sorted(gaps, reverse=True)[: count - 1])
    edges = [0, *cuts, len(tokens)]
    return [tokens[start:end] for start, end in pairwise(edges) if start < end]


def join(tokens: list[Token]) -> str:
    """A cell's text: words of one line joined by a space, lines joined as wrapped text."""
    pieces: list[str] = []
    for token in tokens:
        if token.starts_line or not pieces:
            pieces.append(token.text)
        else:
            pieces[-1] += " " + token.text
    return join_wrapped(pieces)


def starts_with_value(text: str) -> bool:
    """True when the first word of ``text`` is a value (``-- 0.85``)."""
    words = text.split()
    return bool(words) and is_value_like(words[0])


def _score(before: Token, after: Token) -> int:
    left, right = before.text, after.text
    if ends_with_unit(left):
        return 4
    left_value, right_value = is_value_like(left), is_value_like(right)
    if left_value and right_value:
        return 3
    if left.endswith("。"):
        return 2
    if left_value:
        return 0 if _MEASURE_WORD.match(right) else 2
    if not after.starts_line and _CJK.match(left[-1]) and _CJK.match(right[0]):
        return 2
    if left.endswith(("）", ")")) or right.startswith("“") or right_value:
        return 1
    return -1 if left.endswith(("；", "，", "、", ";", ",")) else 0


def _paren_balance(text: str) -> int:
    return sum(text.count(mark) for mark in "（(") - sum(text.count(mark) for mark in "）)")
