"""Indicator tables: facts read by hand from the corpus, cell rules, and made-up bad input."""

import time
from pathlib import Path

import pytest

from ingest.indicators import TableResult, parse_indicator_tables
from ingest.indicators.cells import parse_value, split_name
from ingest.records import IndicatorRow, Severity
from ingest.source import read_source, source_from_text

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
NINGJIN = "ningjin-gazette-2023-01.txt"


def _parse_file(name: str, first: int = 1, last: int | None = None, document_id: str = "doc") -> TableResult:
    source = read_source(RAW / name)
    lines = [line for line in source.lines if first <= line.number and (last is None or line.number <= last)]
    return parse_indicator_tables(document_id, lines, source)


def _parse_text(text: str) -> TableResult:
    source = source_from_text(text, "made-up.txt")
    return parse_indicator_tables("doc", source.lines, source)


def _row(result: TableResult, name: str, table: int | None = None) -> IndicatorRow:
    found = [row for row in result.rows if row.name == name and (table is None or f"/ind/{table}." in row.id)]
    assert len(found) == 1, [row.name for row in result.rows]
    return found[0]


@pytest.fixture(scope="module")
def handan() -> TableResult:
    return _parse_file("handan-eco-plan-2021-2025.txt")


@pytest.fixture(scope="module")
def xingtai() -> TableResult:
    return _parse_file("xingtai-eco-plan-2021-2025.txt")


@pytest.fixture(scope="module")
def hengshui() -> TableResult:
    return _parse_file("hengshui-eco-plan-2021-2025.txt")


@pytest.fixture(scope="module")
def jingjinji() -> TableResult:
    return _parse_file(NINGJIN, 697, 1034, "ningjin-3")


@pytest.fixture(scope="module")
def ningjin_eco() -> TableResult:
    return _parse_file(NINGJIN, 1035, None, "ningjin-4")


def _attributes(result: TableResult) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in result.rows:
        counts[row.attribute or ""] = counts.get(row.attribute or "", 0) + 1
    return counts


# ---------------------------------------------------------------- Handan: cell per line, vertical categories


def test_handan_table_shape(handan: TableResult) -> None:
    assert handan.problems == []
    assert len(handan.rows) == 19  # 16 indicators, row 8 in four sub-rows
    assert {row.table for row in handan.rows} == {"“十四五”生态环境保护主要指标"}
    assert [row.id for row in handan.rows[:2]] == ["doc/ind/1.1", "doc/ind/1.2"]
    assert list(dict.fromkeys(row.category for row in handan.rows)) == [
        "环境治理",
        "应对气候变化",
        "环境风险防控",
        "生态保护",
    ]
    assert _attributes(handan) == {"约束性": 14, "预期性": 5}
    assert set(range(142, 248)) <= handan.consumed
    assert 141 not in handan.consumed and 248 not in handan.consumed


def test_handan_pm25(handan: TableResult) -> None:
    row = _row(handan, "细颗粒物（PM2.5）浓度")
    assert (row.category, row.number, row.unit) == ("环境治理", "1", "ug/m3")
    assert (row.baseline_year, row.baseline, row.baseline_value) == (2020, "57", 57.0)
    assert (row.target_year, row.target, row.target_value) == (2025, "42", 42.0)
    assert (row.attribute, row.attribute_inherited) == ("约束性", False)
    assert (row.span.line_start, row.span.line_end) == (164, 164)


def test_handan_merged_row_8(handan: TableResult) -> None:
    cod = _row(handan, "化学需氧量重点工程减排量")
    assert (cod.number, cod.target, cod.attribute, cod.attribute_inherited) == ("8", "1.65", "约束性", False)
    assert (cod.span.line_start, cod.span.line_end) == (178, 182)
    nh3 = _row(handan, "氨氮重点工程减排量")
    assert (nh3.number, nh3.unit, nh3.baseline, nh3.baseline_value) == ("8", "万吨", "--", None)
    assert (nh3.target, nh3.target_value, nh3.attribute, nh3.attribute_inherited) == ("0.075", 0.075, "约束性", True)
    vocs = _row(handan, "挥发性有机物（VOCs）重点工程减排量")
    assert (vocs.unit, vocs.target_value, vocs.attribute_inherited, vocs.category) == ("万吨", 0.85, True, "环境治理")
    assert (vocs.span.line_start, vocs.span.line_end) == (188, 191)


