"""The embedded store: the real engine on the real corpus's build."""

import networkx as nx
import pytest

from graph.stores.embedded import EmbeddedStore, write_store
from graph.stores.errors import QueryError, StoreError


def test_pm25_targets_in_one_table(kg) -> None:
    rows = kg.cypher(
        "MATCH (p:Plan)-[t:TARGETS]->(i:Indicator {id: 'indicator/pm25'}) "
        "WHERE t.target_year = $year AND p.level = 'city' "
        "RETURN p.region AS region, t.target AS target, t.target_value AS value ORDER BY value",
        year=2025,
    )
    assert rows.to_dict(orient="records") == [
        {"region": "衡水市", "target": "37*", "value": 37.0},
        {"region": "邢台市", "target": "40", "value": 40.0},
        {"region": "邯郸市", "target": "42", "value": 42.0},
    ]


def test_region_chain(kg) -> None:
    rows = kg.cypher(
        "MATCH (c:Region {name: '宁晋县'})-[:PART_OF*1..3]->(p:Region {name: '河北省'}) RETURN count(*) AS n"
    )
    assert rows.loc[0, "n"] == 1
    above = kg.cypher("MATCH (c:Region {code: $code})-[:PART_OF]->(p:Region) RETURN p.name AS name", code="130528")
    assert above["name"].tolist() == ["邢台市"]


def test_department_load(kg) -> None:
    rows = kg.cypher(
        "MATCH (d:Department {name: '邯郸市生态环境局'})-[r:RESPONSIBLE_FOR]->(m:Measure) "
        "RETURN r.role AS role, count(m) AS measures ORDER BY role"
    )
    assert dict(zip(rows["role"], rows["measures"], strict=True)) == {"lead": 15, "responsible": 64}


def test_nodes_come_back_as_property_dicts(kg) -> None:
    (node,) = kg.cypher("MATCH (d:Department) WHERE d.id = 'dept/130400/发展和改革委员会' RETURN d AS d")["d"]
    assert node == {
        "label": "Department",
        "id": "dept/130400/发展和改革委员会",
        "name": "邯郸市发展和改革委员会",
        "kind": "发展和改革委员会",
        "function": "发展和改革委员会",
        "level": "city",
        "category": "department",
        "aliases": ["市发展改革委"],
    }


def test_missing_values_are_none_and_integers_stay_integers(kg) -> None:
    row = kg.cypher(
        "MATCH (p:Plan {id: 'xingtai-eco-plan-2021-2025'}) RETURN p.issued AS issued, p.line_end AS last"
    ).iloc[0]
    assert row["issued"] is None
    assert row["last"] == 585 and isinstance(row["last"], int)


def test_query_errors_carry_the_engine_message(kg) -> None:
    with pytest.raises(QueryError, match="Nope"):
        kg.cypher("MATCH (n:Nope) RETURN n")


def test_store_is_read_only(kg) -> None:
    with pytest.raises(QueryError, match="read-only"):
        kg.cypher("CREATE (:Region {id: 'region/x', name: 'x'})")
    assert kg.cypher("MATCH (r:Region {id: 'region/x'}) RETURN count(r) AS n").loc[0, "n"] == 0


def test_missing_store_names_the_path_and_the_fix(tmp_path) -> None:
    with pytest.raises(StoreError, match=f"no graph store at {tmp_path}.*plankg build"):
        EmbeddedStore(tmp_path)


def test_corrupt_store_is_a_store_error(tmp_path) -> None:
    (tmp_path / "plankg.lbug").write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="plankg build"):
        EmbeddedStore(tmp_path)


def test_unknown_label_or_property_is_refused(tmp_path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Nope", id="x")
    with pytest.raises(ValueError, match="'Nope'"):
        write_store(graph, tmp_path / "a")
    graph = nx.MultiDiGraph()
    graph.add_node("r", label="Region", id="r", name="宁晋县", colour="red")
    with pytest.raises(ValueError, match="colour"):
        write_store(graph, tmp_path / "b")


def test_a_small_graph_round_trips(tmp_path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("region/1", label="Region", id="region/1", name="宁晋县", level="county", code="130528")
    graph.add_node("d", label="Department", id="d", name="宁晋县民政局", kind="民政局", aliases=["民政局", "县民政局"])
    graph.add_edge("d", "region/1", type="BELONGS_TO")
    assert write_store(graph, tmp_path / "s") == {"Region": 1, "Department": 1, "BELONGS_TO": 1}
    with EmbeddedStore(tmp_path / "s") as store:
        rows = store.cypher(
            "MATCH (d:Department)-[:BELONGS_TO]->(r:Region) RETURN d.aliases AS a, r.name AS r, d.level AS l"
        )
    assert rows.to_dict(orient="records") == [{"a": ["民政局", "县民政局"], "r": "宁晋县", "l": None}]


def test_long_queries_are_cut_off(build_root) -> None:
    from queries import connect

    with connect(build_root, timeout_ms=300) as graph, pytest.raises(QueryError, match="longer than 0.3 s"):
        graph.cypher(
            "MATCH (a:Section), (b:Section), (c:Measure) WHERE a.line_start + b.line_start = c.line_start + c.line_end "
            "RETURN count(*) AS n"
        )


def test_huge_results_are_cut_off(build_root) -> None:
    from queries import connect

    with connect(build_root, max_rows=946) as graph:  # 946 sections in the corpus
        assert len(graph.cypher("MATCH (s:Section) RETURN s.id AS id")) == 946
        with pytest.raises(QueryError, match="more than 946 rows"):
            graph.cypher("MATCH (m:Measure), (r:Region) RETURN m.id AS m, r.id AS r")
