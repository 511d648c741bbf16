"""The in-memory graph: facts counted by hand in the documents."""

from graph.build import build_graph
from ingest.reference import load_regions
from tests.graph.conftest import edges

HANDAN_EPB = "dept/130400/生态环境局"
XINGTAI_EPB = "dept/130500/生态环境局"


def test_pm25_targets_of_the_three_cities_meet_in_one_indicator(built) -> None:
    targets = {
        u: data for u, _, data in edges(built.graph, "TARGETS", head="indicator/pm25") if data["target_year"] == 2025
    }
    assert targets["handan-eco-plan-2021-2025"]["target"] == "42"
    assert targets["xingtai-eco-plan-2021-2025"]["target"] == "40"
    assert targets["hengshui-eco-plan-2021-2025"]["target"] == "37*"
    assert targets["hengshui-eco-plan-2021-2025"]["target_value"] == 37.0
    assert targets["hengshui-eco-plan-2021-2025"]["footnote"] == "*"
    assert targets["handan-eco-plan-2021-2025"]["baseline_value"] == 57.0
    assert {data["value_unit"] for data in targets.values()} == {"μg/m3"}  # ug/m3 and μg/m3 as printed
    assert targets["xingtai-eco-plan-2021-2025"]["scope"] == "市城区"
    assert targets["handan-eco-plan-2021-2025"]["unit"] == "ug/m3"


def test_values_are_unit_normalised(built) -> None:
    (handan,) = [
        d for u, _, d in edges(built.graph, "TARGETS", head="indicator/nh3n_reduction") if u.startswith("handan")
    ]
    assert (handan["target"], handan["unit"], handan["target_value"], handan["value_unit"]) == (
        "0.075",
        "万吨",
        750.0,
        "吨",
    )
    (xingtai,) = [
        d for u, _, d in edges(built.graph, "TARGETS", head="indicator/nh3n_reduction") if u.startswith("xingtai")
    ]
    assert (xingtai["cumulative"], xingtai["cumulative_value"], xingtai["attribute_inherited"]) == ("500", 500.0, True)


def test_handan_epb_is_responsible_for_79_measures(built) -> None:
    # grep of the joined text: 15 × （市生态环境局牵头负责） and 64 （责任单位：…市生态环境局…）
    responsible = edges(built.graph, "RESPONSIBLE_FOR", tail=HANDAN_EPB)
    assert len({v for _, v, _ in responsible}) == 79
    assert sum(data["role"] == "lead" for *_, data in responsible) == 15
    node = built.graph.nodes[HANDAN_EPB]
    assert (node["name"], node["kind"], node["level"], node["category"]) == (
        "邯郸市生态环境局",
        "生态环境局",
        "city",
        "department",
    )
    assert node["aliases"] == ["市生态环境局"]


def test_bodies_of_different_governments_are_different_nodes(built) -> None:
    graph = built.graph
    assert XINGTAI_EPB not in graph  # Xingtai's and Hengshui's plans name no responsible units
    assert graph.nodes["dept/130528/民政局"]["name"] == "宁晋县民政局"
    ndrc = graph.nodes["dept/130400/发展和改革委员会"]
    assert ndrc["aliases"] == ["市发展改革委"]
    assert edges(graph, "BELONGS_TO", tail="dept/130400/发展和改革委员会", head="region/130400")
    province = graph.nodes["dept/130000/生态环境厅"]
    assert (province["name"], province["level"]) == ("河北省生态环境厅", "province")


def test_region_tree(built) -> None:
    graph = built.graph
    assert edges(graph, "PART_OF", tail="region/130528", head="region/130500")
    assert edges(graph, "PART_OF", tail="region/130500", head="region/130000")
    assert graph.nodes["region/130528"]["name"] == "宁晋县"
    covers = {u: v for u, v, _ in edges(graph, "COVERS")}
    assert covers["ningjin-gazette-2023-01/3"] == "region/130528"
    assert covers["hebei-beautiful-hebei-action-plan-2023-2027"] == "region/130000"


