"""Responsibility clauses: hand-checked against the corpus in data/raw."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.records.responsibility import Role
from ingest.responsibility import ends_with_clause, find_clauses
from ingest.text import join_wrapped

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def document(file_name: str, first: int = 1, last: int | None = None) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a corpus file, joined as one paragraph."""
    lines = (RAW / file_name).read_text(encoding="utf-8").split("\n")
    return join_wrapped(lines[first - 1 : last])


def names(units) -> list[str]:
    return [unit.name for unit in units]


@pytest.mark.parametrize(
    ("file_name", "first", "last", "expected"),
    [
        ("handan-eco-plan-2021-2025.txt", 1, None, 88),
        ("hebei-beautiful-hebei-action-plan-2023-2027.txt", 1, None, 15),
        ("ningjin-gazette-2023-01.txt", 27, 197, 56),  # 养老服务体系 implementation opinions
        ("ningjin-gazette-2023-01.txt", 198, 706, 0),  # 物业管理暂行办法
        ("ningjin-gazette-2023-01.txt", 707, 1044, 0),  # 京津冀生态环境支撑区规划
        ("ningjin-gazette-2023-01.txt", 1045, None, 0),  # 生态环境保护规划
        ("xingtai-eco-plan-2021-2025.txt", 1, None, 0),
        ("hengshui-eco-plan-2021-2025.txt", 1, None, 0),
    ],
)
def test_clause_counts(file_name, first, last, expected):
    assert len(find_clauses(document(file_name, first, last))) == expected


def test_handan_first_clause_units_and_scope():
    text = document("handan-eco-plan-2021-2025.txt")
    clause = find_clauses(text)[0]
    assert clause.text.startswith("（责任单位：市自然资源和规划局") and clause.text.endswith("不再列出）")
    assert text[clause.start : clause.end] == clause.text
    assert names(clause.units) == [
        "市自然资源和规划局",
        "市生态环境局",
        "市农业农村局",
        "市行政审批局",
        "各县<市、区>政府",
        "邯郸经济技术开发区管委会",
        "冀南新区管委会",
    ]
    assert {unit.role for unit in clause.units} == {Role.RESPONSIBLE}
    assert clause.units[5].as_written == "邯郸经济技术开发区"
    scope = clause.scope
    assert scope.text == "以下均含各县<市、区>政府，邯郸经济技术开发区、冀南新区管委会，不再列出"
    assert text[scope.start : scope.end] == scope.text
    assert names(scope.units) == ["各县<市、区>政府", "邯郸经济技术开发区管委会", "冀南新区管委会"]


def test_province_scope_with_nested_parentheses():
    clause = find_clauses(document("hebei-beautiful-hebei-action-plan-2023-2027.txt"))[0]
    assert names(clause.units) == [
        "省生态环境厅",
        "省工业和信息化厅",
        "省发展改革委",
        "省交通运输厅",
        "省住房城乡建设厅",
    ]
    assert clause.scope.text == "以下均需各市（含定州、辛集市）政府、雄安新区管委会具体落实，不再列出"
    assert names(clause.scope.units) == ["各市（含定州、辛集市）政府", "雄安新区管委会"]


def test_lead_clause():
    (clause,) = find_clauses("排名退出全国重点城市后十之外。（市生态环境局牵头负责）")
    assert clause.text == "（市生态环境局牵头负责）"
    assert [(u.name, u.role) for u in clause.units] == [("市生态环境局", Role.LEAD)]
    assert clause.scope is None


def test_lead_and_support_forms():
    (labelled,) = find_clauses("（牵头单位：市生态环境局；配合单位：市水利局、市财政局）")
    (inline,) = find_clauses("（市生态环境局牵头，市水利局、市农业农村局配合）")
    assert [(u.name, u.role) for u in labelled.units] == [
        ("市生态环境局", Role.LEAD),
        ("市水利局", Role.SUPPORT),
        ("市财政局", Role.SUPPORT),
    ]
    assert [(u.name, u.role) for u in inline.units] == [
        ("市生态环境局", Role.LEAD),
        ("市水利局", Role.SUPPORT),
        ("市农业农村局", Role.SUPPORT),
    ]


def test_first_listed_is_not_lead():
    (clause,) = find_clauses("（责任单位：市发展改革委、市生态环境局）")
    assert [u.role for u in clause.units] == [Role.RESPONSIBLE, Role.RESPONSIBLE]


def test_half_width_and_duty_tail():
    text = (
        "达标率达到 100%(约束性指标)。"
        "(责任单位:民政局、自然资源和规划局、住房和城乡建设局按职责分工负责,各乡镇人民政府、街道办)"
    )
    (clause,) = find_clauses(text)
    assert clause.text.startswith("(责任单位:") and clause.end == len(text)
    assert names(clause.units) == ["民政局", "自然资源和规划局", "住房和城乡建设局", "各乡镇人民政府", "街道办"]


def test_mixed_parentheses_and_open_ended_list():
    (mixed,) = find_clauses("（责任单位：民政局)")
    (open_ended,) = find_clauses("（责任单位：人行宁晋县中心支行、银保监组等相关部门按职责分工负责）")
    assert names(mixed.units) == ["民政局"]
    assert names(open_ended.units) == ["人行宁晋县中心支行", "银保监组"]


def test_label_with_doubled_character_from_line_wrap():
    # ningjin-gazette-2023-01.txt lines 89-91: "（责" / "责任单位：民政局，…）"
    (clause,) = find_clauses(document("ningjin-gazette-2023-01.txt", 89, 91))
    assert names(clause.units) == ["民政局", "各乡镇人民政府", "街道办"]


def test_missing_closing_parenthesis():
    text = "按职责开展工作。（责任单位：民政局，各乡镇人民政府、街道办"
    (clause,) = find_clauses(text)
    assert clause.end == len(text)
    assert names(clause.units) == ["民政局", "各乡镇人民政府", "街道办"]
    assert ends_with_clause(text)
    (cut,) = find_clauses("任务。（责任单位：民政局、财政局\n下一条")
    assert cut.text == "（责任单位：民政局、财政局"


def test_places_without_shared_suffix_stay_whole():
    (clause,) = find_clauses("(责任单位:民政局,凤凰镇、宁北街道、宁西筹备办、宁南筹备办)")
    assert names(clause.units) == ["民政局", "凤凰镇", "宁北街道", "宁西筹备办", "宁南筹备办"]


def test_prose_is_not_a_clause():
    text = "建立具体事项明确牵头部门机制，加强工作落实情况督办。设施（敬老院）建有率达到100%（约束性指标)。"
    assert find_clauses(text) == []
    assert not ends_with_clause(text)


def test_ends_with_clause():
    assert ends_with_clause("推进治理。（责任单位：市生态环境局）")
    assert ends_with_clause("推进治理。（责任单位：市生态环境局）。 ")
    assert ends_with_clause("（责任单位：省生态环境厅、省水利厅）")
    assert not ends_with_clause("（责任单位：市生态环境局）之后仍有正文。")


@given(st.text(alphabet="（）()责任单位：:牵头、，市局。以下均含不再列出<>\n", max_size=80))
def test_offsets_match_text(text):
    for clause in find_clauses(text):
        assert text[clause.start : clause.end] == clause.text
        if clause.scope:
            assert clause.start < clause.scope.start <= clause.scope.end <= clause.end
            assert text[clause.scope.start : clause.scope.end] == clause.scope.text


def test_missing_closing_parenthesis_after_nested_note():
    (clause,) = find_clauses("（责任单位：市水利局、市生态环境局（含各分局）")
    assert names(clause.units) == ["市水利局", "市生态环境局（含各分局）"]
