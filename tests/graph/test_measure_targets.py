"""Goals stated in measure text, read by hand from the plans."""

from graph.measure_targets import find_targets
from tests.graph.conftest import edges


def _goals(text: str) -> list[tuple[str, str, float | None, str | None, int | None]]:
    return [(g.indicator.id, g.target, g.target_value, g.unit, g.target_year) for g in find_targets(text)]


def test_goals_in_handan_and_hengshui_sentences() -> None:
    assert _goals("到 2025 年，全市万元生产总值能耗较 2020 年下降 18%。") == [
        ("indicator/energy_intensity_reduction", "下降 18%", 18.0, "%", 2025)
    ]
    assert _goals(
        "到 2025 年，衡水市 PM2.5浓度确保降至 37微克/立方米，力争降至 35微克/立方米，空气质量优良天数比率确保达到 75%，力争达到 80%"
    ) == [
        ("indicator/pm25", "降至 37微克/立方米", 37.0, "μg/m3", 2025),
        ("indicator/good_air_days", "达到 75%", 75.0, "%", 2025),
    ]


def test_a_goal_belongs_to_the_clause_that_names_the_indicator() -> None:
    # Hengshui: the 40% is the reuse rate of reclaimed water, not the water intensity
    assert _goals("到 2025年，全市万元生产总值用水量完成省下达指标，城市和县城再生水利用率分别达到 40%、30%以上") == []
    # Xingtai: a share of days in % is not a number of days
    assert _goals("到 2025 年，市区重度及以上污染天气比率控制在 1.9% 以内") == []
    # a change in percentage points is kept as written but is not a level
    assert _goals("到 2025 年，全市森林覆盖率净增 1.5 个百分点以上") == [
        ("indicator/forest_cover", "净增 1.5 个百分点以上", None, "个百分点", 2025)
    ]


def test_measure_goals_in_the_graph(built) -> None:
    goals = {(u, v): d for u, v, d in edges(built.graph, "TARGETS") if "/m/" in u}
    xingtai = goals[("xingtai-eco-plan-2021-2025/m/31", "indicator/pm25")]
    assert (xingtai["target"], xingtai["target_value"], xingtai["line_start"]) == (
        "达到 40 μg/m3",
        40.0,
        215,
    )  # the measure spans 215-218; the sentence is on 217
    province = goals[("hebei-beautiful-hebei-action-plan-2023-2027/m/7", "indicator/rural_sewage_treatment")]
    assert (province["target"], province["target_year"]) == ("达到 55%", 2027)
