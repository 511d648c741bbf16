"""The explorer's helpers on their own: report, matrix cells, spans, the offline network, console parsing."""

import json
import re

import pandas as pd

from explorer.excerpt import excerpt_html
from explorer.markdown import escape
from explorer.network import network_html
from explorer.pages.console import nodes_in, parameters, shown
from explorer.report import read_report
from queries.compare import cell, indicator_matrix, plan_columns, runner
from queries.neighbourhood import LABELS, RELATIONSHIPS, interleaved, neighbourhood
from queries.sources import SpanError, parse_span, span_text


def test_the_explorer_reads_the_report_and_manifest_the_build_writes(build_root) -> None:
    from queries.builds import corpus, manifest, report

    directory = (build_root / "current").resolve()
    assert report(directory)["summary"]["documents"] == 8
    assert manifest(directory)["counts"]["nodes"]["Plan"] == 8
    assert str(corpus(directory)) == manifest(directory)["corpus"]["path"] and corpus(directory).is_dir()


def test_report_warnings_are_read_back(build_root) -> None:
    from queries.builds import report

    found = read_report(report((build_root / "current").resolve()))
    assert found.summary == "5 files, 8 documents, 0 problems (0 errors)"
    assert found.sections["indicator rows with no reviewed alignment"][0] == (
        "hengshui-eco-plan-2021-2025.txt:114: 各县控制考核断面达标率"
    )
    assert found.sections["plans with no region"] == [] and found.count == 7
    problem = {"where": "a.txt:3", "severity": "warning", "message": "table row not read"}
    one = {"files": [{"problems": [], "documents": [{"problems": [problem]}]}], "summary": {"text": ""}, "review": {}}
    assert read_report(one).problems == [("a.txt:3", "warning", "table row not read")]


def test_a_cell_keeps_literals_and_marks_what_cannot_be_compared() -> None:
    row = {"baseline": "52", "target": "37*", "cumulative": None, "attribute": "约束性", "target_value": 37.0}
    assert cell(pd.Series({**row, "scope": "全市"}), "全域") == "52 → 37*（约束性）"
    assert cell(pd.Series({**row, "scope": "市城区"}), "全域") == "⚠ 52 → 37*（约束性）〔市城区〕"
    written = {
        **row,
        "scope": "全域",
        "baseline": "--",
        "target": "--",
        "cumulative": "达到省要求",
        "target_value": None,
    }
    assert cell(pd.Series(written), "全域") == "⚠ — → —［累计 达到省要求］（约束性）"


def test_spans_are_read_and_written_the_same_way() -> None:
    assert parse_span(span_text("handan-eco-plan-2021-2025.txt", 252, 266)) == (
        "handan-eco-plan-2021-2025.txt",
        252,
        266,
    )
    assert parse_span("a.txt:7") == ("a.txt", 7, 7)
    assert parse_span("handan-eco-plan-2021-2025/m/1") is None
    assert parse_span("../../etc/passwd:1") is None


def test_an_excerpt_escapes_the_text_and_marks_the_clause() -> None:
    page = excerpt_html("handan-eco-plan-2021-2025.txt", 252, 266, marks=[(258, 266)])
    assert "各县&lt;市、区&gt;政府" in page
    assert "<div class='line hit mark'><span class='no'>258</span>" in page


def test_a_span_beyond_the_file_says_how_long_the_file_is() -> None:
    import pytest

    with pytest.raises(SpanError, match="has lines 1–1443; there are no lines 1500–1501"):
        excerpt_html("handan-eco-plan-2021-2025.txt", 1500, 1501)
    with pytest.raises(SpanError, match="not in"):
        excerpt_html("no-such-plan.txt", 1, 1)


def test_the_network_page_loads_nothing_from_the_internet(kg) -> None:
    found = neighbourhood(runner(kg), "region/130528", 1, LABELS, RELATIONSHIPS, 50)
    page = network_html(found, "region/130528")
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)\s*=\s*"(?:https?:)?//', page)
    assert "vis.Network" in page and "tom-select" not in page
    assert json.dumps("宁晋县")[1:-1] in page  # labels are JSON-escaped in the script
    assert found.hops["region/130500"] == 1 and ("region/130528", "region/130500", "PART_OF", None) in found.edges


def test_a_cap_keeps_every_kind_of_neighbour(kg) -> None:
    found = neighbourhood(runner(kg), "dept/130400/生态环境局", 1, LABELS, RELATIONSHIPS, 10)
    assert len(found.nodes) == 10 and found.cut
    assert {node["label"] for node in found.nodes.values()} == {"Department", "Measure", "Region"}
    nodes = [{"label": "M", "id": "m2"}, {"label": "M", "id": "m1"}, {"label": "R", "id": "r1"}]
    assert [node["id"] for node in interleaved(nodes)] == ["m1", "r1", "m2"]


def test_filters_limit_labels_and_relationship_types(kg) -> None:
    found = neighbourhood(runner(kg), "region/130528", 2, ["Region"], ["PART_OF"], 100)
    assert {node["label"] for node in found.nodes.values()} == {"Region"}
    assert {edge[2] for edge in found.edges} == {"PART_OF"}
    assert max(found.hops.values()) == 2  # 宁晋县 → 邢台市 → 河北省 and 邢台市's other counties


