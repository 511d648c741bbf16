"""The plankg command line, run as a user runs it."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_query_table_and_markdown(build_root) -> None:
    query = (
        "MATCH (d:Department {name: '邯郸市生态环境局'}) RETURN d.name AS name, d.aliases AS aliases, d.kind AS kind"
    )
    table = plankg("query", "--db", str(build_root), query)
    assert table.stdout.splitlines() == [
        "            name        aliases       kind",  # aligned by display width: a Chinese character takes two
        "邯郸市生态环境局 [市生态环境局] 生态环境局",
    ]
    markdown = plankg("query", "--db", str(build_root), "--format", "markdown", query)
    assert markdown.stdout.splitlines() == [
        "| name | aliases | kind |",
        "| --- | --- | --- |",
        '| 邯郸市生态环境局 | ["市生态环境局"] | 生态环境局 |',
    ]
    empty = plankg("query", "--db", str(build_root), "MATCH (p:Plan {id: 'nope'}) RETURN p.id AS id")
    assert empty.stdout == "(no rows)\n"
    wrong = plankg("query", "--db", str(build_root), "-f", "xml", query)
    assert wrong.returncode == 2 and "--format must be table, json, csv or markdown, not 'xml'" in wrong.stderr


def test_query_errors_exit_non_zero_without_traceback(build_root) -> None:
    result = plankg("query", "--db", str(build_root), "MATCH (n:Nope) RETURN n")
    assert result.returncode == 1
    assert result.stderr.startswith("error: no label Nope in the graph (line 1); the labels are Region, Plan")
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


def test_gaps_by_city_with_none_found_apart_from_uncertain(build_root) -> None:
    result = plankg("gaps", "邯郸市", "邢台市", "--db", str(build_root))
    assert result.returncode == 0, result.stderr
    none_found, uncertain = result.stdout.split("Uncertain")
    assert "handan-eco-plan-2021-2025/m/69  (handan-eco-plan-2021-2025.txt:1197-1205)" in uncertain  # 核与辐射
    assert "near: xingtai-eco-plan-2021-2025/m/100 (0.33)" in uncertain  # 辐射监测应急能力
    assert "handan-eco-plan-2021-2025/m/26 " not in result.stdout  # 车用尿素: Xingtai m/38
    assert "handan-eco-plan-2021-2025/m/7 " not in result.stdout  # 严控煤炭消费总量 has its counterpart
    assert "handan-eco-plan-2021-2025/m/21 " not in result.stdout  # VOCs: Xingtai m/35
    back = plankg("gaps", "邢台市", "邯郸市", "--db", str(build_root))
    none_found = back.stdout.split("Uncertain")[0]
    assert "xingtai-eco-plan-2021-2025/m/48  (xingtai-eco-plan-2021-2025.txt:277-277)" in none_found  # 河湖“四乱”
    several = plankg("gaps", "宁晋县", "邢台市", "--db", str(build_root))
    assert several.returncode == 2 and "give one plan id" in several.stderr


def test_export_rdf_from_the_build(build_root, tmp_path) -> None:
    import rdflib

    out = tmp_path / "plankg.nt"
    result = plankg("export", "--format", "nt", "--out", str(out), "--db", str(build_root))
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(out, format="nt")
    assert (None, None, rdflib.Literal("邯郸市生态环境局", lang="zh")) in graph
    wrong = plankg("export", "--format", "xml", "--out", str(out), "--db", str(build_root))
    assert wrong.returncode == 2 and "must be one of ttl, jsonld, nt" in wrong.stderr
    old_flag = plankg("export", "--format", "nt", "--out", str(tmp_path / "old.nt"), "--build", str(build_root))
    assert old_flag.returncode == 0 and old_flag.stderr == "warning: --build is deprecated; use --db\n"
    assert sorted((tmp_path / "old.nt").read_text(encoding="utf-8").splitlines()) == sorted(
        out.read_text(encoding="utf-8").splitlines()
    )


def test_a_build_that_cannot_read_every_file_fails_unless_partial_is_allowed(tmp_path) -> None:
    out = tmp_path / "build"
    assert plankg("build", "--corpus", str(CORPUS), "--out", str(out)).returncode == 0
    before = (out / "current").resolve()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    handan = (CORPUS / "handan-eco-plan-2021-2025.txt").read_text(encoding="utf-8")
    (corpus / "handan.txt").write_text(handan, encoding="utf-8")
    (corpus / "big5.txt").write_bytes(
        "邯鄲市生態環境保護「十四五」規劃\n一、總體要求\n堅持生態優先、綠色發展。\n".encode("big5")
    )
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


@pytest.mark.parametrize("fmt", ["nt", "neo4j-csv"])
def test_an_export_killed_before_it_is_renamed_in_leaves_the_old_one_whole(build_root, tmp_path, fmt) -> None:
    out = tmp_path / ("old.nt" if fmt == "nt" else "neo4j")
    assert plankg("export", "--format", fmt, "--out", str(out), "--db", str(build_root)).returncode == 0
    before = {path: path.read_bytes() for path in ([out] if fmt == "nt" else out.iterdir())}
    export = subprocess.Popen(
        [*PLANKG, "export", "--format", fmt, "--out", str(out), "--db", str(build_root)],
        cwd=ROOT,
        env={**os.environ, "PLANKG_STOP_AT": "exported"},  # stops itself once written aside, before the rename
    )
    _, status = os.waitpid(export.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status)
    export.send_signal(signal.SIGKILL)
    export.wait(timeout=60)
    assert {path: path.read_bytes() for path in before} == before
    if fmt == "neo4j-csv":
        assert sorted(out.iterdir()) == sorted(before)  # no new file beside the old ones


def test_bad_export_paths_are_one_line_errors(build_root, tmp_path) -> None:
    (tmp_path / "a-file").write_text("mine", encoding="utf-8")
    (tmp_path / "neo4j").mkdir()
    (tmp_path / "neo4j" / "notes.md").write_text("mine", encoding="utf-8")
    cases = [
        ("nt", tmp_path / "missing" / "x.nt", "directory {parent} does not exist"),
        ("ttl", tmp_path, "it is a directory, not a file"),
        ("neo4j-csv", tmp_path / "a-file", "it is a file, not a directory"),
        ("neo4j-csv", tmp_path / "neo4j", "it holds other files (notes.md); choose a new directory"),
        ("nt", Path("/proc/plankg.nt"), "cannot write /proc/plankg.nt: "),
    ]
    for fmt, out, message in cases:
        result = plankg("export", "--format", fmt, "--out", str(out), "--db", str(build_root))
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: cannot write {out}: ") and result.stderr.count("\n") == 1
        assert message.format(parent=out.parent) in result.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "mine"
    assert [path.name for path in (tmp_path / "neo4j").iterdir()] == ["notes.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_export_without_permission_is_a_one_line_error(build_root, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = plankg("export", "--format", "nt", "--out", str(locked / "x.nt"), "--db", str(build_root))
    assert result.returncode == 1 and result.stderr == f"error: cannot write {locked / 'x.nt'}: Permission denied\n"


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("http://localhost:7474", "cannot use http://localhost:7474: a Neo4j URI starts with bolt://"),
        ("bolt://[::1", "malformed Neo4j URI bolt://[::1: Invalid IPv6 URL"),
        ("bolt://localhost:port", "malformed Neo4j URI bolt://localhost:port: Port could not be cast"),
        ("bolt://neo4j:s3cret@localhost:7687", "bolt://neo4j:***@localhost:7687 holds a password"),
    ],
)
def test_push_refuses_bad_uris_without_echoing_a_password(build_root, uri: str, message: str) -> None:
    result = plankg("push", "--uri", uri, "--db", str(build_root), "--no-progress")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {message}")
    assert "s3cret" not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_push_refuses_a_batch_size_of_zero(build_root) -> None:
    result = plankg("push", "--uri", "bolt://localhost:7687", "--batch-size", "0", "--db", str(build_root))
    assert result.returncode == 2
    assert "Invalid value for '--batch-size'" in result.stderr and "Traceback" not in result.stderr


def test_typed_parameters(build_root) -> None:
    as_text = plankg("query", "--db", str(build_root), "-f", "json", "-p", "year:str=2025", "RETURN $year AS year")
    assert json.loads(as_text.stdout) == [{"year": "2025"}]
    as_int = plankg("query", "--db", str(build_root), "-f", "json", "-p", "year:int=2025", "RETURN $year + 1 AS year")
    assert json.loads(as_int.stdout) == [{"year": 2026}]
    # A named query's parameter takes the type of its example: an id that looks like a number stays text.
    named_ = plankg("query", "--db", str(build_root), "-f", "json", "--name", "provenance", "-p", "id=2025")
    assert named_.returncode == 0 and json.loads(named_.stdout) == []
    for param, message in [
        ("year:int=abc", "error: --param: parameter year takes int, and 'abc' is not one\n"),
        ("year:date=2025", "error: --param: parameter year: unknown type 'date'; use int, float, bool, str\n"),
        ("year:bool=yes", "error: --param: parameter year takes bool, and 'yes' is not one\n"),
        ("=2025", "error: --param: a parameter is NAME=VALUE or NAME:TYPE=VALUE, not '=2025'\n"),
    ]:
        result = plankg("query", "--db", str(build_root), "-p", param, "RETURN $year")
        assert (result.returncode, result.stderr) == (2, message)
    wrong = plankg("query", "--db", str(build_root), "-p", "year=abc", "RETURN 2025 + $year")
    assert wrong.returncode == 1 and wrong.stderr.endswith("\nparameters: year='abc' (str)\n")
