"""Builds that die, and readers that read while a build writes."""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from queries import connect
from tests.conftest import CORPUS, ROOT

BUILD = [sys.executable, "-c", "from cli import app; app()", "build"]


def _build(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*BUILD, "--corpus", str(CORPUS), "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_a_build_killed_mid_way_leaves_the_previous_build_usable(tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert _build(out).wait(timeout=120) == 0
    before = (out / "current").resolve()
    killed = 0
    for delay in (0.5, 1.0, 1.5, 2.0, 2.5):
        process = _build(out)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=120)
        current = (out / "current").resolve()
        with connect(out) as graph:
            assert graph.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8
        assert current == before or process.returncode == 0
        before = current
    assert killed >= 1, "no build was still running when the kill came: the test proved nothing"
    assert _build(out).wait(timeout=120) == 0  # the next build cleans up what the killed ones left
    assert not list((out / "runs").glob("*.partial"))


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
