"""Atomic builds: a new build is written aside, then published by one rename.

``<root>/current`` is a symlink to ``<root>/runs/<run>``. A build writes a new run
directory; only when everything is written does ``current`` switch to it (an
atomic ``rename`` of a fresh symlink over the old one). A failed or killed build
leaves ``current`` and the previous run untouched; readers that opened the old
run keep reading it. The two newest runs are kept, older ones removed.
"""

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

CURRENT = "current"
RUNS = "runs"
KEEP_RUNS = 2


def current_build(root: Path) -> Path:
    """The directory of the published build under ``root`` (``<root>/current`` resolved)."""
    return (root / CURRENT).resolve()


def publish(root: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(directory)`` on a new run directory, then make it the current build.

    If ``write`` raises, the partial run is removed and the exception propagates;
    the current build is unchanged. Returns the new run directory.
    """
    runs = root / RUNS
    runs.mkdir(parents=True, exist_ok=True)
    run = runs / f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    partial = run.with_name(run.name + ".partial")
    partial.mkdir()
    try:
        write(partial)
        partial.rename(run)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    link = root / f".{CURRENT}.{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(RUNS) / run.name, target_is_directory=True)
    link.replace(root / CURRENT)
    _prune(runs, keep=run)
    return run


def _prune(runs: Path, keep: Path) -> None:
    """Remove all but the newest finished runs, and partial runs of builds that died."""
    finished = sorted((path for path in runs.iterdir() if not path.name.endswith(".partial")), key=lambda p: p.name)
    for old in finished[:-KEEP_RUNS]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
    for partial in runs.glob("*.partial"):
        if not _owner_alive(partial):
            shutil.rmtree(partial, ignore_errors=True)


def _owner_alive(partial: Path) -> bool:
    """True while the process that writes ``partial`` runs (its pid ends the name)."""
    pid = int(partial.name.removesuffix(".partial").rsplit("-", 1)[-1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