def test_scope_statement_gives_implied_edges(built) -> None:
    county_governments = "dept/130400/各县<市、区>政府"
    implied = [data for *_, data in edges(built.graph, "RESPONSIBLE_FOR", tail=county_governments) if data["implied"]]
    stated = [
        data for *_, data in edges(built.graph, "RESPONSIBLE_FOR", tail=county_governments) if not data["implied"]
    ]
    assert len(stated) == 1  # written out in the first clause only
    assert len(implied) == 87  # every later Handan measure: 88 measures (one per clause) minus the first
    assert implied[0]["clause"].startswith("以下均含各县<市、区>政府")


def test_measures_hang_under_plan_and_section(built) -> None:
    graph = built.graph
    first = "handan-eco-plan-2021-2025/m/1"
    assert graph.nodes[first]["section_path"] == "三、 / （一） / 1."
    assert edges(graph, "HAS_MEASURE", tail="handan-eco-plan-2021-2025", head=first)
    assert edges(graph, "HAS_MEASURE", tail="handan-eco-plan-2021-2025/sec/3.1.1", head=first)
    assert edges(
        graph, "HAS_SECTION", tail="handan-eco-plan-2021-2025/sec/3.1", head="handan-eco-plan-2021-2025/sec/3.1.1"
    )


def test_a_measure_body_is_its_text_without_the_clause(built) -> None:
    first = built.graph.nodes["handan-eco-plan-2021-2025/m/1"]  # handan:252-266, the clause from line 256
    assert first["text"].startswith("加强生态环境分区管控。")
    assert "（责任单位：" in first["text"] and first["text"].endswith("不再列出）")
    assert first["body"].startswith("加强生态环境分区管控。")
    assert first["body"].endswith("落实规划环评和项目环评联动机制。")
    assert "责任单位" not in first["body"] and "市行政审批局" not in first["body"]


def test_projects_and_provenance(built) -> None:
    graph = built.graph
    projects = [node for node, label in graph.nodes(data="label") if label == "Project" and node.startswith("handan")]
    assert len(projects) == 14
    plan = graph.nodes["ningjin-gazette-2023-01/2"]
    assert (plan["title"], plan["kind"], plan["doc_number"], plan["issued"]) == (
        "宁晋县物业管理暂行办法",
        "regulation",
        "办字〔2023〕4号",
        "2023-02-03",
    )
    assert (plan["source_file"], plan["line_start"], plan["line_end"]) == ("ningjin-gazette-2023-01.txt", 198, 696)


def test_the_build_is_deterministic(built, corpus) -> None:
    again = build_graph(corpus, load_regions()).graph
    assert list(again.nodes(data=True)) == list(built.graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(built.graph.edges(keys=True, data=True))


def test_hengshui_completion_table_reports_progress_not_targets(built) -> None:
    """表 1 line 101 ``55 80 是``: the 十三五 target 55 %, 80 % achieved, met; not a baseline 80 → target 55."""
    progress = {v: d for u, v, d in edges(built.graph, "REPORTS_PROGRESS") if u == "hengshui-eco-plan-2021-2025"}
    assert len(progress) == 19
    water = progress["indicator/surface_water_good"]
    assert (water["target"], water["target_year"], water["achieved"], water["achieved_value"], water["met"]) == (
        "55",
        2020,
        "80",
        80.0,
        "是",
    )
    assert water.get("baseline") is None and water["table_title"].startswith("表 1")
    heavy = progress["indicator/heavy_pollution_days"]
    assert (heavy["target"], heavy["achieved"], heavy["value_unit"]) == ("35", "15", "天")
    days = progress["indicator/good_air_days_count"]  # line 70: 238 good days, not a share in %
    assert (days["achieved_value"], days["value_unit"]) == (238.0, "天")
    targets = [d for u, _, d in edges(built.graph, "TARGETS") if u == "hengshui-eco-plan-2021-2025"]
    assert len(targets) == 20 and all(d["target_year"] == 2025 for d in targets)  # 表 2 only
