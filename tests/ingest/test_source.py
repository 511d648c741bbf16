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
