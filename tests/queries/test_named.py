"""The named-query library: every query runs, and gives the answers read by hand."""

import pytest

from queries.named import LIBRARY, library, named, parse


def _records(kg, name: str, **params) -> list[dict]:
    return named(name).run(kg, **params).to_dict(orient="records")


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_runs_with_its_example_parameters(kg, name: str) -> None:
    query = named(name)
    assert query.title_zh and query.title_en and query.description
    assert not query.run(kg).empty


def test_indicator_matrix(kg) -> None:
    rows = _records(kg, "indicator_matrix", year=2025)
    handan = [row for row in rows if row["plan_id"] == "handan-eco-plan-2021-2025"]
    assert len(handan) == 19  # 16 numbered rows, row 8 split into 4
    (pm25,) = [row for row in handan if row["indicator_id"] == "indicator/pm25"]
    assert (pm25["baseline"], pm25["target"], pm25["attribute"], pm25["unit"]) == ("57", "42", "约束性", "μg/m3")
    (nh3,) = [row for row in handan if row["indicator_id"] == "indicator/nh3n_reduction"]
    assert (nh3["target"], nh3["target_value"], nh3["unit"]) == ("0.075", 750.0, "吨")


def test_pm25_across_plans_lowest_is_hengshui(kg) -> None:
    rows = [row for row in _records(kg, "indicator_across_plans", indicator="indicator/pm25") if row["level"] == "city"]
    assert [(row["region"], row["target"], row["change_pct"]) for row in rows] == [
        ("衡水市", "37*", -28.8),  # (37-52)/52
        ("邢台市", "40", -24.5),  # (40-53)/53
        ("邯郸市", "42", -26.3),  # (42-57)/57
    ]
    assert {row["scope"] for row in rows} == {"市区城市", "市城区", "全市"}


def test_indicator_matrix_2020_reads_the_completion_table_as_progress(kg) -> None:
    rows = {row["indicator_id"]: row for row in _records(kg, "indicator_matrix", year=2020)}
    assert len(rows) == 19 and {row["region"] for row in rows.values()} == {"衡水市"}
    water = rows["indicator/surface_water_good"]
    assert (water["baseline"], water["target"], water["achieved"], water["met"]) == (None, "55", "80", "是")
    assert rows["indicator/pm25"]["achieved_value"] == 52.0


def test_indicator_across_plans_2020_gives_target_achieved_and_met(kg) -> None:
    (row,) = _records(kg, "indicator_across_plans", indicator="indicator/pm25", year=2020)
    assert (row["target"], row["achieved"], row["met"], row["change_pct"]) == (
        "“十三五”规划指标为 65；省定任务①54",
        "52",
        "是",
        None,
    )
    rows_2025 = _records(kg, "indicator_across_plans", indicator="indicator/pm25")
    assert all(row["achieved"] is None and row["met"] is None for row in rows_2025)


def test_non_numeric_targets_are_said_to_be_so(kg) -> None:
    rows = _records(kg, "indicator_across_plans", indicator="indicator/surface_water_good")
    handan = next(row for row in rows if row["region"] == "邯郸市")
    assert (handan["target"], handan["target_value"], handan["comparable"]) == (
        "达到省要求",
        None,
        "not a number: 达到省要求",
    )


def test_department_measures_and_kind(kg) -> None:
    rows = _records(kg, "department_measures", department="邯郸市生态环境局")
    assert len(rows) == 79
    assert rows[0]["measure_id"] == "handan-eco-plan-2021-2025/m/1"
    assert sum(row["role"] == "lead" for row in rows) == 15
    (body,) = _records(kg, "measures_by_department_kind", kind="生态环境局")
    assert (body["department"], body["government"], body["leads"], body["responsible"]) == (
        "邯郸市生态环境局",
        "邯郸市",
        15,
        64,
    )


def test_province_bureau_lines_up_with_city_bureau(kg) -> None:
    rows = _records(kg, "departments_by_function", function="生态环境")
    assert [(row["department"], row["kind"], row["level"]) for row in rows] == [
        ("河北省生态环境厅", "生态环境厅", "province"),
        ("邯郸市生态环境局", "生态环境局", "city"),
    ]
    assert rows[0]["measures"] == 15  # every clause of the province's action plan names 省生态环境厅


def test_handan_construction_bureau_lines_up_with_housing_and_construction(kg) -> None:
    rows = _records(kg, "departments_by_function", function="住房和城乡建设")
    assert {(row["department"], row["level"]) for row in rows} == {
        ("河北省住房和城乡建设厅", "province"),
        ("邯郸市住房保障房产管理局", "city"),  # Handan splits the function between two bureaus
        ("邯郸市建设局", "city"),
        ("宁晋县住房和城乡建设局", "county"),
    }


def test_department_load_ranks_collectives_and_implied(kg) -> None:
    rows = _records(kg, "department_load", region="邯郸市")
    assert {row["department"] for row in rows[:3]} == {
        "邯郸市各县<市、区>政府",
        "邯郸经济技术开发区管委会",
        "邯郸市冀南新区管委会",
    }
    assert all((row["measures"], row["implied"]) == (88, 87) for row in rows[:3])
    assert (rows[3]["department"], rows[3]["measures"], rows[3]["leads"]) == ("邯郸市生态环境局", 79, 15)
    ningjin = _records(kg, "department_load", region="宁晋县")
    assert ningjin[0]["department"] == "宁晋县民政局"


