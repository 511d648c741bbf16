"""Neo4j push and backend, against a real Bolt server.

FalkorDB (``tests/bolt_server.py``) stands in for Neo4j in every run; what it
lacks is worked around in the open (``constraints=False``, write sessions, no
timeout, one-row batches for the long measure texts: its Bolt crashes on a
message over 4 KB) and listed in ``docs/neo4j.md``. With ``NEO4J_URI`` (and
``NEO4J_USER``, ``NEO4J_PASSWORD``) set, the same checks also run against that
server on the whole corpus, with constraints and read-only sessions.
"""

import json
import logging
import os
from collections import Counter
from decimal import Decimal

import neo4j
import networkx as nx
import pandas as pd
import pytest

from graph.exports.neo4j import PushError, push
from graph.exports.store import write_store
from queries import QueryError, StoreError, connect
from queries.named import named
from tests import bolt_server
from tests.bolt_server import BoltServer, free_port

falkordb = bolt_server.falkordb  # the session's FalkorDB Bolt server (a fixture)

PROVINCE = "hebei-beautiful-hebei-action-plan-2023-2027"
PROVINCE_EPB = "河北省生态环境厅"
# Patterns whose result shapes (nodes, relationships, paths, lists, nulls) must match the embedded store's.
SHAPES = [
    ("MATCH (d:Department {name: $name}) RETURN d", {"name": PROVINCE_EPB}),
    (
        "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE d.name = $name "
        "RETURN r, m.id AS measure, d.aliases AS aliases ORDER BY measure",
        {"name": PROVINCE_EPB},
    ),
    ("MATCH p = (:Plan {id: $id})-[:HAS_SECTION]->(:Section) RETURN p", {"id": PROVINCE}),
    ("MATCH (p:Plan {id: $id}) RETURN p.doc_number AS number, p.line_end AS last_line", {"id": PROVINCE}),
]


def province_subgraph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The province plan, what it holds, the departments and topics of its measures, and their regions."""
    keep = {PROVINCE, *graph.successors(PROVINCE)}
    measures = [node for node in keep if graph.nodes[node]["label"] == "Measure"]
    # not other plans' measures (SIMILAR_TO): their texts reach 4 KB, past what FalkorDB's Bolt takes (docs/neo4j.md)
    keep |= {
        node
        for measure in measures
        for node in nx.all_neighbors(graph, measure)
        if graph.nodes[node]["label"] != "Measure"
    }
    keep |= {region for node in list(keep) for region in graph.successors(node) if node.startswith("dept/")}
    return graph.subgraph(keep).copy()


def built_counts(graph: nx.MultiDiGraph) -> tuple[Counter, Counter]:
    return Counter(label for _, label in graph.nodes(data="label")), Counter(t for *_, t in graph.edges(data="type"))


def same_rows(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal columns and equal rows, in any order (ties in ORDER BY may come back either way)."""
    assert list(left.columns) == list(right.columns)
    assert sorted(map(_canonical, left.itertuples(index=False))) == sorted(
        map(_canonical, right.itertuples(index=False))
    )


def _canonical(row: tuple) -> str:
    """A row as text that is equal for equal values: dict keys sorted, types kept (1 is not 1.0, nor '1').

    The embedded store gives ``sum()`` of integers as a Decimal (LadybugDB's INT128), Neo4j as an int:
    an integral Decimal reads as that int, any other as a float.
    """
    return json.dumps(list(row), sort_keys=True, ensure_ascii=False, default=_number)


def _number(value: object) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"no canonical form for {value!r}")


# --- FalkorDB ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def subgraph(built) -> nx.MultiDiGraph:
    return province_subgraph(built.graph)


@pytest.fixture(scope="module")
def embedded(subgraph, tmp_path_factory):
    """The embedded store of the same subgraph, to compare results with."""
    path = tmp_path_factory.mktemp("province") / "store"
    write_store(subgraph, path)
    with connect(path) as graph:
        yield graph


