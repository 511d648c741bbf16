"""The plankg command line, run as a user runs it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS, ROOT

PLANKG = [sys.executable, "-c", "from cli import app; app()"]


def plankg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*PLANKG, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_ingest_report() -> None:
    result = plankg("ingest", "--corpus", str(CORPUS))
    assert result.returncode == 0
    assert "[ningjin-gazette-2023-01/3] 宁晋县建设京津冀生态环境支撑区“十四五”规划" in result.stdout
    assert "indicator rows 13" in result.stdout


def test_query_json_prints_only_json(build_root) -> None:
    result = plankg(
        "query",
        "--db",
        str(build_root),
        "--format",
        "json",
        "--param",
        "name=邯郸市生态环境局",
        "MATCH (d:Department {name: $name}) RETURN d.kind AS kind, d.aliases AS aliases",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"kind": "生态环境局", "aliases": ["市生态环境局"]}]


def test_query_csv_and_typed_parameters(build_root) -> None:
    result = plankg(
        "query",
        "--db",
        str(build_root),
        "-f",
        "csv",
        "-p",
        "year=2025",
        "MATCH (p:Plan)-[t:TARGETS]->(:Indicator {id: 'indicator/pm25'}) WHERE t.target_year = $year AND p.level = 'city' "
        "RETURN p.region AS region, t.target AS target ORDER BY region",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["region,target", "衡水市,37*", "邢台市,40", "邯郸市,42"]


def test_query_errors_exit_non_zero_without_traceback(build_root) -> None:
    result = plankg("query", "--db", str(build_root), "MATCH (n:Nope) RETURN n")
    assert result.returncode == 1
    assert result.stderr.startswith("error: Binder exception: Table Nope does not exist")
    assert "Traceback" not in result.stderr
    missing = plankg("query", "--db", str(build_root / "nowhere"), "MATCH (n) RETURN n")
    assert missing.returncode == 1 and "run `plankg build`" in missing.stderr


def test_build_of_an_empty_corpus_fails_and_keeps_the_previous_build(tmp_path) -> None:
    out = tmp_path / "build"
    assert plankg("build", "--corpus", str(CORPUS), "--out", str(out)).returncode == 0
    before = (out / "current").resolve()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("", encoding="utf-8")
    result = plankg("build", "--corpus", str(empty), "--out", str(out))
    assert result.returncode == 1
    assert "blank.txt: error: file is empty" in result.stderr
    assert "previous build" in result.stderr and "Traceback" not in result.stderr
    assert (out / "current").resolve() == before


def test_named_queries_and_who(build_root) -> None:
    listed = plankg("queries")
    assert listed.returncode == 0 and "indicator_matrix" in listed.stdout and "指标对比矩阵" in listed.stdout
    result = plankg(
        "query", "--db", str(build_root), "--name", "provenance", "-p", "id=handan-eco-plan-2021-2025/m/1", "-f", "json"
    )
    assert json.loads(result.stdout)[0]["line_start"] == 252
    wrong = plankg("query", "--db", str(build_root), "--name", "provenance", "-p", "nope=1")
    assert wrong.returncode == 2 and "takes no parameter nope" in wrong.stderr
    who = plankg("who", "散煤", "--db", str(build_root))
    assert who.returncode == 0
    assert "邯郸市 · 邯郸市生态环境保护“十四五”规划" in who.stdout
    assert "handan-eco-plan-2021-2025/m/19  (handan-eco-plan-2021-2025.txt:530-536)" in who.stdout
    assert "responsible: 邯郸市冀南新区管委会*" in who.stdout


def test_export_rdf_from_the_build(build_root, tmp_path) -> None:
    import rdflib

    out = tmp_path / "plankg.nt"
    result = plankg("export", "--format", "nt", "--out", str(out), "--build", str(build_root))
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(out, format="nt")
    assert (None, None, rdflib.Literal("邯郸市生态环境局", lang="zh")) in graph
    wrong = plankg("export", "--format", "xml", "--out", str(out), "--build", str(build_root))
    assert wrong.returncode == 2 and "must be one of ttl, jsonld, nt" in wrong.stderr


def test_a_build_that_cannot_read_every_file_fails_unless_partial_is_allowed(tmp_path) -> None:
    out = tmp_path / "build"
    assert plankg("build", "--corpus", str(CORPUS), "--out", str(out)).returncode == 0
    before = (out / "current").resolve()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    handan = (CORPUS / "handan-eco-plan-2021-2025.txt").read_text(encoding="utf-8")
    (corpus / "handan.txt").write_text(handan, encoding="utf-8")
    (corpus / "big5.txt").write_bytes("邯鄲市生態環境保護「十四五」規劃\n一、總體要求\n堅持生態優先、綠色發展。\n".encode("big5"))
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (corpus / "folder.txt").mkdir()
    os.mkfifo(corpus / "pipe.txt")
    result = plankg("build", "--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: 4 of 5 files of {corpus} could not be read:\n")
    assert "big5.txt:1: error: looks like big5" in result.stderr
    assert "pipe.txt: error: not a regular file but a FIFO" in result.stderr
    assert "--allow-partial" in result.stderr and "previous build, if any, is unchanged" in result.stderr
    assert (out / "current").resolve() == before
    allowed = plankg("build", "--corpus", str(corpus), "--out", str(out), "--allow-partial")
    assert allowed.returncode == 0, allowed.stderr
    assert "left out of the graph: folder.txt: error: not a regular file but a directory" in allowed.stderr
    assert "Plan 1," in allowed.stdout


def test_a_duplicate_document_is_said_and_built_once(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("handan.txt", "handan-again.txt"):
        shutil.copy(CORPUS / "handan-eco-plan-2021-2025.txt", corpus / name)
    result = plankg("build", "--corpus", str(corpus), "--out", str(tmp_path / "build"))
    assert result.returncode == 0, result.stderr
    assert "handan.txt:1: warning: duplicate document: same text as handan-again" in result.stderr
    assert "Plan 1," in result.stdout