def test_provenance(kg) -> None:
    assert _records(kg, "provenance", id="handan-eco-plan-2021-2025/m/1") == [
        {
            "id": "handan-eco-plan-2021-2025/m/1",
            "source_file": "handan-eco-plan-2021-2025.txt",
            "line_start": 252,
            "line_end": 266,
        }
    ]


def test_county_alignment(kg) -> None:
    rows = _records(kg, "county_alignment")
    jingjinji = {
        row["as_written"]: row for row in rows if row["county_plan"] == "宁晋县建设京津冀生态环境支撑区“十四五”规划"
    }
    assert jingjinji["单位地区生产总值用水量下降"]["defers_to_higher_level"] is True
    forest = jingjinji["森林覆盖率"]
    assert (forest["county_target"], forest["city"], forest["city_target"], forest["defers_to_higher_level"]) == (
        "23.5",
        "邢台市",
        "36.5",
        False,
    )


def test_measure_goals_beside_table_targets(kg) -> None:
    rows = _records(kg, "measure_goals", indicator="indicator/non_fossil_share")
    assert [(row["region"], row["goal_in_text"], row["table_target"]) for row in rows] == [
        ("衡水市", "达到 15.1%", "15.1"),
        ("邢台市", "达到 13%以上", "13"),
        ("邯郸市", "达到 4%左右", "4"),
    ]


def test_topic_queries(kg) -> None:
    coal = _records(kg, "topic_measures", topic="topic/loose-coal")
    by_id = {row["measure_id"]: row for row in coal}
    assert "防止散煤复燃" in by_id["handan-eco-plan-2021-2025/m/19"]["measure"]
    assert by_id["handan-eco-plan-2021-2025/m/19"]["bodies"] == 9  # 6 named + 3 implied by the scope statement
    assert by_id["xingtai-eco-plan-2021-2025/m/13"]["main_topic"] is True  # 禁燃区 … 散煤 … 洁净煤
    matrix = _records(kg, "topic_city_matrix", level="city")
    air = {row["region"]: row["measures"] for row in matrix if row["topic_id"] == "topic/air"}
    assert set(air) == {"邯郸市", "邢台市", "衡水市"} and all(count >= 10 for count in air.values())


def test_measure_gaps(kg) -> None:
    rows = {row["measure_id"]: row for row in _records(kg, "measure_gaps")}
    # 核与辐射: Xingtai m/99 (辐射安全管理) and m/100 (辐射监测应急) carry it but only come near (0.18, 0.33):
    # the verdict says "read these", not "none".
    assert rows["handan-eco-plan-2021-2025/m/69"]["verdict"] == "uncertain"
    assert {"xingtai-eco-plan-2021-2025/m/99", "xingtai-eco-plan-2021-2025/m/100"} <= set(
        rows["handan-eco-plan-2021-2025/m/69"]["near_misses"]
    )
    assert rows["handan-eco-plan-2021-2025/m/69"]["source_file"] == "handan-eco-plan-2021-2025.txt"
    # 塑料污染全链条防治, 严控煤炭消费总量, VOCs (Xingtai m/35), 车用尿素 (m/38) and 栖息地保护 (m/108): no gap.
    assert not {f"handan-eco-plan-2021-2025/m/{n}" for n in (63, 7, 21, 26, 58)} & set(rows)
    radiation = {row["measure_id"] for row in _records(kg, "measure_gaps", topic="topic/radiation")}
    assert radiation == {"handan-eco-plan-2021-2025/m/69"}
    # The other way: Handan's plan never names 河湖“四乱” (Xingtai m/48), so nothing comes near.
    back = {
        row["measure_id"]: row
        for row in _records(kg, "measure_gaps", plan="xingtai-eco-plan-2021-2025", other="handan-eco-plan-2021-2025")
    }
    assert back["xingtai-eco-plan-2021-2025/m/48"]["verdict"] == "none found"
    assert back["xingtai-eco-plan-2021-2025/m/48"]["near_misses"] == []


def test_who_owns_散煤(kg) -> None:
    rows = _records(kg, "who_owns", keyword="散煤")
    handan = {row["department"]: row["role"] for row in rows if row["region"] == "邯郸市"}
    assert handan["邯郸市生态环境局"] == "responsible"
    assert {row["measure_id"] for row in rows if row["region"] == "邢台市"} == {"xingtai-eco-plan-2021-2025/m/13"}


def test_headers_are_checked(tmp_path) -> None:
    bad = tmp_path / "bad.cypher"
    bad.write_text(
        "// name: bad\n// title_zh: 坏\n// title_en: Bad\n// description: x\nMATCH (n) WHERE n.id = $id RETURN n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="parameters used"):
        parse(bad)
    assert {path.stem for path in LIBRARY.glob("*.cypher")} == set(library())
