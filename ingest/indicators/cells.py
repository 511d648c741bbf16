"""One table cell's text: markup cleaning, name/unit split, literal to number.

Decisions, shared by every layout:

* A literal is kept as printed (markup stripped); an empty cell is ``None``.
* Placeholders ``--``, ``----``, ``—`` stay as literals, their value is ``None``.
* The value is a float only when the literal is one number, allowing a bound
  (``≤29``, ``17以上``), a percent sign (``100%``), footnote markers (``37*``),
  square brackets of a five-year sum (``[2.83]``) and a trailing remark in
  parentheses (``153.45（未经批复…）``). Ranges (``56—68.9``) and words are ``None``.
* Footnote markers are ``*``, circled digits (``①``) and, after a name, one
  lower-case Latin letter (``（%）a``, ``红线面积 c``).
"""

import re
from dataclasses import dataclass

from ingest.text import without_spaces

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_CIRCLED_MARK = re.compile(f"[{_CIRCLED}]")
_STAR_MARK = re.compile(r"[*＊]{1,3}$")
_NAME_LETTER_MARK = re.compile(r"(?<=[）)\u4e00-\u9fff%\s]) ?([a-z])$")

_UNIT = re.compile(
    r"%|％|‰|[uμ]g/m[3³]|mg/[lL]|[万亿千百]?(?:吨标准煤|吨|立方米|平方千米|平方公里|公顷|亩|千米|公里|个|天|家|座|辆|千瓦时|千瓦)"
)
_TRAILING_PARENS = re.compile(r"[（(]([^（）()]{1,20})[)）]$")
_BARE_UNIT = re.compile(r"(%|％|[uμ]g/m[3³])$")

_NUMBER = r"\d+(?:\.\d+)?"
_SINGLE_NUMBER = re.compile(rf"^\[?[≤≥<>＜＞]?({_NUMBER})[%％]?(?:以上|以下|左右)?\]?(?:[（(][^（）()]*[)）])?$")
_RANGE = re.compile(rf"^{_NUMBER}[%％]?[—\-~～至]{{1,4}}{_NUMBER}[%％]?$")
_PLACEHOLDER = re.compile(r"^[-—–－]+$")


@dataclass(frozen=True)
class Name:
    """An indicator name cell split into name, unit and footnote markers."""

    name: str
    unit: str | None
    footnotes: tuple[str, ...]


@dataclass(frozen=True)
class Value:
    """A value cell: the literal as printed, its number if it is one, its markers."""

    literal: str | None
    value: float | None
    footnotes: tuple[str, ...]


def split_name(text: str) -> Name:
    """Split ``细颗粒物（PM2.5）浓度（ug/m3）`` into name and unit; take off footnote markers.

    The unit is the trailing parenthesis when it holds a unit (``（%）``, ``(吨)``,
    ``（万平方千米）``), or a bare ``%`` / ``μg/m3`` ending the name. Parentheses
    holding anything else (``（PM2.5）``, ``（EQI）``) stay in the name.
    """
    name, footnotes = _take_markers(text.strip(), letters=True)
    match = _unit_match(name)
    if match is None or match.start() == 0:
        return Name(name=name, unit=None, footnotes=footnotes)
    unit = without_spaces(match.group(1))
    return Name(name=name[: match.start()].rstrip(), unit=unit, footnotes=footnotes)


def parse_value(text: str | None) -> Value:
    """Parse a value cell; see the module docstring for the rules."""
    literal = (text or "").strip() or None
    if literal is None:
        return Value(None, None, ())
    bare, footnotes = _take_markers(literal, letters=False)
    match = _SINGLE_NUMBER.match(without_spaces(bare))
    return Value(literal, float(match.group(1)) if match else None, footnotes)


def is_value_like(text: str) -> bool:
    """True for a token that is a whole value by its form: a number, range or placeholder."""
    bare = without_spaces(_take_markers(text, letters=False)[0])
    return bool(_SINGLE_NUMBER.match(bare) or _RANGE.match(bare) or _PLACEHOLDER.match(bare))


def ends_with_unit(text: str) -> bool:
    """True when ``text`` ends the way a name cell ends: with a unit or a footnote letter."""
    if is_value_like(text):
        return False
    bare, footnotes = _take_markers(text, letters=True)
    return bool(footnotes and footnotes[-1].isalpha()) or _unit_match(bare) is not None


def _unit_match(text: str) -> re.Match[str] | None:
    """The unit ending ``text``, in parentheses (``（万吨）``) or bare (``比率%``)."""
    parens = _TRAILING_PARENS.search(text)
    if parens and _UNIT.fullmatch(without_spaces(parens.group(1))):
        return parens
    return _BARE_UNIT.search(text)


def take_circled(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove circled-digit footnote markers (``量②``) and return them."""
    return _CIRCLED_MARK.sub("", text), tuple(_CIRCLED_MARK.findall(text))


def _take_markers(text: str, letters: bool) -> tuple[str, tuple[str, ...]]:
    """Take trailing ``*`` (and, when ``letters``, one trailing letter) off; list circled digits."""
    markers = list(_CIRCLED_MARK.findall(text))
    star = _STAR_MARK.search(text)
    if star:
        markers.append("*")
        text = text[: star.start()].rstrip()
    letter = _NAME_LETTER_MARK.search(text) if letters else None
    if letter:
        markers.append(letter.group(1))
        text = text[: letter.start()].rstrip()
    return text, tuple(markers)
