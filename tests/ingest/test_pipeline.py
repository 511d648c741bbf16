"""The whole pipeline: reports, bad files beside good ones, determinism."""

import os
import shutil
from pathlib import Path

from ingest.corpus import ingest_corpus, ingest_file
from ingest.records import Severity
from ingest.report import format_report, records_json
from tests.conftest import CORPUS


def test_report_lists_every_document_with_counts(corpus) -> None:
    report = format_report(corpus)
    assert "[handan-eco-plan-2021-2025] 邯郸市生态环境保护“十四五”规划" in report
    assert "[ningjin-gazette-2023-01/2] 宁晋县物业管理暂行办法" in report
    assert "clauses 88" in report
    assert report.splitlines()[-1].startswith("5 files, 8 documents")


def test_bad_files_are_reported_and_the_others_ingested(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (corpus / "gbk.txt").write_bytes(
        (CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt").read_text("utf-8").encode("gbk")
    )
    result = ingest_corpus(corpus)
    failed = {file.source_file: file.problems[0] for file in result.files if file.failed}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert failed["binary.txt"].line == 1 and failed["binary.txt"].severity is Severity.ERROR
    good = {file.source_file: file for file in result.files if not file.failed}
    assert good["gbk.txt"].encoding == "gb18030"
    from_gbk = good["gbk.txt"].documents[0].measures
    from_utf8 = ingest_file(CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt").documents[0].measures

    def digest(measures):
        return [
            (m.text, m.span.line_start, m.span.line_end, [u.name for c in m.clauses for u in c.units]) for m in measures
        ]

    assert len(from_gbk) == 15
    assert digest(from_gbk) == digest(from_utf8)
    report = format_report(result)
    assert "empty.txt: error: file is empty" in report
    assert "binary.txt:1: error: binary file" in report


def test_the_same_text_under_two_names_is_one_document(tmp_path: Path) -> None:
    plan = CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt"
    shutil.copy(plan, tmp_path / "a-copy.txt")
    (tmp_path / "b-gbk.txt").write_bytes(plan.read_text("utf-8").encode("gbk"))
    shutil.copy(plan, tmp_path)
    result = ingest_corpus(tmp_path)
    assert [document.document.id for document in result.documents] == ["a-copy"]
    report = format_report(result)
    for name in ("b-gbk.txt", plan.name):
        assert f"{name}:1: warning: duplicate document: same text as a-copy (a-copy.txt:1); ingested once" in report
    assert not any(file.failed for file in result.files)


def test_entries_that_are_not_files_are_reported(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt", tmp_path)
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer forever
    result = ingest_corpus(tmp_path)
    failed = {file.source_file: file.problems[0].message for file in result.files if file.failed}
    assert failed == {
        "folder.txt": "not a regular file but a directory",
        "dangling.txt": f"dangling symbolic link (to {tmp_path / 'nowhere.txt'})",
        "pipe.txt": "not a regular file but a FIFO (named pipe)",
    }
    assert len(result.documents) == 1


def test_a_truncated_file_still_gives_what_it_holds(tmp_path: Path) -> None:
    lines = (CORPUS / "handan-eco-plan-2021-2025.txt").read_text("utf-8").splitlines()
    (tmp_path / "handan-cut.txt").write_text("\n".join(lines[:270]), encoding="utf-8")
    (document,) = ingest_corpus(tmp_path).documents
    assert document.document.doc_number == "邯政字〔2023〕7号"
    first, cut = document.measures
    assert first.text.endswith("不再列出）")
    assert (
        cut.text
        == "健全绿色低碳循环发展环境政策体系。完善能源消耗总量和强度调控，重点控制化石能源消费，逐步转向碳排放总量和强"
    )
    assert cut.clauses == ()


def test_ingest_is_deterministic(corpus) -> None:
    assert records_json(ingest_corpus(CORPUS)) == records_json(corpus)


def test_a_pool_of_processes_gives_the_same_records_in_the_same_order(corpus, tmp_path: Path) -> None:
    pooled = ingest_corpus(CORPUS, workers=2)
    assert records_json(pooled) == records_json(corpus)
    assert [file.source_file for file in pooled.files] == [file.source_file for file in corpus.files]
    # A bad file in the pool is reported like any other.
    shutil.copy(CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt", tmp_path)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    result = ingest_corpus(tmp_path, workers=2)
    assert [file.failed for file in result.files] == [True, False]
    assert len(result.documents[0].measures) == 15


def test_a_clause_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    lines = [
        "某某市生态环境保护“十四五”规划",
        "一、主要任务",
        "（一）加强大气治理",
        "1.推进清洁取暖。（责任单位：市发展改革委）",
        "2.推进散煤治理。",
        "（责任单位 市生态环境局）",
    ]
    (tmp_path / "plan.txt").write_text("\n".join(lines), encoding="utf-8")
    (document,) = ingest_corpus(tmp_path).documents
    assert [len(m.clauses) for m in document.measures] == [1, 0]
    (problem,) = document.problems
    assert (problem.line, problem.severity) == (6, Severity.UNPLACED)
    assert "not read as one" in problem.message
