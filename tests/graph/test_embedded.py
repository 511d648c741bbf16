"""The embedded store: the real engine on the real corpus's build."""

import networkx as nx
import pytest

from graph.exports.store import write_store
from graph.stores.embedded import EmbeddedStore
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
        "function": "发展和改革",  # 委员会 dropped: lines up with a county's 发展和改革局
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
    with pytest.raises(QueryError, match="refused: CREATE"):
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


def _small_graph() -> nx.MultiDiGraph:
    """Two plans, 宁晋县 → 邢台市 → 河北省, measures with lead/support departments, PM2.5 targets."""
    graph = nx.MultiDiGraph()
    for code, name, level in (
        ("130000", "河北省", "province"),
        ("130500", "邢台市", "city"),
        ("130528", "宁晋县", "county"),
    ):
        graph.add_node(f"region/{code}", label="Region", id=f"region/{code}", name=name, level=level, code=code)
    graph.add_edge("region/130528", "region/130500", type="PART_OF")
    graph.add_edge("region/130500", "region/130000", type="PART_OF")
    for plan, region in (("xingtai-plan", "邢台市"), ("ningjin-plan", "宁晋县")):
        graph.add_node(
            plan, label="Plan", id=plan, title=f"{region}生态环境保护“十四五”规划", region=region, level="city"
        )
        graph.add_node(
            f"{plan}/m/1",
            label="Measure",
            id=f"{plan}/m/1",
            number="1.",
            text="推进散煤治理（市生态环境局牵头，市发展改革委配合）",
        )
        graph.add_edge(plan, f"{plan}/m/1", type="HAS_MEASURE")
    graph.add_edge("xingtai-plan", "region/130500", type="COVERS")
    graph.add_edge("ningjin-plan", "region/130528", type="COVERS")
    graph.add_node("dept/eco", label="Department", id="dept/eco", name="邢台市生态环境局", aliases=["市生态环境局"])
    graph.add_node(
        "dept/ndrc",
        label="Department",
        id="dept/ndrc",
        name="邢台市发展和改革委员会",
        aliases=["市发展改革委", "市发改委"],
    )
    graph.add_edge(
        "dept/eco", "xingtai-plan/m/1", type="RESPONSIBLE_FOR", role="lead", as_written="市生态环境局", implied=False
    )
    graph.add_edge(
        "dept/ndrc",
        "xingtai-plan/m/1",
        type="RESPONSIBLE_FOR",
        role="support",
        as_written="市发展改革委",
        implied=False,
    )
    graph.add_node(
        "indicator/pm25", label="Indicator", id="indicator/pm25", name="细颗粒物（PM2.5）年均浓度", unit="μg/m3"
    )
    graph.add_edge("xingtai-plan", "indicator/pm25", type="TARGETS", target="40", target_value=40, target_year=2025)
    graph.add_edge("xingtai-plan", "indicator/pm25", type="TARGETS", target="达到省要求", target_year=2030)
    graph.add_edge("ningjin-plan", "indicator/pm25", type="TARGETS", target="37.5", target_value=37.5, target_year=2025)
    return graph


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small hand-made graph, written and opened read-only."""
    path = tmp_path_factory.mktemp("small") / "store"
    counts = write_store(_small_graph(), path)
    with EmbeddedStore(path) as store:
        yield store, counts


def test_small_store_counts_every_table(small) -> None:
    _, counts = small
    assert counts == {
        "Region": 3, "Plan": 2, "Measure": 2, "Department": 2, "Indicator": 1,
        "PART_OF": 2, "HAS_MEASURE": 2, "COVERS": 2, "RESPONSIBLE_FOR": 2, "TARGETS": 3,
    }  # fmt: skip


def test_small_store_answers_exactly(small) -> None:
    store, _ = small
    chain = "MATCH (c:Region {name: '宁晋县'})-[:PART_OF*1..3]->(p:Region {name: '河北省'}) RETURN count(*) AS n"
    assert store.cypher(chain).loc[0, "n"] == 1
    roles = store.cypher(
        "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure {id: $measure}) RETURN d.name AS d, r.role AS role ORDER BY role",
        {"measure": "xingtai-plan/m/1"},
    )
    assert roles.to_dict(orient="records") == [
        {"d": "邢台市生态环境局", "role": "lead"},
        {"d": "邢台市发展和改革委员会", "role": "support"},
    ]
    (aliases,) = store.cypher("MATCH (d:Department {id: 'dept/ndrc'}) RETURN d.aliases AS a")["a"]
    assert aliases == ["市发展改革委", "市发改委"]


def test_integers_in_double_columns_are_stored_as_numbers(small) -> None:
    """The first TARGETS row has target_value=40 (an int); the engine's scan once read it as 2e-322."""
    store, _ = small
    rows = store.cypher(
        "MATCH (p:Plan)-[t:TARGETS]->(:Indicator) RETURN p.id AS plan, t.target_year AS year, t.target_value AS value "
        "ORDER BY plan, year"
    )
    assert rows.to_dict(orient="records") == [
        {"plan": "ningjin-plan", "year": 2025, "value": 37.5},
        {"plan": "xingtai-plan", "year": 2025, "value": 40.0},
        {"plan": "xingtai-plan", "year": 2030, "value": None},
    ]


def test_unlabelled_matches_keep_only_their_own_properties(small) -> None:
    store, _ = small
    (node,) = store.cypher("MATCH (n {id: 'region/130528'}) RETURN n AS n")["n"]
    assert node == {"label": "Region", "id": "region/130528", "name": "宁晋县", "level": "county", "code": "130528"}
    (rel,) = store.cypher("MATCH ({id: 'region/130528'})-[e]->() RETURN e AS e")["e"]
    assert rel == {"type": "PART_OF"}


def test_a_parameter_without_a_value_is_an_error(small) -> None:
    store, _ = small
    with pytest.raises(QueryError, match=r"\$name"):
        store.cypher("MATCH (r:Region) WHERE r.name = $name RETURN r.id AS id")
    dollars = store.cypher("MATCH (r:Region) WHERE r.name <> '$name' // $name\nRETURN count(*) AS n")
    assert dollars.loc[0, "n"] == 3


def test_several_statements_are_refused(small) -> None:
    store, _ = small
    with pytest.raises(QueryError, match="one statement"):
        store.cypher("RETURN 1 AS a; RETURN 2 AS b")


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({"label": "Region", "id": "r", "name": 5}, "name should be STRING"),
        ({"label": "Region", "id": "other"}, "different id"),
        ({"label": "Department", "id": "r", "aliases": "市发改委"}, r"aliases should be STRING\[\]"),
        ({"label": "Plan", "id": "r", "line_start": "12"}, "line_start should be INT64"),
    ],
)
def test_values_of_the_wrong_type_are_refused(tmp_path, node, message) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("r", **node)
    with pytest.raises(ValueError, match=message):
        write_store(graph, tmp_path / "s")
    assert not (tmp_path / "s").exists()


def test_an_undeclared_pair_is_refused(tmp_path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("r", label="Region", id="r")
    graph.add_node("p", label="Plan", id="p")
    graph.add_edge("r", "p", type="COVERS")
    with pytest.raises(ValueError, match="COVERS does not join Region to Plan"):
        write_store(graph, tmp_path / "s")
