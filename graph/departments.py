"""One Department per real body: unit names as written resolved to their government.

``市生态环境局`` in Handan's plan is ``邯郸市生态环境局``; in Xingtai's it is
``邢台市生态环境局``: same ``kind``, different bodies. The place prefix says
which government a unit belongs to (``省`` → the province above the document's
region, ``市`` → the city, no prefix → the document's own region); collective
names such as ``各县<市、区>政府`` stay one node per document region.
"""

import re
from dataclasses import dataclass

from ingest.reference import Region, RegionTable
from ingest.reference.departments import COLLECTIVE_WORDS, department_kind, load_department_functions

_BUREAU_SUFFIX = re.compile(r"(?<=.)(?:厅|局|委员会)$")
_LEVEL_OF_WORD = {"省": "province", "市": "city", "县": "county", "区": "county"}


@dataclass(frozen=True)
class Department:
    """A canonical body: its id, normalised name, kind, category and government."""

    id: str
    name: str
    kind: str
    function: str
    category: str
    level: str
    region: Region
    collective: bool


def resolve_department(unit: str, home: Region, regions: RegionTable) -> Department:
    """The body that ``unit`` (a name as written) denotes in a document of region ``home``."""
    form = department_kind(unit)
    if form.prefix.startswith(COLLECTIVE_WORDS):
        word = form.prefix.lstrip("".join(COLLECTIVE_WORDS))[:1]
        return Department(
            id=f"dept/{home.code}/{unit}",
            name=home.name + unit,
            kind=form.kind,
            function=function_of(form.kind),
            category=form.category.value,
            level=_LEVEL_OF_WORD.get(word, "township"),
            region=home,
            collective=True,
        )
    region = _government(form.prefix, home, regions)
    short = _short(region.name)
    name = form.kind if region.name in form.kind or form.kind.startswith(short) else region.name + form.kind
    return Department(
        id=f"dept/{region.code}/{form.kind}",
        name=name,
        kind=form.kind,
        function=function_of(form.kind),
        category=form.category.value,
        level=region.level,
        region=region,
        collective=False,
    )


def function_of(kind: str) -> str:
    """The function a kind of body serves, the same at every level and in every government.

    A kind named differently elsewhere takes its function from ``department_functions.csv``
    (建设局 → 住房和城乡建设); any other is its kind without 厅, 局 or 委员会, so the
    province's 生态环境厅 lines up with the cities' 生态环境局, and 发展和改革委员会 with
    a county's 发展和改革局.
    """
    rule = next((rule for rule in load_department_functions() if kind.startswith(rule.kind)), None)
    return rule.function if rule else _BUREAU_SUFFIX.sub("", kind)


def _government(prefix: str, home: Region, regions: RegionTable) -> Region:
    """The region a prefix names, seen from a document of region ``home``."""
    if not prefix:
        return home
    chain = (home, *regions.parents(home))
    word = prefix[:1] if len(prefix) == 1 or prefix[1:2] in "<（(" else None
    if word in _LEVEL_OF_WORD:
        return next((region for region in chain if region.level == _LEVEL_OF_WORD[word]), home)
    named = regions.find_in(prefix)
    return regions.by_name(named[0]) if named else home


def _short(name: str) -> str:
    return name[:-1] if name.endswith(("省", "市", "县", "区")) else name
