"""``plankg report``: the comparison workbook, opened with openpyxl and pandas, facts checked against the documents."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import ROOT

PLANKG = [sys.executable, "-c", "from cli import app; app()"]


@pytest.fixture(scope="module")
def workbook(build_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.xlsx"
    done = subprocess.run(
        [*PLANKG, "report", "邯郸市", "邢台市", "衡水市", "--out", str(out), "--db", str(build_root)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: 规划 plans 3, 指标 indicators ")
    return out


def test_the_workbook_opens_with_openpyxl(workbook) -> None:
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    assert book.sheetnames == [
        "规划 plans",
        "指标 indicators",
        "措施对照 measures",
        "无对应 gaps",
        "责任 responsibilities",
    ]
    header = next(book["指标 indicators"].iter_rows(max_row=1, values_only=True))
    assert {"baseline", "target", "change", "attribute", "unit", "document", "doc_number", "source"} <= set(header)


def test_indicators_are_numbers_with_units_citing_their_row(workbook) -> None:
    table = pd.read_excel(workbook, sheet_name="指标 indicators")
    pm25 = table[table["indicator"] == "细颗粒物（PM2.5）年均浓度"].set_index("region")
    handan = pm25.loc["邯郸市"]  # handan-eco-plan-2021-2025.txt:164 “细颗粒物（PM2.5）浓度（ug/m3） 57 42 约束性”
    assert (handan["baseline"], handan["target"], handan["change"], handan["unit"], handan["attribute"]) == (
        57, 42, -15, "μg/m3", "约束性"
    )  # fmt: skip
    assert (handan["document"], handan["doc_number"], handan["source"]) == (
        "邯郸市生态环境保护“十四五”规划",
        "邯政字〔2023〕7号",
        "handan-eco-plan-2021-2025.txt:164-164",
    )
    assert (pm25.loc["衡水市", "target_as_printed"], pm25.loc["衡水市", "scope"]) == ("37*", "市区城市")
    assert table["category"].drop_duplicates().tolist()[:4] == ["环境治理", "应对气候变化", "环境风险防控", "生态保护"]
    assert table["source"].notna().all() and table["document"].notna().all()


def test_measures_gaps_and_responsibilities_cite_document_number_and_lines(workbook) -> None:
    sheets = pd.read_excel(workbook, sheet_name=None)
    measures = sheets["措施对照 measures"].set_index("measure_id")
    first = measures.loc["handan-eco-plan-2021-2025/m/1"]  # 加强生态环境分区管控, lines 252–266
    assert (first["source"], first["doc_number"]) == ("handan-eco-plan-2021-2025.txt:252-266", "邯政字〔2023〕7号")
    assert {"≈ 邢台市生态环境保护“十四五”规划", "≈ 衡水市生态环境保护“十四五”规划"} <= set(measures.columns)
    gaps = sheets["无对应 gaps"]
    assert set(gaps["verdict"]) <= {"none found", "uncertain"} and gaps["source"].notna().all()
    handan_vs_xingtai = gaps[
        (gaps["plan_id"] == "handan-eco-plan-2021-2025") & gaps["searched_in"].str.startswith("邢台市")
    ]
    assert "handan-eco-plan-2021-2025/m/69" in handan_vs_xingtai["measure_id"].tolist()  # 核与辐射: only near misses
    duties = sheets["责任 responsibilities"]
    loose_coal = duties[(duties["measure_id"] == "handan-eco-plan-2021-2025/m/19") & ~duties["implied"].astype(bool)]
    # lines 532–536: （责任单位：市生态环境局、市发展改革委、市农业农村局、市城管执法局、市市场监管局、市气象局）
    assert len(loose_coal) == 6 and set(loose_coal["source"]) == {"handan-eco-plan-2021-2025.txt:532-536"}
    silent = duties[duties["department"].str.contains("names no responsible units", na=False)]
    assert sorted(silent["region"]) == ["衡水市", "邢台市"]


def test_a_name_standing_for_several_plans_is_refused(build_root, tmp_path) -> None:
    done = subprocess.run(
        [*PLANKG, "report", "邯郸市", "宁晋县", "--out", str(tmp_path / "r.xlsx"), "--db", str(build_root)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "'宁晋县' names 4 plans" in done.stderr
    assert not (tmp_path / "r.xlsx").exists()
