"""Key-project boxes: facts read by hand from the corpus, plus made-up bad input."""

from pathlib import Path

import pytest

from ingest.projects import ProjectResult, parse_projects
from ingest.records import Severity
from ingest.source import read_source, source_from_text

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def _parse_file(name: str) -> ProjectResult:
    source = read_source(RAW / name)
    return parse_projects(name.removesuffix(".txt"), source.lines, source)


def _parse_text(text: str) -> ProjectResult:
    source = source_from_text(text, "made-up.txt")
    return parse_projects("doc", source.lines, source)


@pytest.fixture(scope="module")
def handan() -> ProjectResult:
    return _parse_file("handan-eco-plan-2021-2025.txt")


@pytest.fixture(scope="module")
def hengshui() -> ProjectResult:
    return _parse_file("hengshui-eco-plan-2021-2025.txt")


def test_handan_boxes_titles_and_ends(handan: ProjectResult) -> None:
    boxes = [(box.number, box.title, box.span.line_start, box.span.line_end) for box in handan.boxes]
    assert boxes == [
        ("1", "“三线一单”生态环境分区管控单元", 293, 311),
        ("2", "大气污染防治重点工程", 604, 624),
        ("3", "水生态环境提升重点工程", 796, 816),
        ("4", "土壤、地下水和农村污染防治重点工程", 956, 972),
        ("5", "生态保护修复重点工程", 1066, 1082),
    ]
    assert [box.id for box in handan.boxes] == [f"handan-eco-plan-2021-2025/proj/{n}" for n in range(1, 6)]
    assert all(box.section_path == () for box in handan.boxes)
    assert handan.problems == []


def test_handan_main_text_after_boxes_is_not_consumed(handan: ProjectResult) -> None:
    # 313 （二）深度调整优化产业结构, 626 （四）…, 817 六、…, 974 七、…, 1083 八、…
    assert {293, 300, 311, 604, 624, 816, 1082} <= handan.consumed
    assert not {291, 313, 602, 626, 794, 817, 974, 1083} & handan.consumed
    assert len(handan.consumed) == (311 - 293 + 1) + (624 - 604 + 1) + (816 - 796 + 1) + (972 - 956 + 1) + (
        1082 - 1066 + 1
    )


def test_handan_items(handan: ProjectResult) -> None:
    assert [len(box.items) for box in handan.boxes] == [2, 3, 3, 3, 3]
    first_box = handan.boxes[0]
    assert first_box.items[0].text.startswith("按照“守底线、优格局、提质量、保安全”总体思路")
    assert first_box.items[1].text.endswith("一般管控单元 16 个，占全市国土面积的 46.62%。")
    air = handan.boxes[1]
    assert [item.name for item in air.items] == [
        "NOx 深度治理工程",
        "VOCs综合治理工程",
        "大力实施重点行业环保绩效创 A行动",
    ]
    water = handan.boxes[2]
    first, middle, last = water.items
    assert first.text == "城镇污水处理厂升级改造工程。2022—2023 年，分两批完成 53 座污水处理厂提标改造。"
    assert first.number is None and first.name == "城镇污水处理厂升级改造工程"
    assert (first.span.line_start, first.span.line_end) == (798, 800)
    # a full line ending in 。 does not end the item: 推进大运河… continues the river project
    assert "缤纷旅游带和高质量发展带。推进大运河水生态环境保护修复" in middle.text
    assert last.text.endswith("完成乡镇级集中式饮用水水源保护区划定与勘界立标。")
    assert handan.boxes[4].items[-1].name == "生物多样性保护重大工程"


