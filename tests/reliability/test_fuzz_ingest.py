"""Property-based tests: no document, however mangled, crashes ingest or hides where it went wrong."""

import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.corpus import ingest_document
from ingest.documents import split_documents
from ingest.errors import IngestError
from ingest.reference import load_regions
from ingest.source import decode, source_from_text
from tests.conftest import CORPUS

FILES = sorted(CORPUS.glob("*.txt"))
LINES = {path.name: path.read_text(encoding="utf-8").splitlines() for path in FILES}
FIND_REGION = load_regions().find_in
NOISE = [
    "",
    "— 12 —",
    "| -- | -- |",
    "\t\t",
    "<sub>2.5</sub>",
    "$\\mu$",
    "**",
    "（责任单位：",
    "）",
    "1.",
    "一、",
    "专栏",
    "表 1",
    "\u200b",
    "\ufeff",
    "３７＊",
]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
"""Examples per property; raise it (FUZZ_EXAMPLES=2000) for a longer hunt."""
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ingest(text: str, name: str = "fuzz.txt") -> None:
    """Ingest ``text`` as a file would be; only IngestError (file + line) may stop it."""
    source = source_from_text(text, name)
    try:
        slices, _ = split_documents(source, FIND_REGION)
    except IngestError as err:
        assert err.source_file == name
        return
    for document in slices:
        result = ingest_document(source, document)
        for problem in result.problems:
            assert problem.source_file == name
            assert problem.line is None or 1 <= problem.line <= len(source.lines)


@st.composite
def mutated_documents(draw) -> str:
    """A real document cut, shuffled in places, with noise inserted and lines dropped."""
    lines = list(LINES[draw(st.sampled_from(sorted(LINES)))])
    start = draw(st.integers(0, len(lines) - 1))
    lines = lines[start : start + draw(st.integers(1, 400))]
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(0, 30))):
        choice = rng.random()
        position = rng.randrange(len(lines) + 1)
        if choice < 0.4:
            lines.insert(position, rng.choice(NOISE))
        elif choice < 0.7 and lines:
            del lines[min(position, len(lines) - 1)]
        elif len(lines) > 2:
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


@fuzz
@given(mutated_documents())
def test_mutated_documents(text: str) -> None:
    _ingest(text)


@fuzz
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_random_unicode(text: str) -> None:
    _ingest(text)


@fuzz
@given(
    st.lists(
        st.sampled_from(
            NOISE
            + ["一、总体要求", "（一）主要目标", "1.加强管理。（责任单位：市生态环境局）", "指标 2020年 2025年 属性"]
        ),
        max_size=200,
    )
)
def test_structure_soup(lines: list[str]) -> None:
    _ingest("\n".join(lines))


@fuzz
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_say_where(data: bytes) -> None:
    try:
        text, _ = decode(data, "bytes.txt")
    except IngestError as err:
        assert err.source_file == "bytes.txt"
        assert err.line is None or err.line >= 1
        return
    _ingest(text, "bytes.txt")


def test_one_megabyte_line() -> None:
    _ingest("邯郸市生态环境保护“十四五”规划\n一、总体要求\n" + "加强管理，" * 200_000 + "\n")
