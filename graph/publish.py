"""Atomic builds: a new build is written aside, then published by one rename.

``<root>/current`` is a symlink to ``<root>/runs/<run>`` (:mod:`graph.layout`). A build writes a new run
directory; only when everything is written does ``current`` switch to it (an
atomic ``rename`` of a fresh symlink over the old one). A failed or killed build
leaves ``current`` and the previous run untouched; readers that opened the old
run keep reading it.

One build at a time publishes into a root: :func:`publish` holds an exclusive
``flock`` on ``<root>/build.lock`` from before it writes until it has cleaned up,
and a second build waits for it. Holding the lock, a build knows every
``runs/*.partial`` is left over from a build that died, and removes it; of the
finished runs it keeps the one it published and the one it replaced.
"""

import fcntl
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.layout import CURRENT, LOCK, RUNS, current_build, run_name
from graph.stages import stage


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``root``; if another build holds it, say so on stderr and wait."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build to finish publishing into {root} ({root / LOCK})", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def publish(root: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(directory)`` on a new run directory, then make it the current build.

    If ``write`` raises, the partial run is removed and the exception propagates;
    the current build is unchanged. Returns the new run directory.
    """
    with build_lock(root):
        runs = root / RUNS
        runs.mkdir(exist_ok=True)
        _remove_leftovers(root)
        previous = current_build(root) if (root / CURRENT).is_symlink() else None
        run = runs / run_name(time.time(), time.time_ns(), os.getpid())
        partial = run.with_name(run.name + ".partial")
        partial.mkdir()
        try:
            write(partial)
            stage("written")
            partial.rename(run)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        stage("renamed")
        link = root / f".{CURRENT}.{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(Path(RUNS) / run.name, target_is_directory=True)
        link.replace(root / CURRENT)
        stage("published")
        for old in runs.iterdir():
            if old.resolve() not in (run.resolve(), previous):
                _remove(old)
        return run


def _remove_leftovers(root: Path) -> None:
    """Remove what killed builds left: partial runs and unpublished links (under the lock, no live build owns them)."""
    for path in [*(root / RUNS).glob("*.partial"), *root.glob(f".{CURRENT}.*")]:
        _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
