"""Plans as governments publish them (PDF, Word, portal HTML, scans, task tables) give the text's records.

The fixtures are made from the corpus by ``tests/fixtures/formats/make_fixtures.py``; the tests
read the committed files, so neither LibreOffice nor pdftoppm is needed here.
"""

import datetime as dt
from pathlib import Path

import pytest

from ingest.corpus import CorpusIngest, DocumentIngest, ingest_file
from ingest.deadlines import deadline_date, deadline_in_text
from ingest.formats import read_file
from ingest.records import Role
from ingest.report import format_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
CORPUS = Path(__file__).resolve().parents[2] / "data" / "raw"
HANDAN = "handan-eco-plan-2021-2025"
TASK_FORMATS = ("docx", "pdf", "html", "md", "tsv")


def _only_document(path: Path) -> DocumentIngest:
    result = ingest_file(path)
    assert not result.problems, [str(problem) for problem in result.problems]
    (document,) = result.documents
    return document


@pytest.fixture(scope="module")
def handan_text() -> DocumentIngest:
    return _only_document(CORPUS / f"{HANDAN}.txt")


def _measures(document: DocumentIngest) -> list[tuple]:
    """Each measure as compared across formats: texts without the spaces a PDF loses where a line wraps."""
    return [
        (
            measure.number,
            "".join(measure.text.split()),
            measure.section_path,
            "".join((measure.deadline or "").split()),
            measure.deadline_date,
            tuple((unit.name, unit.as_written, unit.role) for clause in measure.clauses for unit in clause.units),
        )
        for measure in document.measures
    ]


def _rows(document: DocumentIngest, document_id: str) -> list[dict]:
    return [
        row.model_dump(exclude={"span"})
        | {"id": row.id.replace(document.document.id, document_id), "document_id": None}
        for row in document.indicators
    ]


@pytest.mark.parametrize("suffix", ["docx", "pdf", "html"])
def test_the_handan_plan_in_every_format_gives_the_records_of_its_text(suffix, handan_text):
    document = _only_document(FIXTURES / f"{HANDAN}.{suffix}")
    assert document.document.model_dump(exclude={"span"}) == handan_text.document.model_dump(exclude={"span"})
    assert len(document.measures) == 88
    assert sum(len(measure.clauses) for measure in document.measures) == 88
    assert _measures(document) == _measures(handan_text)
    assert len(document.indicators) == 19
    assert _rows(document, HANDAN) == _rows(handan_text, HANDAN)
    assert not document.problems


def test_merged_cells_and_the_two_row_header_read_as_in_the_text(handan_text):
    """Row 8 of the table: 序号 and 属性 merged over four rows, 类别 环境治理 over twelve."""
    rows = _only_document(FIXTURES / f"{HANDAN}.pdf").indicators
    ammonia = next(row for row in rows if row.name == "氨氮重点工程减排量")
    assert (ammonia.category, ammonia.number, ammonia.target, ammonia.target_value) == ("环境治理", "8", "0.075", 0.075)
    assert (ammonia.attribute, ammonia.attribute_inherited) == ("约束性", True)
    assert (ammonia.baseline_year, ammonia.target_year, ammonia.unit) == (2020, 2025, "万吨")
    forest = rows[-1]
    assert (forest.name, forest.target, forest.category) == ("森林覆盖率", "净增 1.5 个百分点以上", "生态保护")


def test_pdf_lines_carry_their_page_and_running_headers_and_page_numbers_are_dropped():
    source = read_file(FIXTURES / f"{HANDAN}.pdf")
    texts = [line.text.strip() for line in source.lines]
    assert max(source.pages) == 25
    assert texts.count("邯郸市生态环境保护“十四五”规划") == 1  # the title; the running header of 25 pages is gone
    assert not [text for text in texts if text.startswith("—") and text.endswith("—")]
    document = _only_document(FIXTURES / f"{HANDAN}.pdf")
    first = document.measures[0]
    assert (first.number, first.span.page_start, first.span.page_end) == ("1.", 5, 5)
    assert first.clauses[0].span.page_start == 5
    assert {row.span.page_start for row in document.indicators} == {4}
    across = next(measure for measure in document.measures if measure.text.startswith("推广节能低碳交通工具"))
    assert (across.span.page_start, across.span.page_end) == (7, 8)


def test_word_numbering_prints_the_outline_numbers():
    texts = [line.text for line in read_file(FIXTURES / f"{HANDAN}.docx").lines]
    assert "一、前言" in texts
    assert "（一）“十三五”取得的成效" in texts
    assert any(text.startswith("1.蓝天保卫战成效显著。") for text in texts)
    assert "（四）打造绿色低碳交通运输体系" in texts
    assert not read_file(FIXTURES / f"{HANDAN}.docx").pages  # a Word file has no pages


def test_a_portal_page_gives_its_metadata_and_not_its_navigation():
    source = read_file(FIXTURES / f"{HANDAN}.html")
    assert source.metadata == {
        "索引号": "000014349/2023-00107",
        "发布机构": "邯郸市人民政府",
        "文号": "邯政字〔2023〕7号",
        "发文日期": "2023-06-29",
    }
    texts = " ".join(line.text for line in source.lines)
    assert "政务公开" not in texts and "分享到" not in texts and "冀ICP备" not in texts


