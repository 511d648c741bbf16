"""CSV for neo4j-admin import: headers the tool expects and rows read back intact."""

import csv

from graph.stores.neo4j_csv import export_neo4j_csv, import_command
from tests.graph.conftest import edges


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_files_headers_and_rows(built, tmp_path) -> None:
    files = export_neo4j_csv(built.graph, tmp_path)
    names = {path.name for path in files}
    assert {
        "nodes_Department.csv",
        "nodes_Plan.csv",
        "relationships_RESPONSIBLE_FOR.csv",
        "relationships_TARGETS.csv",
    } <= names
    departments = _rows(tmp_path / "nodes_Department.csv")
    assert departments[0] == ["id:ID", "name", "kind", "function", "level", "category", "aliases:string[]", ":LABEL"]
    epb = next(row for row in departments if row[0] == "dept/130400/生态环境局")
    assert epb[1:] == ["邯郸市生态环境局", "生态环境局", "生态环境", "city", "department", "市生态环境局", "Department"]
    responsible = _rows(tmp_path / "relationships_RESPONSIBLE_FOR.csv")
    assert responsible[0][:4] == [":START_ID", ":END_ID", ":TYPE", "role"]
    assert "implied:boolean" in responsible[0] and "line_start:long" in responsible[0]
    assert len(responsible) - 1 == len(edges(built.graph, "RESPONSIBLE_FOR"))
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


def test_import_command_names_every_file(built, tmp_path) -> None:
    files = export_neo4j_csv(built.graph, tmp_path)
    command = import_command(files)
    assert command.startswith("neo4j-admin database import full ")
    assert "--nodes=nodes_Plan.csv" in command and "--relationships=relationships_PART_OF.csv" in command
    assert command.endswith("--array-delimiter=';' --overwrite-destination neo4j")
