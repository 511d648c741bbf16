"""Builds that die, builds that race, and readers that read while a build writes."""

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from queries import connect
from tests.conftest import CORPUS, ROOT

BUILD = [sys.executable, "-c", "from cli import app; app()", "build"]


def _build(out: Path, corpus: Path = CORPUS, stop_at: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "PLANKG_STOP_AT": stop_at} if stop_at else None
    return subprocess.Popen(
        [*BUILD, "--corpus", str(corpus), "--out", str(out)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _plans(out: Path) -> int:
    with connect(out) as graph:
        return int(graph.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"])


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """One short plan: builds in a few seconds."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "hebei-beautiful-hebei-action-plan-2023-2027.txt", corpus)
    return corpus


@pytest.mark.parametrize("stage", ["written", "renamed", "published"])
def test_a_build_killed_at_any_stage_leaves_a_complete_current_build(tmp_path: Path, stage: str) -> None:
    out = tmp_path / "build"
    assert _build(out).wait(timeout=120) == 0
    before = (out / "current").resolve()
    process = _build(out, stop_at=stage)  # the build stops itself (SIGSTOP) at this stage of publishing
    _, status = os.waitpid(process.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), process.communicate()
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL
    current = (out / "current").resolve()
    runs = {path.name for path in (out / "runs").iterdir()}
    if stage == "published":
        assert current != before  # the new build was complete and is current
    else:
        assert current == before
        assert any(name.endswith(".partial") for name in runs) == (stage == "written")
    assert _plans(out) == 8
    assert _build(out).wait(timeout=120) == 0  # the next build cleans up what the killed one left
    assert {path.name for path in (out / "runs").iterdir()} == {current.name, (out / "current").resolve().name}
    assert not list(out.glob(".current.*"))


def test_a_second_build_into_the_same_out_waits_for_the_first(tmp_path: Path, small_corpus: Path) -> None:
    out = tmp_path / "build"
    assert _build(out, small_corpus).wait(timeout=120) == 0
    before = (out / "current").resolve()
    with (out / "build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a build publishing into OUT holds it
        waiting = _build(out, small_corpus)
        message = waiting.stderr.readline()
        assert message == f"waiting for another build to finish publishing into {out} ({out / 'build.lock'})\n"
        assert (out / "current").resolve() == before
    assert waiting.wait(timeout=120) == 0
    assert (out / "current").resolve() != before


def test_builds_racing_into_one_out_all_publish_and_current_stays_whole(tmp_path: Path, small_corpus: Path) -> None:
    out = tmp_path / "build"
    builds = [_build(out, small_corpus) for _ in range(3)]
    results = [build.communicate(timeout=180) for build in builds]
    assert [build.returncode for build in builds] == [0, 0, 0], results
    published = [Path(stdout.split()[3]) for stdout, _ in results]  # "build written to <run> (published as …)"
    current = (out / "current").resolve()
    assert current in published and current.is_dir()
    assert len(list((out / "runs").iterdir())) == 2 and not list((out / "runs").glob("*.partial"))
    assert _plans(out) == 1


def test_stray_partial_runs_do_not_break_later_builds(tmp_path: Path, small_corpus: Path) -> None:
    out = tmp_path / "build"
    (out / "runs" / "not-a-run.partial").mkdir(parents=True)
    (out / "runs" / "file.partial").write_text("stray", encoding="utf-8")
    for _ in range(2):
        build = _build(out, small_corpus)
        assert build.wait(timeout=120) == 0, build.stderr.read()
    assert not list((out / "runs").glob("*.partial"))
    assert _plans(out) == 1


def test_readers_see_the_old_or_the_new_graph_never_an_error(tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert _build(out).wait(timeout=120) == 0
    errors: list[BaseException] = []
    counts: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                with connect(out) as graph:
                    counts.append(int(graph.cypher("MATCH (m:Measure) RETURN count(m) AS n").loc[0, "n"]))
            except BaseException as err:  # noqa: BLE001 - any failure is what the test looks for
                errors.append(err)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    for _ in range(2):
        assert _build(out).wait(timeout=120) == 0
    stop.set()
    for reader in readers:
        reader.join()
    assert errors == []
    assert counts and set(counts) == {534}
