"""The example notebook runs top to bottom on a fresh build and shows the hand-checked facts;
the copy committed with its outputs shows them too, with its plots inline."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "examples" / "compare_cities.ipynb"

FACTS = {  # the first words of a code cell → what its output must show, checked in the plans' text
    "matrix = ": ["42", "40", "37*", "1.65", "11300", "达到省要求"],  # handan:164, xingtai:87, hengshui:651
    "scopes = ": ["细颗粒物（PM2.5）年均浓度  全市  市城区   市区城市"],
    "progress = ": ["细颗粒物（PM2.5）年均浓度", "52", "是"],  # hengshui: 2020 target 54, achieved 52, met
    "from queries.compare": ["邯郸市      57.0    42.0   -15.0       约束性    全市        164"],  # handan:164
    "load = ": ["邯郸市各县<市、区>政府  government       88      87        1"],  # scope statement, handan:262-266
    "bureau = ": ["lead           15", "responsible    64"],
    "owners = ": ["handan-eco-plan-2021-2025/m/19", "邯郸市生态环境局"],
    "g = kg.subgraph": ["邯郸市生态环境局"],
}


def _code(notebook) -> dict[str, nbformat.NotebookNode]:
    """The code cells whose source starts with a key of FACTS, by that key."""
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return {start: next(cell for cell in cells if cell.source.startswith(start)) for start in FACTS}


def _text(cell) -> str:
    return "\n".join(
        output.get("data", {}).get("text/plain", "") + output.get("text", "") for output in cell.get("outputs", [])
    )


def _check(notebook) -> None:
    for start, cell in _code(notebook).items():
        for fact in FACTS[start]:
            assert fact in _text(cell), f"{start!r}: {fact!r} not in its output"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert not [output for cell in code for output in cell.outputs if output.output_type == "error"]
    assert all(cell.outputs for cell in code)
    plots = [output for cell in code for output in cell.outputs if "image/png" in output.get("data", {})]
    assert len(plots) == 2  # PM2.5 baseline and target, topic shares


def test_notebook_runs_on_a_fresh_build(build_root: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANKG_DB", str(build_root))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    _check(notebook)


def test_the_committed_notebook_holds_its_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    _check(notebook)
    counts = [cell.execution_count for cell in notebook.cells if cell.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # run top to bottom once, in order
    assert "matplotlib.use" not in "".join(cell.source for cell in notebook.cells)
