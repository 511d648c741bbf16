"""Every page of the explorer, driven by Streamlit's AppTest on the test build: the facts each shows."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.explorer.conftest import open_app


def _frames(test: AppTest) -> str:
    return "\n".join(frame.value.to_string() for frame in test.dataframe)


def _texts(test: AppTest) -> str:
    return "\n".join(
        element.value for kind in ("markdown", "caption", "info", "error") for element in getattr(test, kind)
    )


def _button(test: AppTest, label: str):
    return next(button for button in test.button if label in button.label)


def test_overview_counts_plans_and_shows_build_warnings(app, build_root) -> None:
    page = app("overview")
    metrics = {metric.label: metric.value for metric in page.metric}
    assert metrics["规划 / Plans"] == "8" and metrics["任务措施 / Measures"] == "534"
    assert metrics["主题 / Topics"] == "81"
    plans = page.dataframe[0].value.set_index("title")
    assert plans.loc["宁晋县生态环境保护“十四五”规划", ["province", "city", "county"]].tolist() == [
        "河北省",
        "邢台市",
        "宁晋县",
    ]
    assert plans.loc["邯郸市生态环境保护“十四五”规划", "measures"] == 88
    run = (build_root / "current").resolve().name
    assert f"{run[:4]}-{run[4:6]}-{run[6:8]}" in _texts(page)
    assert any(header.value.startswith("构建提示 / Build warnings (7)") for header in page.subheader)
    assert "各县控制考核断面达标率" in "\n".join(text.value for text in page.text)


def _matrix(test: AppTest) -> "pd.DataFrame":
    return pd.concat([table.value for table in test.table])


def test_compare_shows_the_three_cities_shared_indicators_by_category(app) -> None:
    page = app("compare")
    assert page.multiselect(key="plans").value == [  # by region code: 130400, 130500, 131100
        "handan-eco-plan-2021-2025",
        "xingtai-eco-plan-2021-2025",
        "hengshui-eco-plan-2021-2025",
    ]
    groups = [markdown.value for markdown in page.markdown if markdown.value.startswith("**")]
    assert groups == ["**环境治理** (9)", "**应对气候变化** (3)", "**环境风险防控** (2)", "**生态保护** (2)"]
    pm25 = _matrix(page).loc["细颗粒物（PM2.5）年均浓度"]
    assert pm25["邯郸市"] == "57 → 42（约束性）"  # handan-eco-plan-2021-2025.txt:164
    assert pm25["邢台市"] == "⚠ 53 → 40（约束性）〔市城区〕"  # another scope: not directly comparable
    assert pm25["衡水市"] == "⚠ 52 → 37*（约束性）〔市区城市〕"
    water = _matrix(page).loc["地表水达到或好于Ⅲ类水体比例"]
    assert water["邯郸市"] == "⚠ 60 → 达到省要求（约束性）"  # a target that is not a number, as written
    ammonia = _matrix(page).loc["氨氮重点工程减排量"]
    assert (ammonia["单位 unit"], ammonia["邯郸市"]) == ("吨", "— → 0.075 万吨（约束性）")  # printed in 万吨
    assert "集中式饮用水水源水质达到或优于Ⅲ类比例" not in _matrix(page).index  # Hengshui's only
    across = page.dataframe[0].value.set_index("region")
    assert across.loc["衡水市", "target"] == "37*"
    assert across.loc["邯郸市", "source"].startswith("?page=sources&id=handan-eco-plan-2021-2025.txt%3A164")


def test_compare_all_rows_and_the_2020_completion_table(app) -> None:
    page = app("compare", year="2020", rows="all", indicator="indicator/surface_water_good")
    matrix = _matrix(page)
    assert matrix.loc["地表水达到或好于Ⅲ类水体比例", "衡水市"] == "目标 55 · 实际 80 · 完成 是"  # 表 1: 55 80 是
    assert matrix.loc["挥发性有机物排放总量减少", "衡水市"] == "⚠ 目标 — · 实际 — · 完成 —"
    assert "nan" not in matrix.to_string().lower()
    across = page.dataframe[0].value
    assert across[["target", "achieved", "met"]].values.tolist() == [["55", "80", "是"]]


def test_compare_keeps_the_chosen_plans_in_the_url(app, monkeypatch) -> None:
    page = app("compare", plans="handan-eco-plan-2021-2025,ningjin-gazette-2023-01/4", rows="all")
    assert page.multiselect(key="plans").value == ["handan-eco-plan-2021-2025", "ningjin-gazette-2023-01/4"]
    page.multiselect(key="plans").unselect("ningjin-gazette-2023-01/4").run()
    assert page.query_params["plans"] == "handan-eco-plan-2021-2025"
    import explorer.pages.compare as compare

    monkeypatch.setattr(compare, "MAX_PLANS", 2)
    many = app("compare", plans="handan-eco-plan-2021-2025,xingtai-eco-plan-2021-2025,hengshui-eco-plan-2021-2025")
    assert "Too many plans in the link: the first 2 are shown" in many.warning[0].value
    assert len(many.multiselect(key="plans").value) == 2
    monkeypatch.undo()
    unknown = app("compare", plans="handan-eco-plan-2021-2025,nowhere-plan")
    assert "Unknown plans in the link: nowhere-plan" in unknown.warning[0].value
    assert unknown.multiselect(key="plans").value == ["handan-eco-plan-2021-2025"]


def test_compare_follows_the_url_and_shows_topics(app) -> None:
    page = app("compare", indicator="indicator/forest_cover")
    assert page.selectbox(key="indicator").value == "indicator/forest_cover"
    assert page.dataframe[0].value.set_index("region").loc["邢台市", "target"] == "36.5"
    page = app("compare", view="topics", topic="topic/air", subtopic="topic/loose-coal")
    assert "**邯郸市** · 邯郸市生态环境保护“十四五”规划" in _texts(page)  # the loose-coal measures, side by side
    assert "(?page=sources&id=handan-eco-plan-2021-2025%2Fm%2F" in _texts(page)
    shares = page.dataframe[0].value
    assert shares.loc["大气环境 Air", "邯郸市"] == 25.0  # 22 of Handan's 88 measures
    assert shares.loc["　└ 散煤治理 Loose coal control", "邯郸市"] == 2.3  # 2 of 88, under its top topic
    assert shares.index.get_loc("　└ 散煤治理 Loose coal control") > shares.index.get_loc("大气环境 Air")
    assert page.query_params["subtopic"] == "topic/loose-coal"


def test_compare_says_what_handan_does_that_xingtai_does_not(app) -> None:
    page = app("compare", view="gaps")
    assert page.selectbox(key="plan").value == "handan-eco-plan-2021-2025"
    assert page.selectbox(key="other").value == "xingtai-eco-plan-2021-2025"
    headers = [header.value for header in page.subheader]
    none_found, uncertain = page.dataframe[0].value, page.dataframe[1].value
    assert headers[0].endswith(f"({len(none_found)})") and headers[1].endswith(f"({len(uncertain)})")
    # m/69 (核与辐射安全监管) has only near misses in Xingtai's plan (m/99, m/100 carry it: read them); m/7
    # (严控煤炭消费总量) has its counterpart (Xingtai m/11) and is no gap
    assert "handan-eco-plan-2021-2025/m/69" in uncertain["measure_id"].tolist()
    assert "handan-eco-plan-2021-2025/m/7" not in [*none_found["measure_id"], *uncertain["measure_id"]]
    assert (uncertain["near"] != "").all() and (none_found["near"] == "").all()


def test_compare_without_topics_says_so(build_without_topics, monkeypatch) -> None:
    page = open_app(build_without_topics, monkeypatch, "compare")
    assert _matrix(page).loc["细颗粒物（PM2.5）年均浓度", "邯郸市"] == "57 → 42（约束性）"
    for view in ("topics", "gaps"):
        assert "Not available in this build" in _texts(
            open_app(build_without_topics, monkeypatch, "compare", view=view)
        )
    departments = open_app(build_without_topics, monkeypatch, "departments")
    assert departments.metric[0].value == "79"


def test_department_page_lists_every_measure(app) -> None:
    page = app("departments", department="邯郸市生态环境局")
    metrics = {metric.label: metric.value for metric in page.metric}
    assert metrics["任务 measures"] == "79" and metrics["牵头 lead"] == "15"
    assert "handan-eco-plan-2021-2025/m/1" in _frames(page)
    assert page.expander[0].label == "邯郸市生态环境保护“十四五”规划 (79)"
    page.segmented_control(key="group_by").set_value("topic").run()
    assert any(expander.label.startswith("大气环境") for expander in page.expander)


def test_department_page_explains_roles_filters_and_shows_co_responsibility(app) -> None:
    page = app("departments", department="邯郸市生态环境局")
    assert "no plan of this corpus writes 配合" in _texts(page)
    page.segmented_control(key="role").set_value("lead").run()
    assert page.expander[0].label == "邯郸市生态环境保护“十四五”规划 (15)"  # （市生态环境局牵头负责）
    assert page.query_params["role"] == "lead"
    shared = next(frame.value for frame in page.dataframe if "shared" in frame.value.columns).set_index("department")
    assert shared.loc["邯郸市农业农村局", "shared"] == 21


def test_unknown_deep_links_say_so(app) -> None:
    page = app("departments", department="邢台市生态环境局")  # Xingtai's plan names no units
    assert "Unknown department in the link: 邢台市生态环境局" in page.warning[0].value
    page = app("compare", indicator="indicator/nothing")
    assert any("Unknown indicator in the link: indicator/nothing" in warning.value for warning in page.warning)
    page = app("compare", view="topics", topic="topic/nothing")
    assert any("Unknown topic in the link: topic/nothing" in warning.value for warning in page.warning)
    page = app("graph", node="region/999999")
    assert any("No node 'region/999999'" in warning.value for warning in page.warning)


def test_who_owns_loose_coal_city_by_city(app) -> None:
    page = app("owners", task="散煤")
    labels = [expander.label for expander in page.expander]
    assert labels == [  # as `plankg who 散煤`: one measure in each city, Ningjin 3 in 2 plans; named owners first
        "邯郸市 · 1 条任务 measures",
        "宁晋县 · 3 条任务 measures",
        "衡水市 · 1 条任务 measures",
        "邢台市 · 1 条任务 measures",
    ]
    handan = next(expander for expander in page.expander if expander.label.startswith("邯郸市"))
    (owners,) = [markdown.value for markdown in handan.markdown if markdown.value.startswith("**负责 responsible**")]
    # handan-eco-plan-2021-2025.txt:532-536 （责任单位：市生态环境局、市发展改革委、市农业农村局、市城管执法局、市市场监管局、市气象局）
    for body in ("邯郸市生态环境局", "邯郸市发展和改革委员会", "邯郸市城市管理综合行政执法局", "邯郸市气象局"):
        assert body in owners
    assert r"邯郸市各县\<市、区\>政府" in owners  # implied by the scope statement, escaped as written
    hengshui = next(expander for expander in page.expander if expander.label.startswith("衡水市"))
    assert "《衡水市生态环境保护“十四五”规划》没有列出责任单位" in hengshui.caption[0].value
    page.multiselect(key="city").set_value(["邯郸市"]).run()
    assert [expander.label.split(" ")[0] for expander in page.expander] == ["邯郸市"]
    assert page.query_params["city"] == "邯郸市"


def test_url_selects_the_department_and_peers_are_one_click_away(app) -> None:
    page = app("departments", department="宁晋县民政局")
    assert page.selectbox(key="department").value == "宁晋县民政局"
    assert page.query_params["department"] == "宁晋县民政局"
    page = app("departments")
    _button(page, "河北省生态环境厅").click().run()
    assert page.selectbox(key="department").value == "河北省生态环境厅"
    assert page.metric[0].value == "15"


def test_handan_construction_bureau_finds_its_peers_elsewhere(app) -> None:
    page = app("departments", department="邯郸市建设局")
    peers = {button.label for button in page.button}
    assert {"河北省住房和城乡建设厅", "宁晋县住房和城乡建设局"} <= {label.split(" ")[0] for label in peers}


def test_graph_page_draws_and_recentres(app) -> None:
    page = app("graph", node="region/130528")
    summary = next(markdown.value for markdown in page.markdown if "个节点 nodes" in markdown.value)
    assert int(summary.split(" ")[0]) > 10
    page.selectbox(key="recentre").set_value("region/130500").run()
    assert page.selectbox(key="node").value == "region/130500"
    assert page.query_params["node"] == "region/130500"


def test_graph_page_finds_nodes_by_their_words(app) -> None:
    page = app("graph", node="region/130528")
    page.text_input(key="find").set_value("细颗粒物").run()
    options = page.selectbox(key="node").options
    assert options[0].startswith("Region · region/130528")  # the centre stays on offer
    assert any(option.startswith("Indicator · indicator/pm25") for option in options)
    assert not any(option.startswith("Region · region/130400") for option in options)  # 邯郸市 holds no 细颗粒物
    assert page.selectbox(key="node").value == "region/130528"


def test_graph_page_caps_and_shows_more(app) -> None:
    page = app("graph", node="dept/130400/生态环境局")
    assert any("已截断 cut at 60" in markdown.value for markdown in page.markdown)  # 79 measures and a region
    _button(page, "显示更多").click().run()
    # the bureau, its 79 measures and its region drawn (81), the next 39 of the second hop folded
    assert any(
        markdown.value.startswith("120 个节点") and "39 folded: click a neighbour to unfold" in markdown.value
        for markdown in page.markdown
    )


def test_console_runs_a_query_and_shows_its_rows(app) -> None:
    page = app("console")
    page.text_area(key="cypher").set_value(
        "MATCH (p:Plan) WHERE p.region = $region RETURN p.doc_number AS number, p AS plan"
    )
    _button(page, "运行").click().run()
    assert "衡水市" in page.selectbox(key="p_region").options  # a picker of the graph's regions
    page.selectbox(key="p_region").set_value("衡水市")
    _button(page, "运行").click().run()
    assert page.dataframe[0].value["number"].tolist() == ["衡政办字〔2022〕18号"]
    assert page.dataframe[0].value["plan"].tolist() == [
        "Plan · 衡水市生态环境保护“十四五”规划 · hengshui-eco-plan-2021-2025"
    ]
    assert any(markdown.value.startswith("1 行 rows") for markdown in page.markdown)
    assert page.query_params["p_region"] == "衡水市" and "$region" in page.query_params["cypher"]


def test_console_takes_a_list_parameter_as_json(app) -> None:
    page = app("console", example="main_topics")
    assert page.text_input(key="p_ids").value == '["handan-eco-plan-2021-2025/m/1"]'
    _button(page, "运行").click().run()
    assert page.dataframe[0].value["topic"].tolist() == ["环境治理体系与监管"]  # 环境准入、执法监管…, lines 252–266


def test_console_runs_the_query_its_link_holds(app) -> None:
    page = app(
        "console", cypher="MATCH (p:Plan) WHERE p.region = $region RETURN p.doc_number AS number", p_region="邯郸市"
    )
    assert page.dataframe[0].value["number"].tolist() == ["邯政字〔2023〕7号"]


def test_console_fills_a_named_query_and_draws_nodes(app) -> None:
    page = app("console", example="department_load")
    assert "BELONGS_TO" in page.text_area(key="cypher").value
    assert page.selectbox(key="p_region").value == "邯郸市"
    _button(page, "运行").click().run()
    assert "邯郸市生态环境局" in page.dataframe[0].value["department"].tolist()
    page.text_area(key="cypher").set_value("MATCH (p:Plan) RETURN p AS plan")
    _button(page, "运行").click().run()
    assert any("Nodes in the result (8)" in header.value for header in page.subheader)


def test_console_shows_the_engines_errors(app) -> None:
    page = app("console")
    page.text_area(key="cypher").set_value("MATCH (p:Plan RETURN p")
    _button(page, "运行").click().run()
    assert "Parser exception" in page.error[0].value
    page.text_area(key="cypher").set_value("CREATE (:Region {id: 'x', name: 'x'})")
    _button(page, "运行").click().run()
    assert "refused: CREATE" in page.error[0].value


def test_console_refuses_files_and_settings_and_keeps_its_own_connection(app, tmp_path) -> None:
    page = app("console")
    for attack, said in [
        ("LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *", "refused: LOAD"),
        (f"RETURN 1 AS x; COPY (RETURN 'x' AS x) TO '{tmp_path / 'x.csv'}'", "second statement"),
        ("CALL timeout=0", "refused: CALL timeout"),
    ]:
        page.text_area(key="cypher").set_value(attack)
        _button(page, "运行").click().run()
        assert said in page.error[0].value
        assert "root:x:0:0" not in page.error[0].value
    assert list(tmp_path.iterdir()) == []
    other = app("console")  # a second browser session gets a connection of its own
    _button(other, "运行").click().run()
    (_, own), (_, others) = page.session_state["_console_graph"], other.session_state["_console_graph"]
    assert own is not others and own._backend._process.pid != others._backend._process.pid


def test_console_cuts_long_results_and_says_so(app) -> None:
    page = app("console")
    page.text_area(key="cypher").set_value("MATCH (s:Section), (m:Measure) RETURN s.id AS s, m.id AS m LIMIT 6000")
    _button(page, "运行").click().run()
    assert any("showing the first 5000" in markdown.value for markdown in page.markdown)
    assert len(page.dataframe[0].value) == 5000


def test_sources_highlights_the_lines_of_a_measure(app) -> None:
    page = app("sources", id="handan-eco-plan-2021-2025/m/1")
    text = _texts(page)
    assert "加强生态环境分区管控" in text
    assert "<div class='line hit'><span class='no'>252</span>" in text
    assert "<span class='no'>266</span>" in text and "<span class='no'>247</span>" in text  # and some context
    assert "<div class='line'><span class='no'>251</span>" in text
    facts = page.dataframe[0].value
    assert "邯郸市生态环境局（responsible）" in facts["what"].tolist()


def test_sources_shows_a_table_rows_column_headers_and_says_when_a_span_is_out_of_range(app) -> None:
    page = app("sources", id="handan-eco-plan-2021-2025.txt:164-164")
    assert (
        "(第 142–154 行 lines): “十四五”生态环境保护主要指标 类 别 序 号 指    标 2020 年 2025 年 指标 属性"
        in _texts(page)
    )
    page = app("sources", id="handan-eco-plan-2021-2025.txt:1500-1501")
    assert "has lines 1–1443; there are no lines 1500–1501" in page.error[0].value


def test_sources_opens_any_span_and_says_when_a_node_has_none(app) -> None:
    page = app("sources", id="hengshui-eco-plan-2021-2025.txt:114-114")
    assert "<div class='line hit'><span class='no'>114</span>8 各县控制考核断面" in _texts(page)
    page = app("sources", id="region/130528")
    assert "was not read from one place" in _texts(page)


def test_no_build_says_what_to_run(tmp_path, monkeypatch) -> None:
    page = open_app(tmp_path, monkeypatch)
    assert "plankg build" in page.error[0].value
    assert "make run" in page.code[0].value


def test_sources_of_a_pdf_show_its_text_and_pages(tmp_path, monkeypatch) -> None:
    from graph.pipeline import build
    from tests.conftest import ROOT

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pdf = ROOT / "tests" / "fixtures" / "formats" / "handan-eco-plan-2021-2025.pdf"
    (corpus / pdf.name).write_bytes(pdf.read_bytes())
    build(corpus, tmp_path / "build")
    page = open_app(tmp_path / "build", monkeypatch, "sources", id="handan-eco-plan-2021-2025/m/1")
    assert "加强生态环境分区管控" in _texts(page)
    assert any("第 5–5 页 / pages 5–5" in caption.value for caption in page.caption)  # tests/ingest/test_formats.py
