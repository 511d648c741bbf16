"""Line cleaning: page debris, markup, wrapped lines."""

import pytest

from ingest.text import ends_mid_sentence, is_page_debris, join_wrapped, strip_markup


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


@pytest.mark.parametrize(
    "line",
    [
        "县级特困人员供养服务设施（敬老院）建有率达到100%（约束性指",  # a bracket left open (Ningjin 养老 2.)
        "助力京津冀养老服务协同发展，鼓励县内养老机构与京津和我",  # longer than a title (（21）)
        "开展城镇配套养老服务设施专项治理，清查 2014 年以来新建",  # （34）
        "业主大会可以决定采用招标或者协议的方式选聘物业",  # 23 characters, the shortest wrapped head line
        "加强监管，",  # a trailing comma
    ],
)
def test_lines_that_break_off_mid_sentence(line: str) -> None:
    assert ends_mid_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "打好重污染天气消除攻坚战役",  # titles printed alone on their lines (Handan, Hengshui, Ningjin)
        "突出治本攻坚，蓝天保卫战成效显著",
        "精准推进大气污染防治，强力改善大气环境质量",  # 21 characters, the longest title
        "加强生态环境分区管控（三线一单）",
        "主要指标落实。",
        "本办法适用于本县行政区域内物业的使用、维护、服务及其监督管理活动。",  # a long sentence that is whole
        "鼓励多层住宅为满足日常生活需要加装电梯（含既有住宅、老旧小区在内的多层住宅）",  # ends with its bracket
        "",
    ],
)
def test_whole_lines_and_titles_do_not_run_on(line: str) -> None:
    assert not ends_mid_sentence(line)
