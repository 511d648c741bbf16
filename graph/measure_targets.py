"""Quantitative goals stated in measure text, linked to the indicator they name.

``到 2025 年，全市万元生产总值能耗较 2020 年下降 18%`` gives a TARGETS edge from the
measure to ``indicator/energy_intensity_reduction`` with target ``下降 18%`` and
value 18. An indicator is named by one of its keywords (``keywords`` column of
``data/reference/indicators.csv``); the goal is the first quantity after it in the
same clause (up to the next comma), within a short distance, with no other
indicator named between, and in a unit the indicator can be expressed in.
"""

import re
from dataclasses import dataclass
from functools import cache

from graph.indicators import Indicator, load_indicators
from graph.keywords import KeywordIndex
from graph.units import normalise_unit, to_unit
from ingest.numbering import chinese_to_int, five_year_plan_years

_SENTENCE = re.compile(r"[^。；;！？\n]+")
_CLAUSE_END = re.compile(r"[，,]")
_YEAR = re.compile(r"(20\d{2})\s*年")
_FIVE_YEAR_PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九])五")
"""A Five-Year Plan by its ordinal (``十四五``: the 14th, 2021-2025)."""
_GOAL = re.compile(
    r"(?P<verb>达到|下降|降低|降至|提高到|提高|提升至|控制在|保持在|稳定在|不低于|不高于|减少|净增|增加)\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|微克/立方米|μg/m3|个百分点|万吨|吨|亿立方米|万立方米)?\s*(?P<qualifier>以上|以下|以内|左右)?"
)
MAX_DISTANCE = 25
"""Characters allowed between an indicator's keyword and its goal."""


@dataclass(frozen=True)
class MeasureTarget:
    """A goal a measure states for an indicator."""

    indicator: Indicator
    keyword: str
    sentence: str
    target: str
    target_value: float | None
    """None for a change in percentage points (``净增 1.5 个百分点``), which is not a level."""
    unit: str | None
    target_year: int | None


@cache
def _keyword_index() -> KeywordIndex:
    """Every indicator keyword, standing for its indicator's key in ``load_indicators()``."""
    return KeywordIndex(
        (keyword, key)
        for key, indicator in load_indicators().items()
        for keyword in filter(None, (indicator.keywords or "").split("|"))
    )


def find_targets(text: str) -> list[MeasureTarget]:
    """The goals ``text`` states for known indicators, one per indicator and sentence."""
    indicators, keywords = load_indicators(), _keyword_index()
    found: list[MeasureTarget] = []
    for sentence in _SENTENCE.findall(text):
        year_match = _YEAR.search(sentence)
        year = int(year_match.group(1)) if year_match else _plan_end(sentence)
        mentions = sorted(
            {
                (occurrence.start, occurrence.end, indicators[key].id): (occurrence.keyword, indicators[key])
                for occurrence in keywords.occurrences(sentence)
                for key in occurrence.values
            }.items()
        )
        seen: set[str] = set()
        for index, ((_, end, indicator_id), (keyword, indicator)) in enumerate(mentions):
            if indicator_id in seen:
                continue
            clause_end = _CLAUSE_END.search(sentence, end)
            goal = _GOAL.search(sentence, end, clause_end.start() if clause_end else len(sentence))
            next_mention = next(
                (start for (start, _, other), _ in mentions[index + 1 :] if other != indicator_id), len(sentence)
            )
            if goal is None or goal.start() - end > MAX_DISTANCE or goal.start() > next_mention:
                continue
            unit = normalise_unit(goal["unit"]) if goal["unit"] else indicator.unit
            if goal["unit"] != "个百分点" and indicator.unit and to_unit(1.0, unit, indicator.unit) is None:
                continue
            seen.add(indicator_id)
            found.append(
                MeasureTarget(
                    indicator=indicator,
                    keyword=keyword,
                    sentence=sentence.strip(),
                    target=goal.group(0).strip(),
                    target_value=None if goal["unit"] == "个百分点" else float(goal["value"]),
                    unit=unit,
                    target_year=year,
                )
            )
    return found


def _plan_end(sentence: str) -> int | None:
    """The last year of the Five-Year Plan a sentence names (``十四五`` → 2025), or None."""
    named = _FIVE_YEAR_PLAN.search(sentence)
    return five_year_plan_years(chinese_to_int(named.group(1)))[1] if named else None
