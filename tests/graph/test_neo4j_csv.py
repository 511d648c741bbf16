"""CSV for neo4j-admin import: headers the tool expects and rows read back intact."""

import csv

from graph.exports.neo4j_csv import export_neo4j_csv, import_command
from tests.graph.conftest import edges

PROVINCE = "hebei-beautiful-hebei-action-plan-2023-2027"


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_files_headers_and_rows(built, tmp_path) -> None:
    files = export_neo4j_csv(built.graph, tmp_path)
    labels = {label for _, label in built.graph.nodes(data="label")}
    kinds = {kind for _, _, kind in built.graph.edges(data="type")}
    assert {path.name for path in files} == {f"nodes_{label}.csv" for label in labels} | {
        f"relationships_{kind}.csv" for kind in kinds
    }
    departments = _rows(tmp_path / "nodes_Department.csv")
    assert departments[0] == ["id:ID", "name", "kind", "function", "level", "category", "aliases:string[]", ":LABEL"]
    epb = next(row for row in departments if row[0] == "dept/130400/生态环境局")
    assert epb[1:] == ["邯郸市生态环境局", "生态环境局", "生态环境", "city", "department", "市生态环境局", "Department"]
    responsible = _rows(tmp_path / "relationships_RESPONSIBLE_FOR.csv")
    assert responsible[0][:5] == [":START_ID", ":END_ID", ":TYPE", "key", "role"]
    assert "implied:boolean" in responsible[0] and "line_start:long" in responsible[0]
    assert len(responsible) - 1 == len(edges(built.graph, "RESPONSIBLE_FOR")) > 800
    targets = _rows(tmp_path / "relationships_TARGETS.csv")
    header = targets[0]
    hengshui = next(
        row
        for row in targets[1:]
        if row[0] == "hengshui-eco-plan-2021-2025"
        and row[1] == "indicator/pm25"
        and row[header.index("target_year:long")] == "2025"
    )
    assert hengshui[header.index("target")] == "37*"
    assert hengshui[header.index("target_value:double")] == "37.0"


def test_text_with_line_breaks_and_nulls_survive(built, tmp_path) -> None:
    export_neo4j_csv(built.graph, tmp_path)
    measures = {row[0]: row for row in _rows(tmp_path / "nodes_Measure.csv")[1:]}
    multiline = [node for node, text in built.graph.nodes(data="text") if text and "\n" in text and node in measures]
    assert multiline, "the corpus has measure texts with line breaks"
    header = _rows(tmp_path / "nodes_Measure.csv")[0]
    assert measures[multiline[0]][header.index("text")] == built.graph.nodes[multiline[0]]["text"]
    # A null is an empty unquoted field, a string is always quoted: the tool tells them apart.
    raw = (tmp_path / "nodes_Plan.csv").read_text(encoding="utf-8")
    province = next(line for line in raw.splitlines() if line.startswith(f'"{PROVINCE}"'))
    assert province.startswith(f'"{PROVINCE}","美丽河北建设行动方案（2023-2027年）","action_plan",,,,"2023-2027"')


def test_import_command_names_every_file(built, tmp_path) -> None:
    files = export_neo4j_csv(built.graph, tmp_path)
    command = import_command(files)
    assert command.startswith("neo4j-admin database import full neo4j --nodes=")
    assert "--nodes=nodes_Plan.csv" in command and "--relationships=relationships_PART_OF.csv" in command
    assert command.count("--nodes=") + command.count("--relationships=") == len(files)
    assert command.endswith("--array-delimiter=';' --multiline-fields=true --overwrite-destination=true")


def test_progress_rows_have_their_own_file(built, tmp_path) -> None:
    export_neo4j_csv(built.graph, tmp_path)
    progress = _rows(tmp_path / "relationships_REPORTS_PROGRESS.csv")
    header = progress[0]
    assert {"achieved", "achieved_value:double", "met", "target_year:long"} <= set(header)
    water = next(row for row in progress[1:] if row[1] == "indicator/surface_water_good")
    assert [water[header.index(name)] for name in ("target", "achieved", "met")] == ["55", "80", "是"]
    assert "achieved" not in _rows(tmp_path / "relationships_TARGETS.csv")[0]
