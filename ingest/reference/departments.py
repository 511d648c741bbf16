"""The rules naming a department's kind: aliases, categories by suffix, functions, place prefixes.

``department_aliases.csv`` (abbreviation → full form, matched at the start of a name once its
place prefix is removed), ``department_categories.csv`` (name suffix → category) and
``department_functions.csv`` (kinds whose function is named differently elsewhere, matched at
the start of a kind).
"""

import re
from enum import Enum
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from ingest.reference.regions import load_regions, short_name
from ingest.reference.tables import read_table

COLLECTIVE_WORDS = ("各", "有关")
"""Words that make a unit name collective (``各县<市、区>政府``, ``有关部门``)."""
_LEVEL_WORDS = ("乡镇", "省", "市", "县", "区", "乡", "镇")
_COLLECTIVE = re.compile("|".join(COLLECTIVE_WORDS))
# "县<市、区>" / "市（含定州、辛集市）": a bracketed note after a level word stays in the prefix.
_BRACKET_NOTE = re.compile(r"[<（(][^<>（）()]{0,30}[>）)]")


class DepartmentAlias(BaseModel):
    """A rule: a kind starting with ``alias`` starts with ``canonical`` instead."""

    model_config = ConfigDict(frozen=True)

    alias: str = Field(min_length=1)
    canonical: str = Field(min_length=1)


class FunctionRule(BaseModel):
    """A rule: a kind starting with ``kind`` serves ``function`` (``建设局`` → ``住房和城乡建设``)."""

    model_config = ConfigDict(frozen=True)

    kind: str = Field(min_length=1)
    function: str = Field(min_length=1)


class Category(str, Enum):
    """What sort of unit a name denotes."""

    DEPARTMENT = "department"  # 局, 厅, 委, 办 ...
    GOVERNMENT = "government"  # 人民政府, 政府, 街道办, 镇
    COMMITTEE = "committee"  # 管委会, 筹备办
    OTHER = "other"


class CategoryRule(BaseModel):
    """A rule: a kind ending with ``suffix`` is of ``category``."""

    model_config = ConfigDict(frozen=True)

    suffix: str = Field(min_length=1)
    category: Category


class DepartmentForm(BaseModel):
    """A unit name split into its place prefix as written and its kind.

    ``市发展改革委`` gives prefix ``市``, kind ``发展和改革委员会``, category department.
    """

    model_config = ConfigDict(frozen=True)

    prefix: str
    kind: str
    category: Category


@cache
def load_department_aliases() -> tuple[DepartmentAlias, ...]:
    """Alias rules, longest alias first (so ``卫生健康委员会`` is matched before ``卫生健康委``)."""
    aliases = [DepartmentAlias.model_validate(row) for row in read_table("department_aliases.csv")]
    return tuple(sorted(aliases, key=lambda rule: len(rule.alias), reverse=True))


@cache
def load_department_categories() -> tuple[CategoryRule, ...]:
    """Category rules, longest suffix first (so ``管委会`` is matched before ``委``)."""
    rules = [CategoryRule.model_validate(row) for row in read_table("department_categories.csv")]
    return tuple(sorted(rules, key=lambda rule: len(rule.suffix), reverse=True))


@cache
def load_department_functions() -> tuple[FunctionRule, ...]:
    """Function rules, longest kind first (so ``林业和草原`` would be matched before ``林业``)."""
    rules = [FunctionRule.model_validate(row) for row in read_table("department_functions.csv")]
    return tuple(sorted(rules, key=lambda rule: len(rule.kind), reverse=True))


@cache
def department_kind(name: str) -> DepartmentForm:
    """Split a unit name into place prefix, canonical kind and category.

    Prefixes are region names (``邯郸市``, ``宁晋县``), level words (``市``, ``省``,
    ``县``, ``乡镇`` ...) optionally after ``各``/``有关`` and before a bracketed note
    (``各县<市、区>``), or a region's short name (``邯郸``, ``河北``) when what
    follows is a known kind. The longest prefix leaving a known kind wins, so
    ``市市场监管局`` loses ``市`` but ``市场监管局`` keeps it; with no known kind the
    longest region name or level word is removed.
    """
    strict, loose = ({prefix for prefix in candidates if len(prefix) < len(name)} for candidates in _prefixes(name))
    for prefix in sorted(strict | loose, key=len, reverse=True):
        kind = _expand(name[len(prefix) :])
        if kind is not None:
            return DepartmentForm(prefix=prefix, kind=kind, category=_category(kind))
    prefix = max(loose, key=len, default="")
    kind = name[len(prefix) :]
    return DepartmentForm(prefix=prefix, kind=kind, category=_category(kind))


def _prefixes(name: str) -> tuple[set[str], set[str]]:
    """Candidate prefixes: (short region names, which need a known kind after them; the rest)."""
    full, short = _place_words()
    collective = _COLLECTIVE.match(name)
    head = collective.group() if collective else ""
    strict = {head + word for word in short if name.startswith(head + word)}
    loose = {""}
    for word in full:
        if name.startswith(head + word):
            note = _BRACKET_NOTE.match(name, len(head + word))
            loose.add(head + word + (note.group() if note else ""))
    return strict, loose


@cache
def _place_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(region names and level words, region short names such as ``邯郸`` for 邯郸市)."""
    names = [region.name for region in load_regions()]
    short = {short_name(name) for name in names}
    return tuple(names) + _LEVEL_WORDS, tuple(word for word in short if len(word) >= 2)


def _expand(kind: str) -> str | None:
    """``kind`` with its leading alias replaced, or None when no rule knows it."""
    for rule in load_department_aliases():
        if kind.startswith(rule.alias):
            return rule.canonical + kind[len(rule.alias) :]
    return None


def _category(kind: str) -> Category:
    return next((rule.category for rule in load_department_categories() if kind.endswith(rule.suffix)), Category.OTHER)
