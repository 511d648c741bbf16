"""RDF export of the real corpus's graph: round trips, SPARQL answers, SHACL, IRIs, language tags."""

import re

import networkx as nx
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from graph.build import build_graph
from graph.rdf import FORMATS, ONTOLOGY, SHAPES, export_rdf, iris, to_rdf
from graph.rdf.export import SKIPPED
from graph.rdf.namespaces import ELI, PLANKG, PREFIXES
from graph.rdf.nodes import NODE_MAPPERS
from graph.rdf.relationships import EDGE_MAPPERS
from graph.rdf.writer import Writer
from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from ingest.reference import load_regions
from tests.conftest import ROOT
from tests.graph.conftest import edges

NS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
CJK = re.compile(r"[\u4e00-\u9fff]")

PM25_2025 = """
SELECT ?region ?asPrinted ?value WHERE {
  ?obs plankg:indicator <https://plankg.org/id/indicator/pm25> ;
       plankg:valueKind plankg:Target ;
       sdmx-dimension:refPeriod/time:inXSDgYear "2025"^^xsd:gYear ;
       plankg:statedIn/rdf:type plankg:IndicatorTable ;
       plankg:plan ?plan ;
       plankg:asPrinted ?asPrinted .
  OPTIONAL { ?obs sdmx-measure:obsValue ?value }
  ?plan dcterms:spatial ?area .
  ?area plankg:level plankg:LevelCity ; schema:name ?region .
} ORDER BY ?value
"""
PARENTS = """
SELECT ?name WHERE {
  ?county schema:name "宁晋县"@zh ; schema:containedInPlace+ ?above .
  ?above schema:name ?name ; dcterms:identifier ?code .
} ORDER BY DESC(?code)
"""
RESPONSIBILITIES = """
SELECT (COUNT(DISTINCT ?measure) AS ?measures) (COUNT(DISTINCT ?led) AS ?led) WHERE {
  ?dept skos:prefLabel "邯郸市生态环境局"@zh .
  ?measure prov:qualifiedAssociation [ prov:agent ?dept ] .
  OPTIONAL {
    ?measure prov:qualifiedAssociation [ prov:agent ?dept ; prov:hadRole plankg:LeadRole ] .
    BIND(?measure AS ?led)
  }
}
"""
# Graph properties the export leaves out, and why (docs/rdf.md lists them too).
NOT_MAPPED = {
    ("*", "id"): "the node's IRI is made from it",
    ("Plan", "region"): "the region's name, reachable by dcterms:spatial",
    ("Measure", "body"): "dcterms:description without the clauses, which the responsibility statements carry",
    ("ABOUT", "keywords"): "classification detail; dcterms:subject carries the topic",
    ("ABOUT", "hits"): "classification detail; dcterms:subject carries the topic",
    ("ABOUT", "main"): "classification detail; dcterms:subject carries the topic",
}


@pytest.fixture(scope="module")
def rdf(built) -> Graph:
    return to_rdf(built.graph)


def rows(rdf: Graph, query: str) -> list[tuple]:
    return [tuple(None if term is None else term.toPython() for term in row) for row in rdf.query(query, initNs=NS)]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(built, rdf, tmp_path, fmt):
    path = export_rdf(built.graph, tmp_path / f"graph.{fmt}", fmt)
    back = Graph().parse(path, format=FORMATS[fmt])
    assert len(back) == len(rdf)
    if fmt in ("ttl", "nt"):
        assert isomorphic(back, rdf)
    else:
        assert set(back) == set(rdf)  # no blank nodes: same triples is isomorphic


def test_unknown_format_is_refused(built, tmp_path):
    with pytest.raises(ValueError, match="unknown RDF format"):
        export_rdf(built.graph, tmp_path / "graph.xml", "xml")


def test_no_blank_nodes(rdf):
    assert not any(isinstance(term, BNode) for triple in rdf for term in triple)