def test_handan_wrapped_and_odd_rows(handan: TableResult) -> None:
    soil = _row(handan, "建设用地土壤污染修复和风险管控措施覆盖率")
    assert (soil.number, soil.unit, soil.target, soil.category) == ("13", "%", "100", "环境风险防控")
    assert (soil.span.line_start, soil.span.line_end) == (225, 229)
    forest = _row(handan, "森林覆盖率")
    assert (forest.target, forest.target_value, forest.attribute) == ("净增 1.5 个百分点以上", None, "约束性")
    assert _row(handan, "地表水达到或好于Ⅲ类水体比例").target == "达到省要求"
    assert _row(handan, "生态保护红线面积").unit == "万平方千米"
    eqi = _row(handan, "生态质量指数（EQI）")
    assert (eqi.unit, eqi.target, eqi.attribute) == (None, "稳中向好", "预期性")
    co2 = _row(handan, "单位地区生产总值二氧化碳排放量降低")
    assert (co2.category, co2.number, co2.target_value) == ("应对气候变化", "9", 22.0)


# ---------------------------------------------------------------- Xingtai: markdown


def test_xingtai_table(xingtai: TableResult) -> None:
    assert xingtai.problems == []
    assert len(xingtai.rows) == 19
    assert xingtai.consumed == set(range(83, 106))
    pm = _row(xingtai, "市城区PM2.5年平均浓度")
    assert (pm.unit, pm.baseline_value, pm.target_value, pm.attribute) == ("μg/m3", 53.0, 40.0, "约束性")
    assert (pm.cumulative, pm.cumulative_value) == ("--", None)


def test_xingtai_shifted_subrows(xingtai: TableResult) -> None:
    assert _row(xingtai, "化学需氧量重点工程减排量").cumulative_value == 13900.0
    nh3 = _row(xingtai, "氨氮重点工程减排量")
    assert (nh3.number, nh3.unit, nh3.baseline, nh3.target) == ("8", "吨", "--", "--")
    assert (nh3.cumulative, nh3.cumulative_value, nh3.attribute, nh3.attribute_inherited) == (
        "500",
        500.0,
        "约束性",
        True,
    )
    assert _row(xingtai, "挥发性有机物重点工程减排量").cumulative == "3500"


def test_xingtai_other_rows(xingtai: TableResult) -> None:
    red = _row(xingtai, "生态保护红线面积")
    assert (red.unit, red.baseline_value, red.target, red.category) == (
        "平方公里",
        1201.8,
        "生态功能不降低、性质不改变",
        "生态保护",
    )
    co2 = _row(xingtai, "单位地区生产总值二氧化碳排放量降低")
    assert (co2.category, co2.cumulative, co2.cumulative_value) == ("应对气候变化", "达到省要求", None)


# ---------------------------------------------------------------- Hengshui: two flattened tables


def test_hengshui_tables(hengshui: TableResult) -> None:
    assert hengshui.problems == []
    tables = [row.table for row in hengshui.rows]
    assert tables.count("表 1 “十三五”规划重点指标完成情况一览表") == 19
    assert tables.count("表 2 “十四五”生态环境保护指标一览表") == 20
    assert {52, 66, 186, 190, 631, 738, 807, 809, 827} <= hengshui.consumed  # titles, headers, notes
    assert not {51, 191, 630, 829} & hengshui.consumed


def test_hengshui_pm25(hengshui: TableResult) -> None:
    row = _row(hengshui, "市区城市 PM2.5年均浓度", table=2)
    assert (row.id, row.category, row.number, row.unit) == ("doc/ind/2.1", "环境治理", "1", "μg/m3")
    assert (row.baseline, row.baseline_value, row.target, row.target_value) == ("52", 52.0, "37*", 37.0)
    assert (row.footnotes, row.attribute) == (("*",), "约束性")
    assert (row.span.line_start, row.span.line_end) == (650, 651)