def test_hengshui_unnumbered_boxes(hengshui: ProjectResult) -> None:
    boxes = [(box.number, box.title, box.span.line_start, box.span.line_end, len(box.items)) for box in hengshui.boxes]
    assert boxes == [
        (None, "大气污染防治重点工程设计方向", 1547, 1577, 8),
        (None, "水污染防治中重点工程设计方向", 1903, 1951, 9),
        (None, "生态环境恢复设计方向", 2840, 2874, 7),
    ]
    assert 1579 not in hengshui.consumed  # 六、打造良好水生态环境
    assert 1953 not in hengshui.consumed  # 七、扎实推进土壤污染防治
    assert 2875 not in hengshui.consumed  # 十二、…
    air, water, recovery = hengshui.boxes
    assert air.items[0].text == "推进北方地区农村清洁取暖改造和可持续发展工程，巩固改造成果。"
    assert air.items[0].name is None
    assert air.items[2].name == "VOCs替代工程"
    assert air.items[-1].text.endswith("实现重点行业全工艺流程超低排放。")
    assert water.items[6].name == "地下水污染修复（防控）"
    assert water.items[-1].text == (
        "衡水湖生态修复工程。生态清淤、滨水带建设、增殖放流、水生植物种植和平衡收割等生态治理修复工程。"
    )
    assert recovery.items[-1].name == "EOD模式试点建设"
    assert (recovery.items[-1].span.line_start, recovery.items[-1].span.line_end) == (2868, 2874)


@pytest.mark.parametrize(
    "name",
    [
        "xingtai-eco-plan-2021-2025.txt",
        "ningjin-gazette-2023-01.txt",
        "hebei-beautiful-hebei-action-plan-2023-2027.txt",
    ],
)
def test_files_without_boxes(name: str) -> None:
    result = _parse_file(name)
    assert result.boxes == [] and result.consumed == set() and result.problems == []


NUMBERED = """1.推进重点行业治理。加强管理。

专栏 2 重点工程

1.钢铁行业超低排放改造：完成 5 家企业全流程超低排放改

— 12 —

 造，其中 3 家在 2023 年底前完成。

（1）烧结机头烟气治理。

2.挥发性有机物治理。实施源头替代。

2.推进工业园区整治。加强管理。
专栏 3 第二个专栏
北方地区清洁取暖工程。巩固成果。
专栏中所列工程，由各县（市、区）组织实施。
"""


def test_numbered_items_page_break_and_ends() -> None:
    result = _parse_text(NUMBERED)
    first, second = result.boxes
    assert (first.number, first.title, first.span.line_start, first.span.line_end) == ("2", "重点工程", 3, 13)
    steel, vocs = first.items
    assert steel.number == "1" and steel.name == "钢铁行业超低排放改造"
    # split across the page break (— 12 — and the next page's indented line); the （1） sub-item stays
    assert steel.text == (
        "钢铁行业超低排放改造：完成 5 家企业全流程超低排放改造，其中 3 家在 2023 年底前完成。（1）烧结机头烟气治理。"
    )
    assert (steel.span.line_start, steel.span.line_end) == (5, 11)
    assert vocs.number == "2" and vocs.text == "挥发性有机物治理。实施源头替代。"
    # the main text's 2. does not continue the box's 1., 2.
    assert 15 not in result.consumed
    # a new 专栏 ends the previous box; a sentence beginning with 专栏 is not a box
    assert (second.title, second.span.line_start, second.span.line_end) == ("第二个专栏", 16, 18)
    assert second.id == "doc/proj/2" and len(second.items) == 2
    assert result.problems == []


def test_box_at_end_of_document_and_empty_box() -> None:
    result = _parse_text("一、总体要求\n专栏 1 空的专栏\n\n（二）主要任务\n正文。\n专栏\n")
    empty, last = result.boxes
    assert (empty.title, empty.items, empty.span.line_start, empty.span.line_end) == ("空的专栏", (), 2, 2)
    assert (last.number, last.title, last.items, last.span.line_start) == (None, "", (), 6)
    assert result.consumed == {2, 6}
    assert [(problem.line, problem.severity) for problem in result.problems] == [
        (2, Severity.WARNING),
        (6, Severity.WARNING),
        (6, Severity.WARNING),
    ]
    assert all(problem.source_file == "made-up.txt" for problem in result.problems)