@pytest.fixture
def server(falkordb: BoltServer) -> BoltServer:
    """The FalkorDB server, emptied, and ready for a new driver."""
    falkordb.settle()
    with neo4j.GraphDatabase.driver(falkordb.uri, auth=falkordb.auth) as driver, driver.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    falkordb.settle()
    return falkordb


def falkordb_push(server: BoltServer, graph: nx.MultiDiGraph, batch_size: int = 1, **options):
    counts = push(graph, server.uri, server.auth, batch_size=batch_size, constraints=False, **options)
    server.settle()
    return counts


def test_push_merges_in_batches_and_counts_match(server, built) -> None:
    regions = built.graph.subgraph(n for n, label in built.graph.nodes(data="label") if label == "Region")
    counts = falkordb_push(server, regions, batch_size=20, progress=False)
    nodes, relationships = built_counts(regions)
    assert counts.nodes["Region"] == nodes["Region"] > 100
    assert counts.relationships["PART_OF"] == relationships["PART_OF"] > 100
    assert sum(counts.nodes.values()) == nodes["Region"]


def test_push_twice_changes_nothing(server, subgraph) -> None:
    first = falkordb_push(server, subgraph)
    second = falkordb_push(server, subgraph, progress=False)
    nodes, relationships = built_counts(subgraph)
    assert first == second
    assert {label: n for label, n in first.nodes.items() if n} == dict(nodes)
    assert {kind: n for kind, n in first.relationships.items() if n} == dict(relationships)
    assert first.relationships["RESPONSIBLE_FOR"] > 100


def test_push_refuses_a_database_holding_other_data(server, subgraph, built) -> None:
    falkordb_push(server, subgraph, progress=False)
    regions = built.graph.subgraph(n for n, label in built.graph.nodes(data="label") if label == "Region")
    with pytest.raises(PushError, match=r"Plan: 1 on the server, 0 in the build"):
        falkordb_push(server, regions, batch_size=20, progress=False)


def test_named_queries_and_shapes_read_back_as_embedded(server, subgraph, embedded) -> None:
    falkordb_push(server, subgraph, progress=False)
    # FalkorDB serves a read-mode or timed session from another graph (docs/neo4j.md): write mode, no timeout.
    with connect(uri=server.uri, auth=server.auth, read_only=False, timeout_ms=0) as remote:
        measure = f"{PROVINCE}/m/1"
        same_rows(named("provenance").run(remote, id=measure), named("provenance").run(embedded, id=measure))
        mine = named("department_measures").run(remote, department=PROVINCE_EPB)
        assert len(mine) > 5
        same_rows(mine, named("department_measures").run(embedded, department=PROVINCE_EPB))
        for query, params in SHAPES:
            same_rows(remote.cypher(query, **params), embedded.cypher(query, **params))
        row = remote.cypher(SHAPES[0][0], **SHAPES[0][1])["d"][0]
        assert row["label"] == "Department" and row["name"] == PROVINCE_EPB and isinstance(row["aliases"], list)
        with pytest.raises(QueryError):
            remote.cypher("MATCH (n RETURN n")
        for attack in [
            "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
            "CALL dbms.setConfigValue('db.transaction.timeout', '0')",
            "MATCH (p:Plan) RETURN p.id; CREATE (:Scratch {id: 'x'})",
            "CREATE (:Scratch {id: 'even a write session refuses this'})",
        ]:
            with pytest.raises(QueryError, match="refused"):
                remote.cypher(attack)
        written = "MATCH (n) WHERE n.id IN ['x', 'even a write session refuses this'] RETURN count(n) AS n"
        assert remote.cypher(written).loc[0, "n"] == 0
    server.settle()