def test_hengshui_table_2_odd_rows(hengshui: TableResult) -> None:
    cod = _row(hengshui, "化学需氧量重点工程减排量", table=2)
    assert (cod.unit, cod.footnotes, cod.baseline, cod.target_value) == ("吨", ("b",), "较 2015下降比例 25.4%", 11300.0)
    red = _row(hengshui, "衡水市生态保护红线面积", table=2)
    assert (red.baseline, red.baseline_value) == ("153.45（未经批复，以最终批复为准）", 153.45)
    assert (red.target, red.footnotes, red.attribute) == ("生态保护红线面积不减少", ("c",), "约束性")
    energy = _row(hengshui, "单位地区生产总值能耗消耗累计下降", table=2)  # after the repeated header
    assert (energy.category, energy.baseline_value, energy.target, energy.target_value) == (
        "应对气候变化",
        20.3,
        "17以上",
        17.0,
    )
    county = _row(hengshui, "县城环境空气优良天数比例", table=2)
    assert (county.baseline, county.baseline_value, county.target) == ("56—68.9", None, "完成市定目标")
    assert _row(hengshui, "地表水国省考断面达到或好于Ⅲ水体比例", table=2).footnotes == ("a",)
    water = _row(hengshui, "地下水压采量", table=2)
    assert (water.unit, water.cumulative, water.cumulative_value, water.footnotes) == (
        "亿立方米",
        "[2.83]",
        2.83,
        ("d",),
    )
    assert _row(hengshui, "受污染耕地治理和管控措施覆盖率", table=2).attribute == "预期性"  # as printed


def test_hengshui_table_1_completion(hengshui: TableResult) -> None:
    """表 1 columns 2020年目标 | 2020年完成情况 | 是否完成目标: target, achieved and met, no baseline."""
    rows = [row for row in hengshui.rows if row.table.startswith("表 1")]
    assert len(rows) == 19 and all(row.progress and row.baseline is None for row in rows)
    assert not any(row.progress for row in hengshui.rows if row.table.startswith("表 2"))
    pm = _row(hengshui, "细颗粒物（PM2.5）浓度下降", table=1)
    assert (pm.category, pm.target_year, pm.target) == ("大气", 2020, "“十三五”规划指标为 65；省定任务①54")
    assert (pm.achieved_year, pm.achieved, pm.achieved_value, pm.met, pm.footnotes) == (2020, "52", 52.0, "是", ("①",))
    surface = _row(hengshui, "地表水质量达到或好于Ⅲ类水体比例", table=1)  # line 101: 55 80 是
    assert (surface.target, surface.target_value, surface.achieved, surface.achieved_value) == ("55", 55.0, "80", 80.0)
    worse = _row(hengshui, "地表水质量劣 V类水体比例", table=1)
    assert (worse.target, worse.target_value, worse.achieved) == ("≤29", 29.0, "劣 V类全部消除")
    heavy = _row(hengshui, "市区重度及以上污染天数", table=1)
    assert (heavy.target, heavy.achieved, heavy.unit) == ("35", "15", "天")
    assert _row(hengshui, "受污染耕地安全利用率", table=1).achieved == "我市无受污染耕地"
    cod = _row(hengshui, "化学需氧量排放量", table=1)
    assert (cod.category, cod.unit, cod.achieved, cod.met, cod.footnotes) == (
        "污染物排放总量",
        "吨",
        "完成",
        "是",
        ("②",),
    )
    assert cod.target.startswith("2020年目标 65690，省定减排比例要求")
    stock = _row(hengshui, "森林蓄积量", table=1)
    assert (stock.category, stock.unit, stock.target_value, stock.achieved_value, stock.met) == (
        "生态状况",
        "万立方米",
        462.9,
        486.9,
        "是",
    )
    vocs = _row(hengshui, "挥发性有机物排放总量减少", table=1)
    assert (vocs.target, vocs.achieved, vocs.met) == ("—", "—", "—")
    assert _row(hengshui, "市区城市 PM2.5年均浓度", table=2).met is None


# ---------------------------------------------------------------- Ningjin gazette: tab-separated, one document each


def test_ningjin_jingjinji_table(jingjinji: TableResult) -> None:
    assert jingjinji.problems == []
    assert len(jingjinji.rows) == 13
    assert _attributes(jingjinji) == {"约束性": 9, "预期性": 4}
    assert {row.table for row in jingjinji.rows} == {"表 1 宁晋县建设京津冀生态环境支撑区“十四五”规划指标表"}
    assert [row.category for row in jingjinji.rows].count("生态建设") == 4
    assert jingjinji.rows[0].id == "ningjin-3/ind/1.1"
    assert {763, 765, 781} <= jingjinji.consumed


def test_ningjin_jingjinji_rows(jingjinji: TableResult) -> None:
    pm = _row(jingjinji, "细颗粒物（PM2.5）年均浓度")
    assert (pm.category, pm.number, pm.unit, pm.baseline_value, pm.target_value) == (
        "环境质量",
        None,
        "μg/m3",
        64.0,
        40.0,
    )
    energy = _row(jingjinji, "单位地区生产总值能源消耗降低")
    assert (energy.baseline, energy.cumulative, energy.cumulative_value, energy.footnotes) == (
        "—",
        "达到市要求*",
        None,
        ("*",),
    )
    wetland = _row(jingjinji, "湿地面积")
    assert (wetland.unit, wetland.baseline_value, wetland.attribute) == ("亩", 17658.75, "约束性")


