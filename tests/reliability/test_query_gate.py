"""The query path as an attacker would use it: files, native code, settings, several statements, time and memory.

Every attack goes through the real paths — ``connect().cypher()`` (a worker
process), the in-process store the explorer uses for its own queries, and the
``plankg query`` command (in its own process, memory capped as a worker's) — and must be
refused before anything runs.
"""

import os
import signal
from pathlib import Path

import pytest

from graph.stores.embedded import EmbeddedStore
from graph.stores.errors import QueryError
from graph.stores.gate import check_plan, check_text, parameters
from queries import connect
from tests.test_cli import plankg

PASSWD_LINE = "root:x:0:0"

FILE_READS = [
    "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *",
    "load from '/etc/passwd' return *",
    "LOAD WITH HEADERS (a STRING) FROM '/etc/passwd' RETURN *",
    "CALL read_csv('/etc/passwd') RETURN *",
    "MATCH (p:Plan) RETURN p.id AS id UNION LOAD FROM '/etc/passwd' RETURN *",
    "/* a comment first */ LOAD FROM '/etc/passw*' RETURN *",
]


def _writes(target: Path) -> list[str]:
    return [
        f"COPY (RETURN 'x' AS x) TO '{target}'",
        f"MATCH (p:Plan) RETURN p.id AS id; COPY (RETURN 'x' AS x) TO '{target}'",
        f"MATCH (p:Plan) RETURN p.id AS id;\n// and then\nCOPY (MATCH (p:Plan) RETURN p.id) TO '{target}'",
        f"EXPORT DATABASE '{target.parent / 'exported'}'",
    ]


STATE_CHANGES = [
    "CHECKPOINT",
    "CALL timeout=0",
    "CALL timeout = 0",
    "call THREADS=8",
    "BEGIN TRANSACTION",
    "BEGIN TRANSACTION READ ONLY",
    "COMMIT",
    "ATTACH '/tmp/other.lbug' AS other (dbtype lbug)",
    "USE other",
    "INSTALL json",
    "LOAD EXTENSION '/tmp/evil.so'",
    "LOAD json",
    "CREATE (:Region {id: 'region/x', name: 'x'})",
    "MATCH (r:Region) SET r.name = 'x'",
    "MATCH (r:Region) DETACH DELETE r",
    "DROP TABLE Region",
    "CREATE MACRO evil(x) AS x",
    "EXPLAIN MATCH (p:Plan) RETURN p",
    "PROFILE MATCH (p:Plan) RETURN p",
]


@pytest.fixture(scope="module")
def store(build_root: Path):
    """The in-process read-only store, as the explorer opens it for its own queries."""
    with EmbeddedStore(build_root / "current" / "store") as opened:
        yield opened


@pytest.mark.parametrize("query", FILE_READS)
def test_local_files_cannot_be_read(kg, query) -> None:
    with pytest.raises(QueryError, match="refused") as refused:
        kg.cypher(query)
    assert PASSWD_LINE not in str(refused.value)


def test_nothing_is_written_even_after_a_harmless_first_statement(kg, store, tmp_path) -> None:
    target = tmp_path / "written.csv"
    for query in _writes(target):
        for graph in (kg, store):
            with pytest.raises(QueryError, match="refused"):
                graph.cypher(query)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("query", STATE_CHANGES)
def test_settings_transactions_extensions_and_writes_are_refused(kg, query) -> None:
    with pytest.raises(QueryError, match="refused"):
        kg.cypher(query)


def test_checkpoint_leaves_the_published_store_as_it_was(build_root, kg, store) -> None:
    directory = build_root / "current" / "store"
    before = sorted(path.name for path in directory.iterdir())
    for graph in (kg, store):
        with pytest.raises(QueryError, match="CHECKPOINT"):
            graph.cypher("CHECKPOINT")
    assert sorted(path.name for path in directory.iterdir()) == before
    with connect(build_root) as again:  # a fresh open works: no pending recovery
        assert again.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8


def test_keywords_inside_strings_names_and_comments_are_data(kg) -> None:
    rows = kg.cypher(
        "// LOAD FROM '/etc/passwd'\n"
        "MATCH (p:Plan) WHERE p.title CONTAINS 'LOAD FROM' OR p.title = \"COPY TO; CALL timeout=0\" "
        "OR p.title = 'it\\'s; CHECKPOINT' RETURN count(p) AS `SET`"
    )
    assert rows.to_dict(orient="records") == [{"SET": 0}]


def test_the_limit_named_is_the_limit_applied(build_root) -> None:
    with connect(build_root, timeout_ms=300) as graph:
        with pytest.raises(QueryError, match="refused: CALL timeout"):
            graph.cypher("CALL timeout=0")
        with pytest.raises(QueryError, match="longer than 0.3 s"):
            graph.cypher(
                "MATCH (a:Section), (b:Section), (c:Measure) "
                "WHERE a.line_start + b.line_start = c.line_start + c.line_end RETURN count(*) AS n"
            )
        assert graph.cypher("RETURN 1 AS one").loc[0, "one"] == 1  # the connection serves the next query