def test_console_finds_parameters_outside_strings_and_nodes_in_results() -> None:
    assert parameters("MATCH (n) WHERE n.id = $id AND n.name <> '$not' // $nor\nRETURN $id, $year") == ["id", "year"]
    rows = pd.DataFrame({"a": [{"label": "Plan", "id": "p"}], "b": [{"type": "COVERS"}], "c": ["text"]})
    assert nodes_in(rows) == [{"label": "Plan", "id": "p"}]
    assert shown({"label": "Plan", "id": "p", "title": "衡水市规划"}) == "Plan · 衡水市规划 · p"


def test_the_drawing_styles_lead_and_support_and_names_the_plan(kg) -> None:
    found = neighbourhood(runner(kg), "dept/130400/生态环境局", 1, LABELS, RELATIONSHIPS, 200)
    roles = {(head, qualifier) for _, head, _, qualifier in found.edges}
    assert ("handan-eco-plan-2021-2025/m/15", "lead") in roles  # （市生态环境局牵头负责）, lines 485–489
    assert ("handan-eco-plan-2021-2025/m/1", "responsible") in roles
    page = network_html(found, "dept/130400/生态环境局", {"handan-eco-plan-2021-2025": "邯郸市"})
    assert '"width": 3' in page and "PROPERTIES" in page  # lead drawn thick; the panel's data
    assert json.dumps("邯郸市 15")[1:-1] in page  # a measure's caption names its plan's region and number


def test_markdown_escape_keeps_text_as_written() -> None:
    assert escape("各县<市、区>政府 *1.* [a](b)") == r"各县\<市、区\>政府 \*1\.\* \[a\]\(b\)"


def test_plan_columns_are_short_and_never_repeat() -> None:
    plans = pd.DataFrame(
        {
            "plan_id": ["a", "b", "c", "d"],
            "region": ["邯郸市", "宁晋县", "宁晋县", "宁晋县"],
            "title": [
                "邯郸市生态环境保护“十四五”规划",
                "宁晋县建设京津冀生态环境支撑区“十四五”规划",
                "宁晋县养老服务体系建设“十四五”规划",
                "宁晋县养老服务体系建设“十四五”规划",
            ],
        }
    )
    assert plan_columns(plans) == {
        "a": "邯郸市",
        "b": "宁晋县·建设京津冀生态环境支",
        "c": "宁晋县·养老服务体系建设“十 #1",
        "d": "宁晋县·养老服务体系建设“十 #2",
    }


def test_a_cell_names_the_printed_unit_when_it_is_not_the_rows() -> None:
    # Handan prints its 2025 ammonia-nitrogen reduction as 0.075 万吨 in a table the row reads in 吨.
    row = {"baseline": "--", "target": "0.075", "cumulative": None, "attribute": "约束性", "target_value": 750.0}
    handan = pd.Series({**row, "scope": None, "unit": "吨", "unit_as_written": "万吨"})
    assert cell(handan, "全域") == "— → 0.075 万吨（约束性）"
    same = pd.Series({**row, "scope": None, "unit": "平方千米", "unit_as_written": "平方公里"})
    assert cell(same, "全域") == "— → 0.075（约束性）"  # one unit, two spellings


def test_a_progress_cell_reads_target_achieved_and_met() -> None:
    row = {"baseline": None, "target": "55", "achieved": "80", "met": "是", "cumulative": None, "attribute": None}
    assert cell({**row, "scope": "全域", "target_value": 55.0}, "全域") == "目标 55 · 实际 80 · 完成 是"
    placeholder = {**row, "target": "—", "achieved": "—", "met": "—", "scope": None, "target_value": None}
    assert cell(placeholder, "全域") == "⚠ 目标 — · 实际 — · 完成 —"


def test_missing_values_never_show_as_nan() -> None:
    """pandas turns None into NaN in a row of only text and None (its string dtype): never shown."""
    nan = float("nan")
    row = {"baseline": "保持稳定", "target": "保持稳定", "cumulative": nan, "attribute": nan, "scope": nan}
    assert cell(pd.Series({**row, "target_value": nan, "unit": nan, "unit_as_written": nan}), "全域") == (
        "⚠ 保持稳定 → 保持稳定"
    )
    written = {"indicator_id": "i", "indicator": "地下水", "plan_id": "p", "baseline": "稳定", "target": "稳定"}
    written |= {"category": None, "line_start": 1}
    empty = ("scope", "achieved", "cumulative", "attribute", "target_value", "unit", "unit_as_written")
    text_only = pd.DataFrame([{**written, "met": "是", **dict.fromkeys(empty)}], dtype=object)
    plans = pd.DataFrame(
        [{"plan_id": "p", "title": "衡水市规划", "region": "衡水市", "region_id": "r", "level": "city"}]
    )
    shown = indicator_matrix(text_only, plans).to_string()
    assert "nan" not in shown.lower() and "目标 稳定 · 实际 — · 完成 是" in shown
