"""The numbered heading tree, checked against the printed outlines."""

from ingest.outline import read_heading


def _section(documents, document_id: str, path: tuple[str, ...]):
    return next(section for section in documents[document_id].sections if section.path == path)


def test_handan_outline(documents) -> None:
    sections = documents["handan-eco-plan-2021-2025"].sections
    top = [section.heading for section in sections if section.depth == 1]
    assert top[0] == "前言"
    assert top[2] == "加快推动绿色低碳发展"
    assert top[-1] == "全力构建现代环境治理体系"
    assert len(top) == 9
    battle = _section(documents, "handan-eco-plan-2021-2025", ("四、", "（三）", "1."))
    assert battle.heading == "打好重污染天气消除攻坚战役"
    assert (battle.span.line_start, battle.span.line_end) == (528, 545)
    assert battle.id == "handan-eco-plan-2021-2025/sec/4.3.1"


def test_wrapped_lines_are_not_headings(documents) -> None:
    starts = {section.span.line_start for section in documents["handan-eco-plan-2021-2025"].sections}
    assert 47 not in starts  # "45.1%、34.5%。" continues the sentence of "1.蓝天保卫战成效显著"
    assert read_heading("45.1%、34.5%。") is None
    assert read_heading("2.5 微克/立方米") is None


def test_markdown_marks_are_noise(documents) -> None:
    xingtai = documents["xingtai-eco-plan-2021-2025"]
    fourth = _section(documents, "xingtai-eco-plan-2021-2025", ("四、",))
    assert fourth.heading == "降碳减排，积极应对气候变化"  # printed "#### **四、降碳减排，积极应对气候变化**"
    assert _section(documents, "xingtai-eco-plan-2021-2025", ("四、", "（一）")).heading == "做好碳达峰开篇布局"
    assert [section.heading for section in xingtai.sections if section.depth == 1][
        1
    ] == "目标导向，准确把握生态环境保护总体要求"


def test_numbering_carried_across_parents(documents) -> None:
    pension = documents["ningjin-gazette-2023-01/1"]
    seventh = _section(documents, "ningjin-gazette-2023-01/1", ("二、", "(二)", "2.", "（7）"))
    assert seventh.heading.startswith("将家庭照护者培训纳入养老护理员职业技能培训范围")
    regulation = documents["ningjin-gazette-2023-01/2"]
    articles = [
        section for section in regulation.sections if section.number.startswith("第") and section.number.endswith("条")
    ]
    assert articles[0].number == "第一条" and articles[-1].number == "第六十八条"
    assert len(articles) == 68
    assert pension.problems == [] or all(problem.severity.value != "error" for problem in pension.problems)
