"""The example notebook runs top to bottom on a fresh build and shows the hand-checked facts."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "examples" / "compare_cities.ipynb"


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        parts.append(data.get("text/plain", "") + output.get("text", ""))
    return "\n".join(parts)


def test_notebook_runs_on_a_fresh_build(build_root: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANKG_DB", str(build_root))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert "邯郸市生态环境局" in _text(code[2])
    pm25 = _text(code[1])
    assert "37*" in pm25 and "市区城市" in pm25 and "-26.3" in pm25
    assert "单位地区生产总值用水量下降" in _text(code[3])
    assert "河北省生态环境厅" in _text(code[4])
    assert not [output for cell in code for output in cell.outputs if output.output_type == "error"]
