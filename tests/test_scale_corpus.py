"""The corpus scaler (benchmarks/scale_corpus.py): shape kept, regions renamed, values near, same seed same bytes."""

import re
from pathlib import Path

import pytest

from benchmarks.scale_corpus import scale_corpus
from graph.build import build_graph
from ingest.corpus import CorpusIngest, ingest_corpus
from ingest.reference import load_regions

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
FACTOR = 2
_VARIANT = re.compile(r"^(?P<stem>.+)-v\d{3}-(?P<code>\d{6})$")


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scaled")
    scale_corpus(RAW, out, FACTOR, seed=7)
    return out


@pytest.fixture(scope="module")
def ingested(scaled: Path) -> CorpusIngest:
    return ingest_corpus(scaled)


def _pairs(ingested: CorpusIngest, corpus: CorpusIngest):
    """(variant file, its original file, target region code) for every variant."""
    originals = {file.source_file.removesuffix(".txt"): file for file in corpus.files}
    for file in ingested.files:
        match = _VARIANT.match(file.source_file.removesuffix(".txt"))
        if match:
            yield file, originals[match["stem"]], match["code"]


def test_originals_are_copied_and_each_has_factor_minus_one_variants(scaled: Path):
    originals = sorted(path.name for path in RAW.glob("*.txt"))
    written = sorted(path.name for path in scaled.glob("*.txt"))
    assert len(written) == FACTOR * len(originals)
    for name in originals:
        assert (scaled / name).read_bytes() == (RAW / name).read_bytes()


def test_variants_ingest_with_no_more_problems_and_the_same_shape(ingested: CorpusIngest, corpus: CorpusIngest):
    assert len(ingested.problems) <= FACTOR * len(corpus.problems)
    for variant, original, _ in _pairs(ingested, corpus):
        assert len(variant.problems) + sum(len(d.problems) for d in variant.documents) <= len(original.problems) + sum(
            len(d.problems) for d in original.documents
        )
        assert len(variant.documents) == len(original.documents)
        for new, old in zip(variant.documents, original.documents, strict=True):
            assert [m.number for m in new.measures] == [m.number for m in old.measures]
            assert [s.path for s in new.sections] == [s.path for s in old.sections]
            assert [row.name for row in new.indicators] == [row.name for row in old.indicators]


def test_indicator_values_move_within_ten_percent_and_keep_their_format(ingested, corpus):
    changed = 0
    for variant, original, _ in _pairs(ingested, corpus):
        for new_document, old_document in zip(variant.documents, original.documents, strict=True):
            for new, old in zip(new_document.indicators, old_document.indicators, strict=True):
                for field in ("baseline", "target", "cumulative"):
                    before, after = getattr(old, field), getattr(new, field)
                    assert re.sub(r"\d+", "9", before or "") == re.sub(r"\d+", "9", after or "")
                    old_value, new_value = getattr(old, f"{field}_value"), getattr(new, f"{field}_value")
                    if old_value is None:
                        assert new_value is None
                        continue
                    decimals = len((_number(before) or "").partition(".")[2])
                    assert abs(new_value - old_value) <= 0.1 * abs(old_value) + 0.5 * 10**-decimals
                    changed += new_value != old_value
    assert changed > 10


def _number(text: str | None) -> str | None:
    found = re.search(r"\d+(?:\.\d+)?", text or "")
    return found.group() if found else None


def test_renamed_plans_cover_their_new_region(scaled: Path, ingested: CorpusIngest, corpus: CorpusIngest):
    regions = load_regions()
    graph = build_graph(ingested, regions).graph
    covered = {plan: head for plan, head, kind in graph.edges(data="type") if kind == "COVERS"}
    checked = 0
    for variant, original, code in _pairs(ingested, corpus):
        for new, old in zip(variant.documents, original.documents, strict=True):
            assert covered[new.document.id] == f"region/{code}"
            if old.document.issuer:
                new_name = regions.by_code(code).name
                assert new.document.issuer == old.document.issuer.replace(old.document.region, new_name)
            checked += 1
    assert checked >= 8
    handan = next(path for path in scaled.glob("handan-*-v001-*.txt"))
    city = regions.by_code(_VARIANT.match(handan.stem)["code"]).name
    text = handan.read_text(encoding="utf-8")
    assert f"{city}人民政府" in text and "邯郸市人民政府" not in text


def test_variants_shuffle_measures_within_their_section(ingested: CorpusIngest, corpus: CorpusIngest):
    moved = 0
    for variant, original, _ in _pairs(ingested, corpus):
        for new, old in zip(variant.documents, original.documents, strict=True):
            moved += sum(a.text[:12] != b.text[:12] for a, b in zip(new.measures, old.measures, strict=True))
    assert moved > 50


def test_same_seed_same_bytes_other_seed_other_bytes(scaled: Path, tmp_path: Path):
    scale_corpus(RAW, tmp_path / "again", FACTOR, seed=7)
    scale_corpus(RAW, tmp_path / "other", FACTOR, seed=8)
    names = sorted(path.name for path in scaled.glob("*.txt"))
    assert names == sorted(path.name for path in (tmp_path / "again").glob("*.txt"))
    assert all((scaled / name).read_bytes() == (tmp_path / "again" / name).read_bytes() for name in names)
    other = {path.name: path.read_bytes() for path in (tmp_path / "other").glob("*.txt")}
    assert other != {name: (scaled / name).read_bytes() for name in names}
