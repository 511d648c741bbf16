"""The graph schema, declared once: node labels and relationship types with typed properties.

Everything that knows the schema reads it from here: the embedded store's DDL,
the Neo4j constraints, ``docs/schema.md`` (checked by a test) and the RDF export.
One label per node; finer kinds live in properties.
"""

from dataclasses import dataclass

STRING, INT64, DOUBLE, BOOLEAN, STRING_LIST = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"

PROVENANCE = {
    "source_file": STRING,
    "line_start": INT64,
    "line_end": INT64,
    "page_start": INT64,
    "page_end": INT64,
}
"""Where a fact was read: the file, its line span and, for a file with pages (PDF), the page span."""

_TABLE_ROW = {
    "name_as_written": STRING,
    "unit": STRING,
    "scope": STRING,
    "table_title": STRING,
    "baseline": STRING,
    "baseline_year": INT64,
    "target": STRING,
    "target_year": INT64,
}
"""What every indicator-table row says, as printed: its name, unit, scope and table, baseline and target."""


@dataclass(frozen=True)
class NodeType:
    """A node label, its properties (name → type) and primary key ``id``."""

    label: str
    properties: dict[str, str]


@dataclass(frozen=True)
class RelationshipType:
    """A relationship type, the (from label, to label) pairs it joins, and its properties."""

    type: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, str]


NODES: tuple[NodeType, ...] = (
    NodeType("Region", {"id": STRING, "name": STRING, "level": STRING, "code": STRING}),
    NodeType(
        "Plan",
        {
            "id": STRING,
            "title": STRING,
            "kind": STRING,
            "doc_number": STRING,
            "issuer": STRING,
            "issued": STRING,
            "period": STRING,
            "level": STRING,
            "region": STRING,
            **PROVENANCE,
        },
    ),
    NodeType("Section", {"id": STRING, "heading": STRING, "number": STRING, "path": STRING, **PROVENANCE}),
    NodeType(
        "Measure",
        {
            "id": STRING,
            "number": STRING,
            "text": STRING,
            "body": STRING,
            "section_path": STRING,
            "deadline": STRING,
            "deadline_date": STRING,
            **PROVENANCE,
        },
    ),
    NodeType(
        "Department",
        {
            "id": STRING,
            "name": STRING,
            "kind": STRING,
            "function": STRING,
            "level": STRING,
            "category": STRING,
            "aliases": STRING_LIST,
        },
    ),
    NodeType("Indicator", {"id": STRING, "name": STRING, "unit": STRING, "category": STRING}),
    NodeType("Topic", {"id": STRING, "name": STRING, "name_en": STRING, "parent": STRING, "keywords": STRING_LIST}),
    NodeType(
        "Project",
        {
            "id": STRING,
            "name": STRING,
            "number": STRING,
            "box": STRING,
            "box_number": STRING,
            "text": STRING,
            **PROVENANCE,
        },
    ),
)

RELATIONSHIPS: tuple[RelationshipType, ...] = (
    RelationshipType("PART_OF", (("Region", "Region"),), {}),
    RelationshipType("COVERS", (("Plan", "Region"),), {}),
    RelationshipType("HAS_SECTION", (("Plan", "Section"), ("Section", "Section")), {}),
    RelationshipType("HAS_MEASURE", (("Plan", "Measure"), ("Section", "Measure")), {}),
    RelationshipType("BELONGS_TO", (("Department", "Region"),), {}),
    RelationshipType(
        "RESPONSIBLE_FOR",
        (("Department", "Measure"),),
        {"role": STRING, "as_written": STRING, "clause": STRING, "implied": BOOLEAN, **PROVENANCE},
    ),
    RelationshipType(
        "TARGETS",
        (("Plan", "Indicator"), ("Measure", "Indicator")),
        {
            **_TABLE_ROW,
            "cumulative": STRING,
            "attribute": STRING,
            "attribute_inherited": BOOLEAN,
            "baseline_value": DOUBLE,
            "target_value": DOUBLE,
            "cumulative_value": DOUBLE,
            "value_unit": STRING,
            "footnote": STRING,
            **PROVENANCE,
        },
    ),
    RelationshipType(
        "REPORTS_PROGRESS",
        (("Plan", "Indicator"),),
        {
            **_TABLE_ROW,
            "achieved": STRING,
            "achieved_year": INT64,
            "met": STRING,
            "attribute": STRING,
            "baseline_value": DOUBLE,
            "target_value": DOUBLE,
            "achieved_value": DOUBLE,
            "value_unit": STRING,
            "footnote": STRING,
            **PROVENANCE,
        },
    ),
    RelationshipType("HAS_PROJECT", (("Plan", "Project"), ("Section", "Project")), {}),
    RelationshipType("BROADER", (("Topic", "Topic"),), {}),
    RelationshipType("ABOUT", (("Measure", "Topic"),), {"keywords": STRING_LIST, "hits": INT64, "main": BOOLEAN}),
    RelationshipType(
        "SIMILAR_TO",
        (("Measure", "Measure"),),
        {
            "score": DOUBLE,
            "status": STRING,
            "method": STRING,
            "source_sentence": STRING,
            "target_sentence": STRING,
            "shared_terms": STRING_LIST,
        },
    ),
    RelationshipType("LOCATED_IN", (("Project", "Region"),), {}),
)

NODE_TYPES = {node.label: node for node in NODES}
RELATIONSHIP_TYPES = {relationship.type: relationship for relationship in RELATIONSHIPS}


def ddl() -> list[str]:
    """``CREATE NODE/REL TABLE`` statements for the embedded store (Kùzu/LadybugDB dialect)."""
    statements = [f"CREATE NODE TABLE {node.label}({_columns(node.properties)}, PRIMARY KEY(id))" for node in NODES]
    for relationship in RELATIONSHIPS:
        pairs = ", ".join(f"FROM {tail} TO {head}" for tail, head in relationship.pairs)
        columns = f", {_columns(relationship.properties)}" if relationship.properties else ""
        statements.append(f"CREATE REL TABLE {relationship.type}({pairs}{columns})")
    return statements


def _columns(properties: dict[str, str]) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in properties.items())
