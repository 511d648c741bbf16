"""Documents and their headers, read by hand from the corpus files."""

import datetime as dt

import pytest

from ingest.documents import split_documents
from ingest.errors import IngestError
from ingest.records import DocumentKind, Level
from ingest.reference import load_regions
from ingest.source import source_from_text


def test_single_document_files(documents) -> None:
    handan = documents["handan-eco-plan-2021-2025"].document
    assert handan.title == "邯郸市生态环境保护“十四五”规划"
    assert handan.notice_title == "关于印发邯郸市生态环境保护“十四五”规划的通知"
    assert handan.kind is DocumentKind.PLAN
    assert handan.issuer == "邯郸市人民政府"
    assert handan.doc_number == "邯政字〔2023〕7号"
    assert handan.issued == dt.date(2023, 6, 29)
    assert (handan.period_start, handan.period_end) == (2021, 2025)
    assert (handan.level, handan.region) == (Level.CITY, "邯郸市")
    assert (handan.span.line_start, handan.span.line_end) == (1, 1443)

    hengshui = documents["hengshui-eco-plan-2021-2025"].document
    assert hengshui.title == "衡水市生态环境保护“十四五”规划"
    assert hengshui.issuer == "衡水市人民政府办公室"
    assert hengshui.doc_number == "衡政办字〔2022〕18号"
    assert hengshui.issued == dt.date(2022, 3, 29)

    province = documents["hebei-beautiful-hebei-action-plan-2023-2027"].document
    assert province.title == "美丽河北建设行动方案（2023-2027年）"
    assert province.kind is DocumentKind.ACTION_PLAN
    assert (province.period_start, province.period_end) == (2023, 2027)
    assert (province.level, province.region) == (Level.PROVINCE, "河北省")


def test_fields_the_text_does_not_give_stay_empty(documents) -> None:
    xingtai = documents["xingtai-eco-plan-2021-2025"].document
    assert xingtai.title == "邢台市生态环境保护“十四五”规划"
    assert (xingtai.issuer, xingtai.doc_number, xingtai.issued, xingtai.notice_title) == (None, None, None, None)
    assert (xingtai.level, xingtai.region) == (Level.CITY, "邢台市")
    province = documents["hebei-beautiful-hebei-action-plan-2023-2027"].document
    assert (province.issuer, province.doc_number, province.issued) == (None, None, None)


def test_the_gazette_holds_four_documents(documents) -> None:
    gazette = {key: value.document for key, value in documents.items() if key.startswith("ningjin-gazette")}
    assert [
        (doc.title, doc.kind, doc.doc_number, doc.issued, doc.span.line_start, doc.span.line_end)
        for doc in gazette.values()
    ] == [
        (
            "关于落实《宁晋县养老服务体系建设“十四五”规划》的实施意见",
            DocumentKind.IMPLEMENTATION_OPINIONS,
            "办字〔2023〕1号",
            dt.date(2023, 1, 3),
            27,
            197,
        ),
        ("宁晋县物业管理暂行办法", DocumentKind.REGULATION, "办字〔2023〕4号", dt.date(2023, 2, 3), 198, 696),
        (
            "宁晋县建设京津冀生态环境支撑区“十四五”规划",
            DocumentKind.PLAN,
            "办字〔2023〕9号",
            dt.date(2023, 3, 24),
            697,
            1034,
        ),
        ("宁晋县生态环境保护“十四五”规划", DocumentKind.PLAN, "政字〔2023〕3号", dt.date(2023, 3, 24), 1035, 1628),
    ]
    assert all(doc.level is Level.COUNTY and doc.region == "宁晋县" for doc in gazette.values())
    assert gazette["ningjin-gazette-2023-01/4"].issuer == "宁晋县人民政府"
    assert gazette["ningjin-gazette-2023-01/3"].issuer == "宁晋县人民政府办公室"
    assert (gazette["ningjin-gazette-2023-01/2"].period_start, gazette["ningjin-gazette-2023-01/2"].period_end) == (
        None,
        None,
    )


def test_a_new_city_in_the_same_style_needs_no_code_change() -> None:
    text = "\n".join(
        [
            "石家庄市人民政府",
            "关于印发石家庄市生态环境保护“十四五”",
            "规划的通知",
            "石政字〔2022〕 12 号",
            "2022 年 5 月 6 日",
            "石家庄市生态环境保护“十四五”规划",
            "一、总体要求",
            "（一）指导思想",
        ]
    )
    slices, front_matter = split_documents(source_from_text(text, "sjz.txt"), load_regions().find_in)
    record = slices[0].record
    assert front_matter == set()
    assert (record.title, record.doc_number, record.issued) == (
        "石家庄市生态环境保护“十四五”规划",
        "石政字〔2022〕12号",
        dt.date(2022, 5, 6),
    )
    assert (record.issuer, record.region, record.level) == ("石家庄市人民政府", "石家庄市", Level.CITY)


def test_a_file_with_no_title_is_an_error_naming_the_line() -> None:
    source = source_from_text("\n\n一、总体要求\n正文。\n", "untitled.txt")
    with pytest.raises(IngestError) as raised:
        split_documents(source, load_regions().find_in)
    assert (raised.value.source_file, raised.value.line) == ("untitled.txt", 1)
