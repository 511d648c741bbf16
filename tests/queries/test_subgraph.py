"""kg.subgraph(): a query result as a networkx graph, from the embedded store and over Bolt."""

import networkx as nx
import pytest

from queries import QueryError
from tests.graph.test_neo4j import PROVINCE_EPB


def test_nodes_and_relationships_of_rows_become_a_graph(kg) -> None:
    graph = kg.subgraph(
        "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE d.name = $name RETURN d, r, m", name=PROVINCE_EPB
    )
    assert isinstance(graph, nx.MultiDiGraph)
    department = graph.nodes["dept/130000/生态环境厅"]
    assert department["label"] == "Department" and department["name"] == PROVINCE_EPB
    edges = list(graph.edges(data=True))
    assert edges and all(data["type"] == "RESPONSIBLE_FOR" and data["role"] for _, _, data in edges)
    assert nx.degree_centrality(graph)["dept/130000/生态环境厅"] == 1.0


def test_paths_become_a_graph_and_repeats_count_once(kg) -> None:
    graph = kg.subgraph("MATCH p = (:Region {name: '宁晋县'})-[:PART_OF*1..3]->(:Region) RETURN p")
    assert [graph.nodes[n]["name"] for n in nx.topological_sort(graph)] == ["宁晋县", "邢台市", "河北省"]
    assert graph.number_of_edges() == 2


def test_relationships_without_their_endpoints_are_refused(kg) -> None:
    with pytest.raises(QueryError, match="without its endpoints: return them too"):
        kg.subgraph("MATCH (:Plan)-[r:COVERS]->(:Region) RETURN r")
