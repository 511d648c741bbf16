"""One mapper per node label: the node's own triples (its edges are mapped in ``edges.py``)."""

from collections.abc import Callable

from rdflib import Literal
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SDO, SKOS, TIME, XSD

from graph.rdf import iris
from graph.rdf.namespaces import ELI, PLANKG, SDMX_ATTRIBUTE
from graph.rdf.terms import DEPARTMENT_CATEGORIES, LEVELS, PLAN_KINDS, QUDT_UNITS, term
from graph.rdf.writer import Writer


def region(w: Writer, node_id: str, p: dict) -> None:
    """A Region: a ``schema:AdministrativeArea`` with its GB/T 2260 code."""
    s = iris.node(node_id)
    w.add(s, RDF.type, SDO.AdministrativeArea)
    w.zh(s, SDO.name, p["name"])
    w.add(s, DCTERMS.identifier, Literal(p["code"], datatype=PLANKG.GBT2260))
    w.add(s, PLANKG.level, term(LEVELS, p["level"], "level"))


def plan(w: Writer, node_id: str, p: dict) -> None:
    """A Plan: an ``eli:LegalResource``; its period is an OWL-Time interval of years."""
    s = iris.node(node_id)
    w.add(s, RDF.type, ELI.LegalResource)
    w.zh(s, ELI.title, p["title"])
    w.plain(s, ELI.id_local, p.get("doc_number"))
    if p.get("issued"):
        w.add(s, ELI.date_document, Literal(p["issued"], datatype=XSD.date))
    w.zh(s, PLANKG.issuerName, p.get("issuer"))
    if p.get("kind"):
        w.add(s, ELI.type_document, term(PLAN_KINDS, p["kind"], "plan kind"))
    if p.get("level"):
        w.add(s, PLANKG.level, term(LEVELS, p["level"], "level"))
    if p.get("period"):
        start, end = (int(year) for year in p["period"].split("-"))
        interval = iris.period(start, end)
        w.add(s, DCTERMS.temporal, interval)
        w.add(interval, RDF.type, TIME.ProperInterval)
        w.add(interval, TIME.hasBeginning, w.year(start))
        w.add(interval, TIME.hasEnd, w.year(end))
    w.provenance(s, p)


def section(w: Writer, node_id: str, p: dict) -> None:
    """A Section: an ``eli:LegalResourceSubdivision``."""
    s = iris.node(node_id)
    w.add(s, RDF.type, ELI.LegalResourceSubdivision)
    w.zh(s, ELI.title, p["heading"])
    w.zh(s, ELI.number, p["number"])
    w.zh(s, PLANKG.sectionPath, p["path"])
    w.provenance(s, p)


def measure(w: Writer, node_id: str, p: dict) -> None:
    """A Measure: a planned ``prov:Activity`` whose text is its ``dcterms:description``."""
    s = iris.node(node_id)
    w.add(s, RDF.type, PLANKG.Measure)
    w.add(s, RDF.type, PROV.Activity)
    w.zh(s, DCTERMS.description, p["text"])
    w.zh(s, PLANKG.number, p.get("number"))
    w.zh(s, PLANKG.sectionPath, p["section_path"])
    w.zh(s, PLANKG.deadline, p.get("deadline"))
    if p.get("deadline_date"):
        w.add(s, PLANKG.deadlineDate, Literal(p["deadline_date"], datatype=XSD.date))
    w.provenance(s, p)


def department(w: Writer, node_id: str, p: dict) -> None:
    """A Department: an ``org:Organization`` classified by its kind and category, its function its purpose."""
    s = iris.node(node_id)
    w.add(s, RDF.type, ORG.Organization)
    w.add(s, RDF.type, PROV.Organization)
    w.zh(s, SKOS.prefLabel, p["name"])
    for alias in p.get("aliases") or []:
        w.zh(s, SKOS.altLabel, alias)
    w.add(s, ORG.classification, _concept(w, "department-kind", "department-kinds", p["kind"]))
    if p.get("function"):
        w.add(s, ORG.purpose, _concept(w, "department-function", "department-functions", p["function"]))
    w.add(s, ORG.classification, term(DEPARTMENT_CATEGORIES, p["category"], "department category"))
    w.add(s, PLANKG.level, term(LEVELS, p["level"], "level"))


def _concept(w: Writer, kind: str, scheme: str, label: str):
    """A concept minted from a value of the data (``生态环境局``), in its scheme."""
    s = iris.concept(kind, label)
    w.add(s, RDF.type, SKOS.Concept)
    w.zh(s, SKOS.prefLabel, label)
    w.add(s, SKOS.inScheme, iris.scheme(scheme))
    w.add(iris.scheme(scheme), RDF.type, SKOS.ConceptScheme)
    return s


def indicator(w: Writer, node_id: str, p: dict) -> None:
    """An Indicator: a ``skos:Concept`` of the indicator scheme, narrower than its category."""
    s = iris.node(node_id)
    indicators = iris.scheme("indicators")
    w.add(indicators, RDF.type, SKOS.ConceptScheme)
    w.add(s, RDF.type, PLANKG.Indicator)
    w.add(s, RDF.type, SKOS.Concept)
    w.zh(s, SKOS.prefLabel, p["name"])
    w.add(s, SKOS.inScheme, indicators)
    if p.get("category"):
        category = _concept(w, "indicator-category", "indicators", p["category"])
        w.add(s, SKOS.broader, category)
        w.add(category, SKOS.topConceptOf, indicators)
    w.plain(s, PLANKG.valueUnit, p.get("unit"))
    w.add(s, SDMX_ATTRIBUTE.unitMeasure, QUDT_UNITS.get(p.get("unit")))


def project(w: Writer, node_id: str, p: dict) -> None:
    """A Project of a key-project box: a planned ``prov:Activity``."""
    s = iris.node(node_id)
    w.add(s, RDF.type, PLANKG.Project)
    w.add(s, RDF.type, PROV.Activity)
    w.zh(s, SDO.name, p["name"])
    w.zh(s, DCTERMS.description, p["text"])
    w.zh(s, PLANKG.number, p.get("number"))
    w.zh(s, PLANKG.box, p["box"])
    w.plain(s, PLANKG.boxNumber, p.get("box_number"))
    w.provenance(s, p)


def topic(w: Writer, node_id: str, p: dict) -> None:
    """A Topic: a ``skos:Concept`` of the topic scheme, its keywords hidden labels (``BROADER`` links sub-topics)."""
    s = iris.node(node_id)
    topics = iris.scheme("topics")
    w.add(topics, RDF.type, SKOS.ConceptScheme)
    w.add(s, RDF.type, SKOS.Concept)
    w.add(s, SKOS.inScheme, topics)
    if not p.get("parent"):
        w.add(s, SKOS.topConceptOf, topics)
    w.zh(s, SKOS.prefLabel, p["name"])
    if p.get("name_en"):
        w.add(s, SKOS.prefLabel, Literal(p["name_en"], lang="en"))
    for keyword in p.get("keywords") or []:
        w.zh(s, SKOS.hiddenLabel, keyword)


NODE_MAPPERS: dict[str, Callable[[Writer, str, dict], None]] = {
    "Region": region,
    "Plan": plan,
    "Section": section,
    "Measure": measure,
    "Department": department,
    "Indicator": indicator,
    "Project": project,
    "Topic": topic,
}
