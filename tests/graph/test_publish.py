"""Atomic publication of builds."""

import pytest

from graph.layout import current_build
from graph.publish import publish


def _write(text: str):
    def write(directory):
        (directory / "report.txt").write_text(text, encoding="utf-8")

    return write


def test_a_failed_build_leaves_the_previous_one_current(tmp_path) -> None:
    first = publish(tmp_path, _write("first"))
    assert current_build(tmp_path) == first

    def broken(directory):
        (directory / "report.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        publish(tmp_path, broken)
    assert current_build(tmp_path) == first
    assert (current_build(tmp_path) / "report.txt").read_text(encoding="utf-8") == "first"
    assert not list((tmp_path / "runs").glob("*.partial"))


def test_only_the_two_newest_builds_are_kept(tmp_path) -> None:
    runs = [publish(tmp_path, _write(str(number))) for number in range(4)]
    assert sorted((tmp_path / "runs").iterdir()) == runs[-2:]
    assert (current_build(tmp_path) / "report.txt").read_text(encoding="utf-8") == "3"


def test_partial_runs_of_dead_builds_are_cleaned_up(tmp_path) -> None:
    publish(tmp_path, _write("first"))
    dead = tmp_path / "runs" / "20000101T000000-000000000-999999999.partial"
    dead.mkdir()
    publish(tmp_path, _write("second"))
    assert not dead.exists()


def test_graph_json_gives_back_the_built_graph(build_root, built) -> None:
    from graph.pipeline import load_graph

    loaded = load_graph(build_root)
    assert dict(loaded.nodes(data=True)) == dict(built.graph.nodes(data=True))
    assert sorted(loaded.edges(keys=True, data=True)) == sorted(built.graph.edges(keys=True, data=True))


def test_every_build_writes_a_manifest_and_a_structured_report(build_root) -> None:
    import json

    from graph.layout import MANIFEST, REPORT_JSON, current_build

    directory = current_build(build_root)
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    files = {entry["source_file"]: entry for entry in manifest["corpus"]["files"]}
    assert files["handan-eco-plan-2021-2025.txt"]["encoding"] == "utf-8"
    assert len(files["handan-eco-plan-2021-2025.txt"]["sha256"]) == len(manifest["corpus"]["sha256"]) == 64
    assert manifest["counts"]["nodes"]["Plan"] == 8 and manifest["counts"]["relationships"]["COVERS"] == 8
    assert manifest["versions"]["plankg"] and manifest["versions"]["ladybug"]
    assert {"ingest and graph", "store", "graph-json"} <= set(manifest["timings_s"])
    report = json.loads((directory / REPORT_JSON).read_text(encoding="utf-8"))
    assert report["summary"]["text"] == "5 files, 8 documents, 0 problems (0 errors)"
    assert report["review"]["plans with no region"] == []