def test_password_is_never_logged_or_shown(server, subgraph, caplog, capfd) -> None:
    caplog.set_level(logging.DEBUG)
    falkordb_push(server, subgraph, progress=True)
    with connect(uri=server.uri, auth=server.auth, read_only=False, timeout_ms=0) as remote:
        shown = repr(remote) + repr(remote._backend) + remote.cypher("MATCH (p:Plan) RETURN p").to_string()
    server.settle()
    with pytest.raises(StoreError) as refused:
        push(subgraph, server.uri, (server.auth[0], server.auth[1] + "-wrong"), constraints=False, progress=False)
    server.settle()
    output = capfd.readouterr()
    assert "push" in output.err  # the progress bar ran
    assert "C: LOGON" in caplog.text  # the driver logged its log-ons, with the credentials masked
    password = server.auth[1]
    for text in (caplog.text, output.out, output.err, shown, str(refused.value)):
        assert password not in text


def test_constraints_are_refused_by_falkordb_with_a_clear_error(server, subgraph) -> None:
    with pytest.raises(StoreError, match="refused a statement"):
        push(subgraph, server.uri, server.auth, batch_size=1, progress=False)
    server.settle()


def test_no_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot reach"):
        connect(uri=f"bolt://127.0.0.1:{free_port()}", auth=("neo4j", "unused"))


# --- a real Neo4j, when NEO4J_URI is set ----------------------------------------------------------------------

NEO4J_URI = os.environ.get("NEO4J_URI")
NEO4J_DATABASE = os.environ.get("NEO4J_DATABASE")  # None: the server's default database
real_neo4j = pytest.mark.skipif(
    not NEO4J_URI, reason="set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to an empty scratch Neo4j 5 database"
)


@pytest.fixture(scope="module")
def neo4j_auth() -> tuple[str, str]:
    return os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")


@pytest.fixture(scope="module")
def pushed_corpus(built, neo4j_auth):
    """The whole corpus pushed twice (constraints, default batches); the second push's counts."""
    push(built.graph, NEO4J_URI, neo4j_auth, database=NEO4J_DATABASE, progress=False)
    return push(built.graph, NEO4J_URI, neo4j_auth, database=NEO4J_DATABASE, progress=False)


@real_neo4j
def test_neo4j_whole_corpus_push_is_idempotent(pushed_corpus, built, neo4j_auth) -> None:
    nodes, relationships = built_counts(built.graph)
    assert {label: n for label, n in pushed_corpus.nodes.items() if n} == dict(nodes)
    assert {kind: n for kind, n in pushed_corpus.relationships.items() if n} == dict(relationships)
    with connect(uri=NEO4J_URI, auth=neo4j_auth, database=NEO4J_DATABASE) as remote:
        constraints = remote.cypher("SHOW CONSTRAINTS YIELD name RETURN name")["name"].tolist()
    assert {f"plankg_{label}_id" for label in nodes} <= set(constraints)


@real_neo4j
def test_neo4j_every_named_query_reads_back_as_embedded(pushed_corpus, kg, neo4j_auth) -> None:
    from queries.named import library

    with connect(uri=NEO4J_URI, auth=neo4j_auth, database=NEO4J_DATABASE) as remote:
        for query in library().values():
            same_rows(query.run(remote), query.run(kg))
        for query, params in SHAPES:
            same_rows(remote.cypher(query, **params), kg.cypher(query, **params))
        with pytest.raises(QueryError):
            remote.cypher("CREATE (:Scratch {id: 'read-only sessions refuse this'})")
    with (
        connect(uri=NEO4J_URI, auth=neo4j_auth, database=NEO4J_DATABASE, max_rows=5) as small,
        pytest.raises(QueryError, match="more than 5 rows"),
    ):
        small.cypher("MATCH (m:Measure) RETURN m.id")


@real_neo4j
def test_neo4j_wrong_password_is_a_store_error(neo4j_auth) -> None:
    with pytest.raises(StoreError, match="refused the credentials"):
        connect(uri=NEO4J_URI, auth=(neo4j_auth[0], neo4j_auth[1] + "-wrong"), database=NEO4J_DATABASE)
