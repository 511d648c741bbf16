"""Exports written aside and renamed into place: a kill mid-write leaves the old output whole.

Each helper checks the path first and raises :class:`OutputError`, one line naming
the path, for a missing parent directory, a directory where a file is expected
(or the reverse) and any error of the operating system while writing.
"""

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.stages import stage


class OutputError(Exception):
    """An output path that cannot be written; the message names it and why."""


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path`` to write; it replaces ``path`` (one rename) if the block succeeds."""
    _check_parent(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory, not a file")
    with _written_aside(path) as temporary:
        yield temporary
        stage("exported")
        temporary.replace(path)


@contextmanager
def atomic_directory(path: Path, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """Yield a new directory beside ``path`` to fill; it then takes the place of ``path``.

    An existing ``path`` is replaced only when every entry in it is ``replaceable``
    (an earlier export), so no other file is ever removed. The old directory is moved
    aside, the new one renamed in, then the old one deleted.
    """
    _check_parent(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"cannot write {path}: it is a file, not a directory")
    foreign = sorted(entry.name for entry in path.iterdir() if not replaceable(entry)) if path.exists() else []
    if foreign:
        raise OutputError(
            f"cannot write {path}: it holds other files ({', '.join(foreign[:3])}); choose a new directory"
        )
    with _written_aside(path) as temporary:
        temporary.mkdir()
        yield temporary
        stage("exported")
        if path.exists():
            old = path.with_name(f".{path.name}.{os.getpid()}.old")
            path.rename(old)
            temporary.rename(path)
            shutil.rmtree(old)
        else:
            temporary.rename(path)


@contextmanager
def _written_aside(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, removed if still there at the end; OS errors become :class:`OutputError`."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield temporary
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    finally:
        if temporary.is_dir():
            shutil.rmtree(temporary, ignore_errors=True)
        else:
            temporary.unlink(missing_ok=True)


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: directory {path.parent} does not exist")
