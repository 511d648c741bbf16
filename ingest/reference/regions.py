"""The Hebei region tree (``regions.csv``: GB/T 2260 codes, names, levels, parents)."""

import re
from collections.abc import Iterator
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.records import Level
from ingest.reference.tables import read_table

_SHORT_NAME_SUFFIX = re.compile(r"(?:(?:满|回|蒙古)族)*自治县$|[省市县区]$")


class Region(BaseModel):
    """A province, prefecture-level city or county-level division (county, district, county-level city)."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^\d{6}$")
    name: str
    level: Literal["province", "city", "county"]
    parent_code: str | None = None


class RegionTable:
    """Regions by code and by name, with their parent chain."""

    def __init__(self, regions: list[Region]):
        self._by_code = {region.code: region for region in regions}
        self._by_name: dict[str, list[Region]] = {}
        for region in regions:
            self._by_name.setdefault(region.name, []).append(region)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def by_code(self, code: str) -> Region:
        """The region with GB/T 2260 ``code``; KeyError if there is none."""
        return self._by_code[code]

    def by_name(self, name: str, within: str | None = None) -> Region:
        """The region called ``name`` (e.g. ``宁晋县``).

        Some names repeat (``桥西区`` is in 石家庄市 and in 张家口市): pass ``within``,
        the name or code of an ancestor, to choose. KeyError if none or several match.
        """
        found = [
            region
            for region in self._by_name.get(name, [])
            if within is None or any(within in (p.name, p.code) for p in self.parents(region))
        ]
        if len(found) != 1:
            raise KeyError(f"{len(found)} regions named {name!r}" + (f" within {within!r}" if within else ""))
        return found[0]

    def parents(self, region: Region) -> tuple[Region, ...]:
        """The ancestors of ``region``, nearest first: 宁晋县 → (邢台市, 河北省)."""
        chain = []
        while region.parent_code:
            region = self._by_code[region.parent_code]
            chain.append(region)
        return tuple(chain)

    def children(self, region: Region) -> tuple[Region, ...]:
        """The regions directly under ``region``."""
        return tuple(child for child in self if child.parent_code == region.code)

    def find_in(self, text: str) -> tuple[str, Level] | None:
        """The region ``text`` names first, as (full name, level), or None.

        Full names count (``宁晋县``), and so do the short names of provinces and
        cities (``河北`` in ``美丽河北建设行动方案``); names shared by several regions
        do not. At the same position the longer name wins (``邯郸市`` over ``邯郸``).
        """
        best: tuple[tuple[int, int], Region] | None = None
        for region in self:
            if len(self._by_name[region.name]) > 1:
                continue
            names = [region.name] if region.level == "county" else [region.name, short_name(region.name)]
            for name in names:
                at = text.find(name)
                if at >= 0 and (best is None or (at, -len(name)) < best[0]):
                    best = ((at, -len(name)), region)
        return (best[1].name, Level(best[1].level)) if best else None


def short_name(name: str) -> str:
    """A region's name without its level word (``邯郸`` for 邯郸市, ``河北`` for 河北省)."""
    return _SHORT_NAME_SUFFIX.sub("", name)


@cache
def load_regions() -> RegionTable:
    """The Hebei region tree from ``regions.csv``."""
    return RegionTable(
        [Region.model_validate({**row, "parent_code": row["parent_code"] or None}) for row in read_table("regions.csv")]
    )