def test_pm25_targets_of_the_three_cities(built, rdf):
    expected = sorted(
        (built.graph.nodes[plan]["region"], data["target"], data["target_value"])
        for plan, _, data in edges(built.graph, "TARGETS", head="indicator/pm25")
        if built.graph.nodes[plan]["label"] == "Plan"
        and built.graph.nodes[plan]["level"] == "city"
        and data["target_year"] == 2025
    )
    answer = rows(rdf, PM25_2025)
    assert sorted((region, printed, float(value)) for region, printed, value in answer) == expected
    assert answer == [("衡水市", "37*", 37), ("邢台市", "40", 40), ("邯郸市", "42", 42)]


def test_docs_example_gives_its_printed_output(rdf):
    doc = (ROOT / "docs" / "rdf.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", doc, re.S).group(1)
    output = re.search(r"```\n(region,.*?)```", doc, re.S).group(1)
    assert rdf.query(query).serialize(format="csv").decode().replace("\r\n", "\n") == output


def test_parent_chain_of_ningjin(built, rdf):
    chain = [built.graph.nodes[v]["name"] for v in nx.dfs_preorder_nodes(_part_of(built.graph), "region/130528")][1:]
    assert rows(rdf, PARENTS) == [(name,) for name in chain] == [("邢台市",), ("河北省",)]


def test_measures_of_handan_ecology_bureau(built, rdf):
    responsible = edges(built.graph, "RESPONSIBLE_FOR", tail="dept/130400/生态环境局")
    measures = {measure for _, measure, _ in responsible}
    led = {measure for _, measure, data in responsible if data["role"] == "lead"}
    assert rows(rdf, RESPONSIBILITIES) == [(len(measures), len(led))] == [(79, 15)]