def test_ningjin_eco_table(ningjin_eco: TableResult) -> None:
    assert ningjin_eco.problems == []
    assert len(ningjin_eco.rows) == 19
    assert ningjin_eco.consumed == set(range(1167, 1193))
    pm = _row(ningjin_eco, "县城 PM2.5年平均浓度")
    assert (pm.unit, pm.baseline, pm.target, pm.cumulative) == ("μg/m³", "64", "40", "--")
    nox = _row(ningjin_eco, "氮氧化物重点工程减排量")
    assert (nox.number, nox.cumulative_value, nox.attribute, nox.attribute_inherited) == ("8", 707.0, "约束性", True)
    nh3 = _row(ningjin_eco, "氨氮重点工程减排量")
    assert (nh3.number, nh3.cumulative, nh3.attribute_inherited) == ("8", "43", False)
    forest = _row(ningjin_eco, "林木覆盖率")  # after a repeated header
    assert (forest.category, forest.number, forest.baseline_value, forest.target_value) == (
        "生态保护",
        "16",
        22.8,
        23.5,
    )
    assert _row(ningjin_eco, "单位地区生产总值能耗降低").cumulative == "达到邢台市要"  # cut short as printed
    assert _row(ningjin_eco, "地表水达到或好于Ⅲ类水体比例").category == "环境治理"


@pytest.mark.parametrize(
    ("name", "first", "last"), [(NINGJIN, 27, 196), ("hebei-beautiful-hebei-action-plan-2023-2027.txt", 1, None)]
)
def test_documents_without_tables(name: str, first: int, last: int | None) -> None:
    result = _parse_file(name, first, last)
    assert (result.rows, result.problems, result.consumed) == ([], [], set())


@pytest.mark.parametrize("name", ["handan-eco-plan-2021-2025.txt", "hengshui-eco-plan-2021-2025.txt", NINGJIN])
def test_rows_lie_in_consumed_lines_and_ids_are_unique(name: str) -> None:
    result = _parse_file(name)
    assert len({row.id for row in result.rows}) == len(result.rows)
    for row in result.rows:
        assert set(range(row.span.line_start, row.span.line_end + 1)) <= result.consumed


# ---------------------------------------------------------------- cell rules


@pytest.mark.parametrize(
    ("literal", "value", "footnotes"),
    [
        ("37*", 37.0, ("*",)),
        ("≤29", 29.0, ()),
        ("17以上", 17.0, ()),
        ("100%", 100.0, ()),
        ("[2.83]", 2.83, ()),
        ("56—68.9", None, ()),
        ("--", None, ()),
        ("----", None, ()),
        ("达到市要求*", None, ("*",)),
        ("稳中向好", None, ()),
    ],
)
def test_parse_value(literal: str, value: float | None, footnotes: tuple[str, ...]) -> None:
    parsed = parse_value(literal)
    assert (parsed.literal, parsed.value, parsed.footnotes) == (literal, value, footnotes)


def test_parse_value_empty_cell() -> None:
    assert parse_value("").literal is None and parse_value(None).value is None


@pytest.mark.parametrize(
    ("text", "name", "unit", "footnotes"),
    [
        ("细颗粒物（PM2.5）浓度（ug/m3）", "细颗粒物（PM2.5）浓度", "ug/m3", ()),
        ("生态质量指数（EQI）", "生态质量指数（EQI）", None, ()),
        ("地表水国省考断面达到或好于Ⅲ水体比例（%）a", "地表水国省考断面达到或好于Ⅲ水体比例", "%", ("a",)),
        ("衡水市生态保护红线面积 c", "衡水市生态保护红线面积", None, ("c",)),
        ("市区城市 PM2.5年均浓度μg/m3", "市区城市 PM2.5年均浓度", "μg/m3", ()),
        ("生态保护红线面积(平方公里)", "生态保护红线面积", "平方公里", ()),
    ],
)
def test_split_name(text: str, name: str, unit: str | None, footnotes: tuple[str, ...]) -> None:
    parts = split_name(text)
    assert (parts.name, parts.unit, parts.footnotes) == (name, unit, footnotes)


# ---------------------------------------------------------------- made-up and bad input

_FLAT_HEADER = "某市“十四五”生态环境保护主要指标\n类\n别\n序\n号\n指    标 2020 年 2025 年\n指标\n属性\n"


