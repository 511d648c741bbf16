"""Pages and deadlines reach the graph: a plan built from its PDF, a task-division table built from its TSV."""

import shutil
from pathlib import Path

import pytest
from rdflib import Literal

from graph.build import build_graph
from graph.exports.store import write_store
from graph.rdf.namespaces import PLANKG
from graph.stores.embedded import EmbeddedStore
from ingest.corpus import ingest_corpus
from ingest.reference import load_regions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
HANDAN = "handan-eco-plan-2021-2025"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The graph and store of the Handan plan read from its PDF and the province's task table read from TSV."""
    corpus = tmp_path_factory.mktemp("paged")
    for name in (f"{HANDAN}.pdf", "hebei-task-division.tsv"):
        shutil.copy(FIXTURES / name, corpus / name)
    graph = build_graph(ingest_corpus(corpus), load_regions()).graph
    store = tmp_path_factory.mktemp("store") / "store"
    write_store(graph, store)
    return graph, store


def test_a_measure_read_from_a_pdf_names_its_pages(built) -> None:
    _, store = built
    with EmbeddedStore(store) as graph:
        first = graph.cypher(
            "MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure) WHERE p.source_file ENDS WITH '.pdf' AND m.number = '1.' "
            "RETURN m.page_start AS start, m.page_end AS last, m.source_file AS file ORDER BY m.line_start LIMIT 1"
        )
        spans = graph.cypher(
            "MATCH (m:Measure) WHERE m.page_start <> m.page_end RETURN m.page_start AS start, m.page_end AS last"
        )
        clauses = graph.cypher(
            "MATCH (d:Department)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE m.source_file ENDS WITH '.pdf' "
            "RETURN min(r.page_start) AS first"
        )
    assert first.to_dict(orient="records") == [{"start": 5, "last": 5, "file": f"{HANDAN}.pdf"}]
    assert (7, 8) in set(spans.itertuples(index=False, name=None))  # the measure that runs over a page break
    assert clauses.loc[0, "first"] == 5


def test_a_task_division_row_keeps_its_deadline_as_written_and_as_a_date(built) -> None:
    _, store = built
    with EmbeddedStore(store) as graph:
        rows = graph.cypher(
            "MATCH (m:Measure) WHERE m.source_file = 'hebei-task-division.tsv' "
            "RETURN m.deadline AS deadline, m.deadline_date AS date, m.page_start AS page ORDER BY m.line_start LIMIT 2"
        )
    assert rows.to_dict(orient="records") == [
        {"deadline": "长期坚持", "date": None, "page": None},
        {"deadline": "2027年底前", "date": "2027-12-31", "page": None},
    ]


def test_the_rdf_text_span_of_a_pdf_fact_has_pages(built) -> None:
    from graph.rdf.export import to_rdf

    graph, _ = built
    rdf = to_rdf(graph)
    pages = {int(value) for value in rdf.objects(None, PLANKG.pageStart)}
    assert 5 in pages and 4 in pages  # the first measure, the indicator table
    assert (None, PLANKG.deadline, Literal("2027年底前", lang="zh")) in rdf
