"""The build layout, in one place: what a build root and a build directory hold, and how a path resolves.

::

    <root>/                     a build root (data/build by default, $PLANKG_DB to choose another)
      build.lock                held while a build publishes (graph/publish.py)
      current -> runs/<run>     the published build
      runs/<run>/               one build directory, named by when it ran (20261201T091347-…)
        store/                  the embedded Cypher store
        graph.json              the graph as networkx node-link JSON
        report.txt              the build report, for people
        report.json             the same report, structured
        manifest.json           what the build read (corpus, files, hashes), what it holds, with what, how long

Light on purpose: ``plankg query`` and the explorer import it before anything else.
"""

from datetime import datetime
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = PROJECT_ROOT / "data" / "build"
DEFAULT_CORPUS = PROJECT_ROOT / "data" / "raw"
DB_VARIABLE = "PLANKG_DB"
"""The environment variable naming the build (root, build or store directory) readers open by default."""

CURRENT = "current"
RUNS = "runs"
LOCK = "build.lock"
STORE = "store"
GRAPH_JSON = "graph.json"
REPORT_TEXT = "report.txt"
REPORT_JSON = "report.json"
MANIFEST = "manifest.json"
DATABASE_FILE = "plankg.lbug"
"""The one file of a store directory."""
_RUN_TIME = "%Y%m%dT%H%M%S"


def current_build(root: Path) -> Path:
    """The directory of the published build under ``root`` (``<root>/current`` resolved)."""
    return (root / CURRENT).resolve()


def build_directory(path: Path) -> Path:
    """The build directory ``path`` stands for: a build root's current build, a build directory, or a store's build."""
    if (path / CURRENT).exists():
        return current_build(path)
    if path.name == STORE:
        return path.parent.resolve()
    return path.resolve()


def store_directory(path: Path) -> Path:
    """The store directory ``path`` stands for (a store, a build directory or a build root); ``path`` if none is there."""
    for candidate in (path, path / STORE, path / CURRENT / STORE):
        if (candidate / DATABASE_FILE).exists():
            return candidate
    return path


def run_name(started: float, nanoseconds: int, pid: int) -> str:
    """The name of a new run directory: when it started, then what makes it unique."""
    return f"{datetime.fromtimestamp(started):{_RUN_TIME}}-{nanoseconds % 10**9:09d}-{pid}"


def built_at(directory: Path) -> datetime | None:
    """When a build ran, from its run directory's name; None for another name."""
    try:
        return datetime.strptime(directory.name[:15], _RUN_TIME)
    except ValueError:
        return None
