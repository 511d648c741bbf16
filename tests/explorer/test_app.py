"""Every page of the explorer, driven by Streamlit's AppTest on the test build."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(build_root, monkeypatch):
    """A fresh app session reading the test build."""
    monkeypatch.setenv("PLANKG_DB", str(build_root))
    st.cache_resource.clear()
    st.cache_data.clear()

    def open_page(page: str, **params: str) -> AppTest:
        test = AppTest.from_file(APP, default_timeout=60)
        test.query_params["page"] = page
        for name, value in params.items():
            test.query_params[name] = value
        test.run()
        assert not test.exception, test.exception
        return test

    return open_page


def _frames(test: AppTest) -> str:
    return "\n".join(frame.value.to_string() for frame in test.dataframe)


def test_overview(app) -> None:
    page = app("overview")
    metrics = {metric.label: metric.value for metric in page.metric}
    assert metrics["Plan"] == "8" and metrics["Measure"] == "534"
    assert "宁晋县物业管理暂行办法" in _frames(page)


def test_compare_shows_the_pm25_row(app) -> None:
    page = app("compare", indicator="indicator/pm25")
    matrix = page.dataframe[0].value
    pm25 = matrix.loc["细颗粒物（PM2.5）年均浓度"]
    assert pm25["邯郸市"] == "57 → 42（约束性）"
    assert pm25["邢台市"] == "53 → 40（约束性）"
    assert pm25["衡水市"] == "52 → 37*（约束性）"
    across = page.dataframe[1].value
    assert across.set_index("region").loc["衡水市", "target"] == "37*"


def test_departments_page(app) -> None:
    page = app("departments", department="邯郸市生态环境局")
    assert page.metric[0].value == "79"
    assert "牵头 lead: **15**" in "\n".join(markdown.value for markdown in page.markdown)
    assert "handan-eco-plan-2021-2025/m/1" in _frames(page)
    assert page.query_params["department"] == "邯郸市生态环境局"


def test_graph_page_draws_the_neighbourhood(app) -> None:
    page = app("graph", node="dept/130400/生态环境局")
    assert any(markdown.value.startswith("60 neighbours") for markdown in page.markdown)  # 79 measures + region, cap 60


def test_network_html_works_offline(kg) -> None:
    import json
    import re

    from explorer.network import INCOMING, OUTGOING, network_html

    center = kg.cypher("MATCH (n) WHERE n.id = $id RETURN n AS n", id="region/130528")["n"][0]
    html = network_html(
        center, kg.cypher(OUTGOING, id="region/130528", cap=50), kg.cypher(INCOMING, id="region/130528", cap=50)
    )
    assert not re.findall(r'(?:src|href)="https?://', html)
    assert json.dumps("宁晋县")[1:-1] in html and "vis.Network" in html  # labels are JSON-escaped in the script


def test_console_runs_queries_and_shows_engine_errors(app) -> None:
    page = app("console")
    page.text_area[0].set_value("MATCH (p:Plan) WHERE p.region = '衡水市' RETURN p.doc_number AS number").run()
    page.button[0].click().run()
    assert "衡政办字〔2022〕18号" in _frames(page)
    page.text_area[0].set_value("CREATE (:Region {id: 'x', name: 'x'})").run()
    page.button[0].click().run()
    assert any("read-only" in error.value for error in page.error)


def test_sources_highlights_the_lines(app) -> None:
    page = app("sources", id="handan-eco-plan-2021-2025/m/1")
    text = "\n".join(markdown.value for markdown in page.markdown)
    assert "加强生态环境分区管控" in text
    assert "  252</code>" in text and "  266</code>" in text


def test_no_build_says_what_to_run(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PLANKG_DB", str(tmp_path))
    st.cache_resource.clear()
    test = AppTest.from_file(APP, default_timeout=30)
    test.run()
    assert "plankg build" in test.error[0].value
