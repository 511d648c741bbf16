"""Errors in the user's terms, the same from the embedded store and over Bolt."""

import pytest

from queries import QueryError
from tests.graph.test_dialect import falkordb, remote  # noqa: F401

TYPOS = [
    ("MATCH (d:Departmnet) RETURN d.name", r"no label Departmnet .*did you mean Department\?.*labels are Region, Plan"),
    (
        "MATCH (:Plan)-[r:COVER]->(:Region) RETURN r",
        r"no relationship type COVER .*did you mean COVERS\?.*types are PART_OF",
    ),
    (
        "MATCH (p:Plan) RETURN p.titel AS t",
        r"Plan has no property titel \(p\.titel.*did you mean title\?.*doc_number, id, issued",
    ),
    ("MATCH (p:Plan {regoin: '邯郸市'}) RETURN p", r"Plan has no property regoin .*did you mean region\?"),
    ("MATCH (n) WHERE n:Measur RETURN n", r"no label Measur .*did you mean Measure\?"),
    ("MATCH (p:Plan) WHERE p.region = $city RETURN p.id", r"no value given for parameter\(s\): \$city"),
    ("  // only a comment\n", r"the query is empty: write a Cypher query"),
]


@pytest.mark.parametrize(("query", "message"), TYPOS)
def test_typos_are_named_on_the_embedded_store(kg, query, message) -> None:
    with pytest.raises(QueryError, match=message):
        kg.cypher(query)


@pytest.mark.parametrize(("query", "message"), TYPOS)
def test_typos_are_named_over_bolt(remote, query, message) -> None:  # noqa: F811
    with pytest.raises(QueryError, match=message):
        remote.cypher(query)


def test_right_names_run(kg) -> None:
    rows = kg.cypher(
        "MATCH (d:Department {name: $name})-[:BELONGS_TO]->(r:Region) RETURN r.name AS region", name="邯郸市生态环境局"
    )
    assert rows["region"].tolist() == ["邯郸市"]
