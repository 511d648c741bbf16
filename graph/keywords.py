"""Every occurrence of many keywords in a text, in one pass (Aho–Corasick, ``pyahocorasick``).

Topic and indicator rules hold hundreds of keywords; testing them one regex at a
time costs a scan per keyword and measure, which dominated the build at scale.
The index finds them all in one scan; the rules then look closer only at what it
found.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class Occurrence:
    """A keyword found in a text: ``text[start:end]`` is it; ``values`` are what the keyword stands for."""

    start: int
    end: int
    keyword: str
    values: tuple[Hashable, ...]


class KeywordIndex:
    """Keywords, each standing for one or more values, found in a text in one pass.

    With ``ignore_case`` keywords and text are compared lower-cased (``pm2.5`` finds
    ``PM2.5``); positions are then those of the lower-cased text, the same as the
    text's for every script the plans use.
    """

    def __init__(self, keywords: Iterable[tuple[str, Hashable]], ignore_case: bool = False):
        self.ignore_case = ignore_case
        values: dict[str, list[Hashable]] = {}
        for keyword, value in keywords:
            if not keyword:
                raise ValueError("a keyword is empty")
            values.setdefault(self._fold(keyword), []).append(value)
        self._automaton = ahocorasick.Automaton()
        for key, found in values.items():
            self._automaton.add_word(key, (key, tuple(dict.fromkeys(found))))
        if values:
            self._automaton.make_automaton()

    def _fold(self, text: str) -> str:
        return text.lower() if self.ignore_case else text

    def occurrences(self, text: str) -> list[Occurrence]:
        """Every occurrence of every keyword, overlapping ones included, by end then start position."""
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return []
        return [
            Occurrence(end + 1 - len(key), end + 1, key, values)
            for end, (key, values) in self._automaton.iter(self._fold(text))
        ]

    def values_in(self, text: str) -> set[Hashable]:
        """The values of every keyword found in ``text``."""
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return set()
        return {value for _, (_, values) in self._automaton.iter(self._fold(text)) for value in values}