def test_shapes_conform(rdf):
    conforms, _, text = validate(rdf, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert conforms, text


def test_shapes_catch_a_broken_graph(rdf):
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    plan = iris.node("handan-eco-plan-2021-2025")
    broken.remove((plan, ELI.title, None))
    span = iris.span("handan-eco-plan-2021-2025.txt", 1, 1443)
    broken.set((span, PLANKG.lineStart, Literal("one")))
    conforms, report, _ = validate(broken, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert not conforms
    focus = set(report.objects(None, URIRef("http://www.w3.org/ns/shacl#focusNode")))
    assert {plan, span} <= focus


def test_chinese_literals_are_tagged_zh(rdf):
    """Text is ``@zh``; units and document numbers are symbols, plain strings whatever their script."""
    symbols = {PLANKG.valueUnit, PLANKG.unitAsPrinted, ELI.id_local}
    chinese = [(p, o) for _, p, o in rdf if isinstance(o, Literal) and CJK.search(str(o))]
    assert len(chinese) > 1000
    assert {p for p, o in chinese if o.language != "zh"} <= symbols
    assert all(o.language is None for p, o in chinese if p in symbols)


def test_iris_are_stable_across_builds(corpus, rdf):
    again = to_rdf(build_graph(corpus, load_regions()).graph)
    assert {t for t in again.all_nodes() if isinstance(t, URIRef)} == {
        t for t in rdf.all_nodes() if isinstance(t, URIRef)
    }


def test_iris_keep_chinese_and_encode_the_unsafe():
    assert str(iris.node("dept/130400/生态环境局")) == "https://plankg.org/id/dept/130400/生态环境局"
    assert str(iris.node("dept/130400/各县<市、区>政府")) == "https://plankg.org/id/dept/130400/各县%3C市、区%3E政府"
    assert str(iris.node("a b#c%")) == "https://plankg.org/id/a%20b%23c%25"


def test_every_label_and_relationship_has_a_mapping():
    assert set(NODE_TYPES) <= set(NODE_MAPPERS)
    assert set(RELATIONSHIP_TYPES) <= set(EDGE_MAPPERS) | SKIPPED  # SIMILAR_TO is computed, not published


def test_unmapped_label_is_an_error():
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Nonsense")
    with pytest.raises(ValueError, match="Nonsense"):
        to_rdf(graph)


def test_every_schema_property_is_mapped(built):
    """Each property of graph/schema.py is read by its mapper, or listed in NOT_MAPPED."""
    read: dict[str, set[str]] = {}
    w = Writer()
    for node_id, data in built.graph.nodes(data=True):
        properties = _Reads(data)
        NODE_MAPPERS[data["label"]](w, node_id, properties)
        read.setdefault(data["label"], set()).update(properties.read)
    for tail, head, key, data in built.graph.edges(keys=True, data=True):
        if data["type"] in SKIPPED:
            continue
        properties = _Reads(data)
        EDGE_MAPPERS[data["type"]](w, built.graph, tail, head, key, properties)
        read.setdefault(data["type"], set()).update(properties.read)
    schema = {
        **{n: t.properties for n, t in NODE_TYPES.items()},
        **{r: t.properties for r, t in RELATIONSHIP_TYPES.items() if r not in SKIPPED},
    }
    missing = {
        (name, prop)
        for name, properties in schema.items()
        for prop in properties
        if prop not in read.get(name, set()) and ("*", prop) not in NOT_MAPPED and (name, prop) not in NOT_MAPPED
    }
    assert not missing


def test_topics_become_skos_concepts():
    graph = nx.MultiDiGraph()
    graph.add_node("m", label="Measure", id="m", text="散煤治理", section_path="一、", number="1.")
    graph.add_node("n", label="Measure", id="n", text="散煤", section_path="一、", number="2.")
    graph.add_node(
        "topic/air", label="Topic", id="topic/air", name="大气环境", name_en="Air", parent=None, keywords=["大气"]
    )
    graph.add_node("topic/coal", label="Topic", id="topic/coal", name="散煤治理", parent="topic/air", keywords=["散煤"])
    graph.add_edge("topic/coal", "topic/air", type="BROADER")
    graph.add_edge("m", "topic/coal", type="ABOUT", keywords=["散煤"], hits=1, main=True)
    graph.add_edge("m", "n", type="SIMILAR_TO", score=0.9, method="tfidf")
    rdf = to_rdf(graph)
    air, coal = iris.node("topic/air"), iris.node("topic/coal")
    assert (coal, RDF.type, SKOS.Concept) in rdf
    assert set(rdf.objects(air, SKOS.prefLabel)) == {Literal("大气环境", lang="zh"), Literal("Air", lang="en")}
    assert (coal, SKOS.hiddenLabel, Literal("散煤", lang="zh")) in rdf
    assert (coal, SKOS.broader, air) in rdf
    assert (air, SKOS.topConceptOf, iris.scheme("topics")) in rdf
    assert (coal, SKOS.topConceptOf, iris.scheme("topics")) not in rdf
    assert (iris.node("m"), DCTERMS.subject, coal) in rdf
    assert not set(rdf.triples((iris.node("m"), None, iris.node("n"))))


def test_ontology_declares_every_plankg_term_in_english_and_chinese():
    ontology = Graph().parse(ONTOLOGY)
    for term in dir(PLANKG):
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"en", "zh"} <= languages, term


def test_export_uses_only_declared_plankg_terms(rdf):
    used = {t for t in rdf.all_nodes() if isinstance(t, URIRef) and str(t).startswith(str(PLANKG))}
    used |= {p for p in rdf.predicates() if str(p).startswith(str(PLANKG))}
    assert used <= set(dir(PLANKG))


class _Reads(dict):
    """A dict that records which keys were read."""

    def __init__(self, data: dict):
        super().__init__(data)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def _part_of(graph: nx.MultiDiGraph) -> nx.DiGraph:
    return nx.DiGraph([(u, v) for u, v, data in graph.edges(data=True) if data["type"] == "PART_OF"])


PROGRESS = """
SELECT ?kind ?asPrinted ?value ?met WHERE {
  ?obs plankg:indicator <https://plankg.org/id/indicator/surface_water_good> ;
       plankg:valueKind ?kind ;
       sdmx-dimension:refPeriod/time:inXSDgYear "2020"^^xsd:gYear ;
       plankg:asPrinted ?asPrinted ;
       plankg:met ?met .
  OPTIONAL { ?obs sdmx-measure:obsValue ?value }
} ORDER BY ?kind
"""


def test_completion_table_rows_are_target_and_achieved_observations(rdf):
    achieved, target = str(PLANKG.Achieved), str(PLANKG.Target)
    assert rows(rdf, PROGRESS) == [(achieved, "80", 80, "是"), (target, "55", 55, "是")]