def test_new_city_in_handan_style_parses() -> None:
    result = _parse_text(
        "前言。\n"
        + _FLAT_HEADER
        + "生\n态\n1 森林覆盖率（%） 30 32 约束性\n2\n湿地保护率\n（%）\n-- 50 预期性\n三、其他\n"
    )
    assert result.problems == []
    assert [(row.category, row.number, row.name, row.unit, row.target, row.attribute) for row in result.rows] == [
        ("生态", "1", "森林覆盖率", "%", "32", "约束性"),
        ("生态", "2", "湿地保护率", "%", "50", "预期性"),
    ]
    assert result.consumed == set(range(2, 17))


def test_truncated_flattened_table_gives_problems_not_exception() -> None:
    result = _parse_text(
        _FLAT_HEADER + "环\n境\n1 细颗粒物（PM2.5）浓度（ug/m3） 57 42 约束性\n2 空气质量优良天数比率（%） 60.4\n"
    )
    assert [row.target for row in result.rows] == ["42", None]
    assert {(problem.line, problem.severity) for problem in result.problems} == {(12, Severity.WARNING)}
    assert all(problem.source_file == "made-up.txt" for problem in result.problems)


@pytest.mark.parametrize(
    "header",
    [
        "| 序号 | 指标 | 2015年 | 2020年目标 | 2020年完成值 | 是否完成 |",  # a baseline too, 是否完成 last
        "| 序号 | 指标 | 2015年基数 | 2020年目标 | 2020年实际值 | 是否达标 |",
        "| 序号 | 指标 | 2015年 | 2020年目标 | 2020年完成情况 |",  # no 是否 column: ends with the achieved one
    ],
)
def test_progress_tables_by_their_header(header: str) -> None:
    """Any table with an achieved or met column reports progress: target, achieved, met, not baseline → target."""
    cells = "| 1 | 森林覆盖率（%） | 30 | 35 | 35.2 |" + (" 是 |" if "是否" in header else "")
    result = _parse_text(f"表 3 “十三五”规划指标完成情况\n{header}\n|---|---|---|---|---|---|\n{cells}\n")
    assert result.problems == []
    (row,) = result.rows
    assert row.progress
    assert (row.baseline, row.baseline_year, row.target, row.target_year) == ("30", 2015, "35", 2020)
    assert (row.achieved, row.achieved_value, row.achieved_year) == ("35.2", 35.2, 2020)
    assert row.met == ("是" if "是否" in header else None)


def test_a_targets_table_does_not_report_progress(xingtai: TableResult) -> None:
    assert not any(row.progress or row.achieved or row.met for row in xingtai.rows)


def test_truncated_markdown_row() -> None:
    result = _parse_text(
        "## 主要指标\n| 类别 | 序号 | 指标 | 2020年 | 2025年 | 指标属性 |\n|---|---|---|---|---|---|\n"
        "| 环境治理 | 1 | PM2.5浓度(μg/m3) | 53 | 40 | 约束性 |\n| | 2 | 优良天数比率(%) | 57.9\n"
    )
    assert [row.baseline for row in result.rows] == ["53", "57.9"]
    assert result.rows[1].category == "环境治理"
    assert {problem.line for problem in result.problems} == {5}


def test_header_without_rows() -> None:
    result = _parse_text("表 1 主要指标\n类别\t序号\t指标\t2020年\t2025年\t指标属性\n\n一、总体要求\n")
    assert result.rows == []
    assert [(problem.line, problem.severity) for problem in result.problems] == [(2, Severity.WARNING)]


def test_stray_lines_are_reported_unplaced() -> None:
    result = _parse_text(_FLAT_HEADER + "这是一行不属于任何行的文字\n1 森林覆盖率 33% 33% 约束性\n约束性\n")
    assert [row.name for row in result.rows] == ["森林覆盖率"]
    assert [(problem.line, problem.severity) for problem in result.problems] == [
        (9, Severity.UNPLACED),
        (11, Severity.UNPLACED),
    ]


def test_pathological_input_is_read_in_linear_time() -> None:
    row = "1 " + "（" * 40 + " " * 20000 + "a 1" + " " * 20000 + "*" * 50 + "\n"
    junk = ("- " * 3000 + "\n") * 5 + "| --- " * 2000 + "\n"
    started = time.perf_counter()
    result = _parse_text(_FLAT_HEADER + row + junk)
    assert time.perf_counter() - started < 2
    assert len(result.rows) == 1 and result.problems  # the row is kept, its missing cells reported
