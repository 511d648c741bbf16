"""One mapper per relationship type. Relationships without properties become one triple;
RESPONSIBLE_FOR becomes a qualified PROV association, TARGETS and REPORTS_PROGRESS data-cube
observations (``targets.py``)."""

from collections.abc import Callable

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SDO, SKOS

from graph.rdf import iris
from graph.rdf.namespaces import ELI, PLANKG
from graph.rdf.targets import targets
from graph.rdf.terms import LEVELS, ROLES, term
from graph.rdf.writer import Writer

EdgeMapper = Callable[[Writer, nx.MultiDiGraph, str, str, str, dict], None]

PREDICATES: dict[str, URIRef] = {
    "PART_OF": SDO.containedInPlace,
    "HAS_SECTION": ELI.has_part,
    "HAS_MEASURE": DCTERMS.hasPart,
    "HAS_PROJECT": DCTERMS.hasPart,
    "LOCATED_IN": SDO.location,
    "ABOUT": DCTERMS.subject,
    "BROADER": SKOS.broader,
}
# Categories whose bodies are units of their region's people's government.
_GOVERNMENT_UNITS = {"department", "committee"}


def _government(w: Writer, region: dict) -> URIRef:
    """The people's government (``<region>人民政府``) of a region, an ``org:Organization``."""
    s = iris.government(region["code"])
    w.add(s, RDF.type, ORG.Organization)
    w.add(s, RDF.type, PROV.Organization)
    w.zh(s, SKOS.prefLabel, f"{region['name']}人民政府")
    w.add(s, ORG.classification, PLANKG.CategoryGovernment)
    w.add(s, PLANKG.level, term(LEVELS, region["level"], "level"))
    w.add(s, SDO.areaServed, iris.node(region["id"]))
    return s


def belongs_to(w: Writer, graph: nx.MultiDiGraph, tail: str, head: str, key: str, data: dict) -> None:
    """Department → Region: ``schema:areaServed``; a department or committee is also
    ``org:subOrganizationOf`` the region's people's government."""
    w.add(iris.node(tail), SDO.areaServed, iris.node(head))
    if graph.nodes[tail]["category"] in _GOVERNMENT_UNITS:
        w.add(iris.node(tail), ORG.subOrganizationOf, _government(w, graph.nodes[head]))


def covers(w: Writer, graph: nx.MultiDiGraph, tail: str, head: str, key: str, data: dict) -> None:
    """Plan → Region: ``dcterms:spatial``; a plan issued by the region's people's government
    is ``eli:passed_by`` it."""
    w.add(iris.node(tail), DCTERMS.spatial, iris.node(head))
    region = graph.nodes[head]
    if graph.nodes[tail].get("issuer") == f"{region['name']}人民政府":
        w.add(iris.node(tail), ELI.passed_by, _government(w, region))


def responsible_for(w: Writer, graph: nx.MultiDiGraph, tail: str, head: str, key: str, data: dict) -> None:
    """Department → Measure: a ``prov:Association`` of the measure with the department in a role."""
    measure, department = iris.node(head), iris.node(tail)
    association = iris.part(head, tail, key)
    w.add(measure, PROV.wasAssociatedWith, department)
    w.add(measure, PROV.qualifiedAssociation, association)
    w.add(association, RDF.type, PROV.Association)
    w.add(association, PROV.agent, department)
    w.add(association, PROV.hadRole, term(ROLES, data["role"], "role"))
    w.add(association, PLANKG.implied, Literal(bool(data.get("implied"))))
    w.zh(association, PLANKG.asWritten, data.get("as_written"))
    w.zh(association, PLANKG.clause, data.get("clause"))
    w.provenance(association, data)


def _simple(predicate: URIRef) -> EdgeMapper:
    def mapper(w: Writer, graph: nx.MultiDiGraph, tail: str, head: str, key: str, data: dict) -> None:
        w.add(iris.node(tail), predicate, iris.node(head))

    return mapper


EDGE_MAPPERS: dict[str, EdgeMapper] = {
    **{kind: _simple(predicate) for kind, predicate in PREDICATES.items()},
    "BELONGS_TO": belongs_to,
    "COVERS": covers,
    "RESPONSIBLE_FOR": responsible_for,
    "TARGETS": targets,
    "REPORTS_PROGRESS": targets,
}