@pytest.mark.parametrize(
    "query",
    [
        "MATCH p=(a:Plan)-[*1..3]-(b) RETURN p",
        "MATCH p=(a:Plan)-[*1..4]-(b) RETURN p",
        "RETURN range(1, 20000000) AS r",
        "RETURN size(range(1, 1000000000)) AS n",
        "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n",
    ],
)
def test_queries_needing_too_much_memory_are_stopped(build_root, query) -> None:
    with connect(build_root, memory_mb=512) as graph:
        with pytest.raises(QueryError, match="memory"):
            graph.cypher(query)
        assert graph.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8


def test_an_interrupt_of_the_process_group_leaves_the_worker_answering(build_root) -> None:
    # Jupyter's "interrupt kernel" and Ctrl-C signal the whole process group; the worker is the parent's to stop.
    with connect(build_root) as graph:
        graph.cypher("RETURN 1 AS one")
        worker = graph._backend._process
        os.kill(worker.pid, signal.SIGINT)
        assert graph.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8
        assert graph._backend._process is worker and worker.poll() is None


def test_every_connection_has_its_own_worker(build_root) -> None:
    with connect(build_root) as first, connect(build_root) as second:
        first.cypher("RETURN 1 AS one")
        second.cypher("RETURN 1 AS one")
        pids = {graph._backend._process.pid for graph in (first, second)}
        assert len(pids) == 2 and os.getpid() not in pids
        first._backend._process.kill()  # a worker lost (killed, out of memory) …
        first._backend._process.wait()
        assert second.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8  # … is only its own
        assert first.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8  # and is replaced


def test_the_cli_refuses_before_running(build_root, tmp_path) -> None:
    target = tmp_path / "cli.csv"
    for query in [FILE_READS[0], *_writes(target)[:2], "CALL timeout=0"]:
        done = plankg("query", "--db", str(build_root), query)
        assert done.returncode != 0
        assert "refused" in done.stderr and "Traceback" not in done.stderr
        assert PASSWD_LINE not in done.stdout + done.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "query",
    [
        "MATCH p=(a:Plan)-[*1..4]-(b) RETURN p",  # the engine's buffer pool fills
        "RETURN range(1, 20000000) AS r",  # the list is built outside the pool: the process cap stops it
        "RETURN size(range(1, 1000000000)) AS n",
    ],
)
def test_the_cli_stops_queries_needing_too_much_memory(build_root, query) -> None:
    done = plankg("query", "--db", str(build_root), query)
    assert done.returncode == 1
    assert done.stderr.startswith("error: the query need") and "memory" in done.stderr
    assert "narrow it or add LIMIT" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("", "empty"),
        (";", "empty"),
        ("MATCH (p:Plan) RETURN 'open", "string opened on line 1"),
        ("MATCH (p:Plan)\nRETURN `open", "quoted name opened on line 2"),
        ("MATCH (p:Plan) /* open", "comment opened"),
        ("RETURN 1;\nRETURN 2", "line 1 starts a second statement"),
        ("MATCH (p:Plan)\n  CALL db_version() RETURN *", None),
        ("CALL show_tables() RETURN *", None),
        ("MATCH (p:Plan) RETURN p.id AS id;", None),
        ("MATCH (n:Plan) RETURN n.`load` AS x, {set: 1} AS m", None),
        ("CALL { MATCH (p:Plan) RETURN p }", "CALL …"),
        ("CALL db.labels()", "CALL db.labels"),
    ],
)
def test_the_text_check(query, reason) -> None:
    if reason is None:
        check_text(query)
    else:
        with pytest.raises(QueryError, match=reason):
            check_text(query)


def test_parameters_are_found_outside_strings_names_and_comments_even_half_typed() -> None:
    assert parameters("MATCH (n {id: $id}) WHERE n.name <> '$no' AND `$x` // $nor\nRETURN $id, $year") == ["id", "year"]
    assert parameters("MATCH (n) WHERE n.id = $id AND n.name = 'still typ") == ["id"]


def test_the_plan_check_refuses_steps_that_are_not_reads() -> None:
    read = "│  SCAN_NODE_TABLE[0]  │\n│  RESULT_COLLECTOR[1]  │"
    check_plan(read)
    with pytest.raises(QueryError, match="COPY_TO"):
        check_plan(read + "\n│  COPY_TO[2]  │")
    with pytest.raises(QueryError, match="READ_CSV"):
        check_plan(read + "\n│  TABLE_FUNCTION_CALL[2]  │\n│  Function: READ_CSV  │")
    with pytest.raises(QueryError, match="could not be read"):
        check_plan("no plan here")


def test_every_named_query_passes_the_gate(kg) -> None:
    from queries.named import library

    for query in library().values():
        query.run(kg)  # raises QueryError if the gate refused it
