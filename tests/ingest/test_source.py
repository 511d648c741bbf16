"""Reading files in every encoding and line-end style the corpus may arrive in."""

import codecs
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.source import decode, read_source
from tests.conftest import CORPUS

HANDAN = CORPUS / "handan-eco-plan-2021-2025.txt"


@pytest.fixture(scope="module")
def handan_text() -> str:
    return HANDAN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode("utf-8"), "utf-8"),
        (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
        (lambda text: text.encode("gb18030"), "gb18030"),
        (lambda text: text.encode("gbk"), "gb18030"),
        (lambda text: text.encode("utf-16"), "utf-16"),
        (lambda text: text.encode("utf-16-le"), "utf-16-le"),
        (lambda text: text.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_every_encoding_gives_the_same_lines(tmp_path: Path, handan_text: str, encode, encoding: str) -> None:
    path = tmp_path / HANDAN.name
    path.write_bytes(encode(handan_text))
    source = read_source(path)
    assert source.encoding == encoding
    assert len(source.lines) == 1443
    assert source.line(1301).text == "— 30 —"
    assert source.line(258).text.endswith("（责任单位：")


TRADITIONAL = (
    "邯鄲市生態環境保護「十四五」規劃\n一、總體要求\n"
    "以習近平新時代中國特色社會主義思想為指導，深入貫徹黨的十九大和十九屆歷次全會精神，堅持生態優先、綠色發展。\n"
)
KOREAN = (
    "한단시 생태환경보호 제14차 5개년 계획\n1. 총체적 요구\n대기오염 방지를 강화하고 미세먼지와 오존을 함께 관리한다.\n"
)


@pytest.mark.parametrize(
    ("data", "detected"), [(TRADITIONAL.encode("big5"), "big5"), (KOREAN.encode("euc-kr"), "cp949")]
)
def test_other_encodings_are_refused_not_read_as_gb18030(data: bytes, detected: str) -> None:
    data.decode("gb18030")  # GB18030 would read them, as garbage
    with pytest.raises(IngestError) as raised:
        decode(data, "other.txt")
    assert raised.value.line == 1
    assert raised.value.message.startswith(f"looks like {detected}, not UTF-8, GB18030 or UTF-16: convert it to UTF-8")


def test_short_gb18030_text_is_read() -> None:
    assert decode("第一行\n第二行\n".encode("gb18030"), "short.txt") == ("第一行\n第二行\n", "gb18030")


def test_crlf_and_cr_line_ends_keep_line_numbers(tmp_path: Path, handan_text: str) -> None:
    for line_end in ("\r\n", "\r"):
        path = tmp_path / "crlf.txt"
        path.write_bytes(handan_text.replace("\n", line_end).encode("utf-8"))
        source = read_source(path)
        assert len(source.lines) == 1443
        assert source.line(1301).text == "— 30 —"


def test_zero_width_characters_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "zw.txt"
    path.write_text("\ufeff邯郸市\u200b生态环境局\n第二行\n", encoding="utf-8")
    source = read_source(path)
    assert [line.text for line in source.lines] == ["邯郸市生态环境局", "第二行"]


def test_span_keeps_raw_text() -> None:
    source = read_source(HANDAN)
    span = source.span(1299, 1303)
    assert span.text == "\n\n— 30 —\n\n局、市行政审批局）"
    assert (span.source_file, span.line_start, span.line_end) == (HANDAN.name, 1299, 1303)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", None, "empty"),
        (b"  \n\n", None, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 3, "binary"),
        ("第一行\n第二行\n".encode() + b"\xff\xfe\xfd\xfc\x80\n", 3, "cannot decode"),
    ],
)
def test_bad_files_name_the_file_and_line(data: bytes, line: int | None, message: str) -> None:
    with pytest.raises(IngestError) as raised:
        decode(data, "bad.txt")
    assert raised.value.source_file == "bad.txt"
    assert raised.value.line == line
    assert message in raised.value.message
    assert str(raised.value).startswith("bad.txt")


def test_missing_file_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read file"):
        read_source(tmp_path / "nope.txt")
