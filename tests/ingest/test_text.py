"""Line cleaning: page debris, markup, wrapped lines."""

import pytest

from ingest.text import is_page_debris, join_wrapped, strip_markup


@pytest.mark.parametrize("line", ["— 30 —", "  — 28 —  ", "- 3 -", "－12－"])
def test_page_numbers_are_debris(line: str) -> None:
    assert is_page_debris(line)


@pytest.mark.parametrize("line", ["30", "2020 年", "——绿色低碳转型成效显著。", "-- 27.27"])
def test_content_is_not_debris(line: str) -> None:
    assert not is_page_debris(line)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("市城区PM <sub>2.5</sub> 年平均浓度(μg/m <sup>3</sup> )", "市城区PM 2.5 年平均浓度(μg/m 3 )"),
        (r"浓度（$\mu\text{g}/\text{m}^3$）", "浓度（μg/m3）"),
        ("##### **（一）做好碳达峰开篇布局。**", "（一）做好碳达峰开篇布局。"),
        ("- (一) 因物业转让、灭失等原因不再是业主的；", "(一) 因物业转让、灭失等原因不再是业主的；"),
        ("PM_{2.5}", "PM_{2.5}"),
    ],
)
def test_strip_markup(raw: str, clean: str) -> None:
    assert strip_markup(raw) == clean


def test_join_wrapped_drops_breaks_blank_lines_and_page_numbers() -> None:
    lines = ["执法、环境保护税等环境管理制度衔接。（责任单位：市生态环境", "", "", "— 30 —", "", "局、市行政审批局）"]
    assert join_wrapped(lines) == "执法、环境保护税等环境管理制度衔接。（责任单位：市生态环境局、市行政审批局）"


def test_join_wrapped_keeps_a_space_between_latin_words() -> None:
    assert join_wrapped(["推进 NOx", "VOCs 协同减排"]) == "推进 NOx VOCs 协同减排"
