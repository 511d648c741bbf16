"""The schema declaration and its documentation agree."""

import re

from graph.schema import NODES, RELATIONSHIPS, ddl
from tests.conftest import ROOT

SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def test_every_label_property_and_type_is_documented() -> None:
    for node in NODES:
        section = SCHEMA_DOC.split(f"### `{node.label}`", 1)[1].split("\n### ", 1)[0]
        for name in node.properties:
            assert f"`{name}`" in section, f"docs/schema.md: {node.label}.{name} is not documented"
        assert "```cypher" in section, f"docs/schema.md: no example query for {node.label}"
    relationships = SCHEMA_DOC.split("## Relationships", 1)[1]
    for relationship in RELATIONSHIPS:
        row = next(line for line in relationships.splitlines() if line.startswith(f"| `{relationship.type}`"))
        for tail, head in relationship.pairs:
            assert f"{tail} → {head}" in row
        for name in relationship.properties:
            assert f"`{name}`" in row, f"docs/schema.md: {relationship.type}.{name} is not documented"


def test_documented_labels_exist() -> None:
    documented = set(re.findall(r"^### `(\w+)`", SCHEMA_DOC, flags=re.MULTILINE))
    assert documented == {node.label for node in NODES}


def test_ddl_declares_one_table_per_label_and_type() -> None:
    statements = ddl()
    assert len(statements) == len(NODES) + len(RELATIONSHIPS)
    assert "CREATE REL TABLE HAS_SECTION(FROM Plan TO Section, FROM Section TO Section)" in statements
