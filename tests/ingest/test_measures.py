"""Measures and their responsibility clauses, read by hand from the documents."""

import pytest

from ingest.records import Role


def _clauses(document):
    return [clause for measure in document.measures for clause in measure.clauses]


def test_clause_counts(documents) -> None:
    assert len(_clauses(documents["handan-eco-plan-2021-2025"])) == 88
    assert len(_clauses(documents["hebei-beautiful-hebei-action-plan-2023-2027"])) == 15
    assert len(_clauses(documents["ningjin-gazette-2023-01/1"])) == 56


def test_first_handan_measure(documents) -> None:
    first = documents["handan-eco-plan-2021-2025"].measures[0]
    assert first.number == "1."
    assert first.section_path == ("三、", "（一）", "1.")
    assert first.text.startswith("加强生态环境分区管控。加强“三线一单”在政策制定、环境准入")
    assert (first.span.line_start, first.span.line_end) == (252, 266)
    units = [unit.name for unit in first.clauses[0].units]
    assert units[:4] == ["市自然资源和规划局", "市生态环境局", "市农业农村局", "市行政审批局"]
    assert {unit.role for unit in first.clauses[0].units} == {Role.RESPONSIBLE}


def test_clause_split_across_a_page_keeps_its_units(documents) -> None:
    permit = next(m for m in documents["handan-eco-plan-2021-2025"].measures if m.text.startswith("全面实行排污许可制"))
    assert "— 30 —" not in permit.text and "\n" not in permit.text
    assert permit.text.endswith("（责任单位：市生态环境局、市行政审批局）")
    assert [unit.name for unit in permit.clauses[0].units] == ["市生态环境局", "市行政审批局"]
    assert (permit.clauses[0].span.line_start, permit.clauses[0].span.line_end) == (1297, 1303)


def test_paragraph_measures_under_a_title_heading(documents) -> None:
    handan = documents["handan-eco-plan-2021-2025"]
    heavy = [m for m in handan.measures if m.section_path == ("四、", "（三）", "1.")]
    assert len(heavy) == 2
    assert heavy[0].number is None
    assert heavy[0].text.startswith("持续开展秋冬季大气污染综合治理攻坚行动")
    assert heavy[0].span.line_start == 530
    assert [unit.name for unit in heavy[1].clauses[0].units] == ["市生态环境局"]
    assert heavy[1].clauses[0].units[0].role is Role.LEAD  # （市生态环境局牵头负责）


def test_scope_statements(documents) -> None:
    (handan_scope,) = documents["handan-eco-plan-2021-2025"].scopes
    assert handan_scope.text.startswith("以下均含各县<市、区>政府")
    assert handan_scope.span.line_start == 264
    assert [unit.name for unit in handan_scope.units] == [
        "各县<市、区>政府",
        "邯郸经济技术开发区管委会",
        "冀南新区管委会",
    ]
    (province_scope,) = documents["hebei-beautiful-hebei-action-plan-2023-2027"].scopes
    assert province_scope.text == "以下均需各市（含定州、辛集市）政府、雄安新区管委会具体落实，不再列出"


def test_clause_on_its_own_line_belongs_to_the_measure_above(documents) -> None:
    province = documents["hebei-beautiful-hebei-action-plan-2023-2027"]
    second = province.measures[1]
    assert second.number == "（二）"
    assert second.text.startswith("实施细颗粒物（PM2.5）达标和重污染天气消除行动。")
    assert second.clauses[0].span.line_start == 25
    assert (
        second.clauses[0].text
        == "（责任单位：省生态环境厅、省发展改革委、省工业和信息化厅、省交通运输厅、省住房城乡建设厅）"
    )


def test_numbered_tasks_without_clauses(documents) -> None:
    hengshui = documents["hengshui-eco-plan-2021-2025"]
    motor = next(m for m in hengshui.measures if m.text.startswith("强化机动车移动源污染控制"))
    assert motor.number == "3."
    assert motor.text.startswith("强化机动车移动源污染控制\n强化柴油货车治理监管。")
    assert motor.clauses == ()
    xingtai = documents["xingtai-eco-plan-2021-2025"]
    first = xingtai.measures[0]
    assert first.section_path == ("三、", "(一)", "1.")
    assert first.text.startswith("落实主体功能区战略。以河北省主体功能区划为基础，将全市主体功能区分为")


def test_review_and_goal_sections_hold_no_measures(documents) -> None:
    for document_id in ("handan-eco-plan-2021-2025", "xingtai-eco-plan-2021-2025", "ningjin-gazette-2023-01/4"):
        assert all(m.section_path[0] not in ("一、", "二、") for m in documents[document_id].measures)
    assert documents["ningjin-gazette-2023-01/2"].measures == []  # a regulation's articles are not tasks


def test_measure_ids_are_stable_and_unique(documents) -> None:
    ids = [measure.id for document in documents.values() for measure in document.measures]
    assert len(ids) == len(set(ids))
    assert documents["handan-eco-plan-2021-2025"].measures[0].id == "handan-eco-plan-2021-2025/m/1"


def test_the_closing_block_is_not_a_measure(documents) -> None:
    handan = documents["handan-eco-plan-2021-2025"]
    assert len(handan.measures) == 88  # one per clause: the 抄送/印发 block after the last one is not a task
    assert handan.measures[-1].span.line_end == 1436
    assert not any("抄送" in m.text or "印发" in m.text[-10:] for d in documents.values() for m in d.measures)


@pytest.mark.parametrize(
    ("number", "lines", "start", "units"),
    [
        ("2.", (47, 49), "县级特困人员供养服务设施（敬老院）建有率达到100%（约束性指标)。", ["民政局"]),
        (
            "（21）",
            (123, 125),
            "助力京津冀养老服务协同发展，鼓励县内养老机构与京津和我省其他地区",
            ["发展和改革局", "民政局"],
        ),
        (
            "（34）",
            (159, 163),
            "开展城镇配套养老服务设施专项治理，清查 2014 年以来新建城区、",
            ["民政局", "自然资源和规划局"],
        ),
    ],
)
def test_a_measure_cut_by_a_page_break_is_whole(documents, number, lines, start, units) -> None:
    """Ningjin 养老 items whose first line breaks off mid-sentence, a blank line, then the rest and the clause."""
    measures = documents["ningjin-gazette-2023-01/1"].measures
    (whole,) = [m for m in measures if m.span.line_start <= lines[0] <= m.span.line_end]
    assert (whole.number, whole.span.line_start, whole.span.line_end) == (number, *lines)
    assert whole.text.startswith(start) and "\n" not in whole.text
    assert [unit.name for unit in whole.clauses[0].units][: len(units)] == units
    assert not [m for m in measures if m.span.line_start == lines[0] + 2]  # no separate tail


def test_a_title_alone_on_its_line_stays_apart_from_its_paragraphs(documents) -> None:
    hengshui = documents["hengshui-eco-plan-2021-2025"].measures
    review = [m for m in documents["ningjin-gazette-2023-01/4"].measures if m.text.startswith("发挥各级河长作用")]
    assert review[0].text.startswith(
        "发挥各级河长作用，对辖区内河道“四乱”问题持续进行全面深入排查，形成"
    )  # wrapped, joined
    handan = documents["handan-eco-plan-2021-2025"].measures
    assert next(m for m in handan if m.span.line_start == 530).text.startswith("持续开展秋冬季")  # title 528 apart
    assert any(m.text.startswith("强化机动车移动源污染控制\n强化柴油货车治理监管。") for m in hengshui)