@pytest.mark.parametrize("suffix", TASK_FORMATS)
def test_a_task_division_table_gives_one_measure_per_row(suffix):
    document = _only_document(FIXTURES / f"hebei-task-division.{suffix}")
    measures = document.measures
    assert [measure.number for measure in measures] == [str(number) for number in range(1, 16)]
    first = measures[0]
    assert first.text.startswith("实施重点城市空气质量“退后十”行动\n加强重点城市污染治理和重点行业结构调整力度")
    units = [(unit.name, unit.role) for unit in first.clauses[0].units]
    assert units == [
        ("省生态环境厅", Role.LEAD),
        ("省工业和信息化厅", Role.SUPPORT),
        ("省发展改革委", Role.SUPPORT),
        ("省交通运输厅", Role.SUPPORT),
        ("省住房城乡建设厅", Role.SUPPORT),
    ]
    assert (first.deadline, first.deadline_date) == ("长期坚持", None)
    assert (measures[1].deadline, measures[1].deadline_date) == ("2027年底前", dt.date(2027, 12, 31))
    assert (measures[2].deadline, measures[2].deadline_date) == ("2024年底前", dt.date(2024, 12, 31))
    assert [unit.name for unit in measures[14].clauses[0].units] == ["省生态环境厅"]


def test_task_tables_read_alike_in_every_format():
    by_format = {
        suffix: _measures(_only_document(FIXTURES / f"hebei-task-division.{suffix}")) for suffix in TASK_FORMATS
    }
    assert all(measures == by_format["md"] for measures in by_format.values())


def test_the_portal_metadata_fills_what_the_text_does_not_say():
    record = _only_document(FIXTURES / "hebei-task-division.html").document
    assert (record.doc_number, record.issued, record.issuer) == (
        "冀环办〔2023〕15号",
        dt.date(2023, 9, 12),
        "河北省生态环境厅",
    )
    assert _only_document(FIXTURES / "hebei-task-division.md").document.doc_number is None


def test_deadlines_as_written_and_as_dates():
    assert deadline_date("2025年底前") == dt.date(2025, 12, 31)
    assert deadline_date("2024年6月底前") == dt.date(2024, 6, 30)
    assert deadline_date("长期坚持") is None
    assert deadline_in_text("到2025年，全市细颗粒物浓度下降") == ("到2025年", dt.date(2025, 12, 31))
    assert deadline_in_text("年底前完成排查。") == ("年底前", None)
    assert deadline_in_text("2020 年，全市细颗粒物浓度 57 微克") is None  # a year without 到/前/底 sets no deadline
    province = _only_document(CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt").measures
    assert (province[2].deadline, province[2].deadline_date) == ("到 2024 年", dt.date(2024, 12, 31))
    assert province[0].deadline is None


def test_a_scanned_page_is_read_by_ocr_and_reported(handan_text):
    """Page 1 (the covering notice) is an image without text: OCR reads its number, date and title."""
    result = ingest_file(FIXTURES / f"{HANDAN}-scanned-notice.pdf")
    (document,) = result.documents
    assert [(page.page, page.confidence > 0.9) for page in result.ocr] == [(1, True)]
    fields = {"title", "notice_title", "issuer", "doc_number", "issued", "region"}
    assert document.document.model_dump(include=fields) == handan_text.document.model_dump(include=fields)
    assert _measures(document) == _measures(handan_text)
    report = format_report(CorpusIngest(files=[result]))
    assert f"{HANDAN}-scanned-notice.pdf: page 1 read by OCR (confidence 0.9" in report


def test_an_image_is_read_by_ocr():
    source = read_file(FIXTURES / "handan-notice-scan.png")
    texts = [line.text for line in source.lines]
    assert "邯郸市人民政府" in texts and "2023年6月29日" in texts
    assert [page.page for page in source.ocr] == [1]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.pdf", b"%PDF-1.7\nnot really", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "not a readable Word (.docx) file"),
        ("broken.png", b"\x89PNG\r\n\x1a\n", "not a readable image"),
        ("plan.xlsx", b"anything", "unknown file type .xlsx"),
    ],
)
def test_unreadable_files_are_reported_with_their_name(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = ingest_file(path)
    assert result.failed and not result.documents
    (problem,) = result.problems
    assert problem.source_file == name and message in problem.message


def test_plankg_add_copies_files_that_read_and_refuses_the_others(tmp_path):
    from typer.testing import CliRunner

    from cli import app

    corpus = tmp_path / "raw"
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    runner = CliRunner()
    added = runner.invoke(app, ["add", str(FIXTURES / "hebei-task-division.docx"), "--corpus", str(corpus)])
    assert added.exit_code == 0, added.output
    assert "15 measures, 15 clauses" in added.output
    assert (corpus / "hebei-task-division.docx").read_bytes() == (FIXTURES / "hebei-task-division.docx").read_bytes()
    refused = runner.invoke(app, ["add", str(bad), "--corpus", str(corpus)])
    assert refused.exit_code == 1
    assert "scan.pdf: error: not a readable PDF" in refused.output
    assert "Traceback" not in refused.output
    assert not (corpus / "scan.pdf").exists()
