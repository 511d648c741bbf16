"""The notebook API: connect() and cypher() on the real build."""

import pytest

from queries import StoreError, connect


def test_connect_accepts_a_build_root_a_build_or_a_store(build_root) -> None:
    current = (build_root / "current").resolve()
    for where in (build_root, current, current / "store", str(current / "store")):
        with connect(where) as graph:
            assert graph.cypher("MATCH (p:Plan) RETURN count(p) AS n").loc[0, "n"] == 8


def test_parameters_are_keywords(kg) -> None:
    rows = kg.cypher("MATCH (p:Plan) WHERE p.doc_number = $number RETURN p.title AS title", number="邯政字〔2023〕7号")
    assert rows["title"].tolist() == ["邯郸市生态环境保护“十四五”规划"]


def test_a_missing_build_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="plankg build"):
        connect(tmp_path)


def test_a_parameter_may_be_called_query(tmp_path) -> None:
    import networkx as nx

    from graph.exports.store import write_store

    graph = nx.MultiDiGraph()
    graph.add_node("region/130528", label="Region", id="region/130528", name="宁晋县")
    write_store(graph, tmp_path / "store")
    with connect(tmp_path) as kg:
        rows = kg.cypher("MATCH (r:Region) WHERE r.name = $query RETURN r.id AS id", query="宁晋县")
    assert rows["id"].tolist() == ["region/130528"]
