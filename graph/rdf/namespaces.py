"""The vocabularies of the RDF export: plankg's own terms and the standard ones rdflib lacks.

Each is a closed ``DefinedNamespace`` (``_fail = True``): a misspelt term raises
``AttributeError`` instead of minting a new IRI. Only the terms the export uses are listed.
"""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
    NamespaceManager,
)

BASE = "https://plankg.org/"


class PLANKG(DefinedNamespace):
    """plankg's own terms, declared with labels in ``graph/ontology.ttl``."""

    _fail = True
    _NS = Namespace(f"{BASE}ontology#")

    # classes
    TextSpan: URIRef  # lines of a source file a fact was read from
    Measure: URIRef  # an actionable item of a plan (a planned prov:Activity)
    Project: URIRef  # an item of a key-project box 专栏
    Indicator: URIRef  # a canonical indicator (a skos:Concept)
    IndicatorTable: URIRef  # an indicator table of a plan
    GBT2260: URIRef  # datatype of GB/T 2260 region codes

    # properties
    sourceFile: URIRef
    lineStart: URIRef
    lineEnd: URIRef
    pageStart: URIRef
    pageEnd: URIRef
    level: URIRef
    issuerName: URIRef
    number: URIRef
    sectionPath: URIRef
    deadline: URIRef
    deadlineDate: URIRef
    box: URIRef
    boxNumber: URIRef
    valueUnit: URIRef
    implied: URIRef
    asWritten: URIRef
    clause: URIRef
    plan: URIRef
    indicator: URIRef
    statedIn: URIRef
    valueKind: URIRef
    asPrinted: URIRef
    nameAsWritten: URIRef
    unitAsPrinted: URIRef
    scope: URIRef
    attribute: URIRef
    attributeInherited: URIRef
    met: URIRef
    footnote: URIRef

    # the data structure of the TARGETS data sets
    TargetsStructure: URIRef

    # concept schemes and their concepts
    AdministrativeLevelScheme: URIRef
    LevelProvince: URIRef
    LevelCity: URIRef
    LevelCounty: URIRef
    LevelTownship: URIRef
    DepartmentCategoryScheme: URIRef
    CategoryDepartment: URIRef
    CategoryGovernment: URIRef
    CategoryCommittee: URIRef
    CategoryOther: URIRef
    PlanKindScheme: URIRef
    KindPlan: URIRef
    KindActionPlan: URIRef
    KindImplementationOpinions: URIRef
    KindRegulation: URIRef
    KindNotice: URIRef
    ResponsibilityRoleScheme: URIRef
    LeadRole: URIRef
    SupportRole: URIRef
    ResponsibleRole: URIRef
    ValueKindScheme: URIRef
    Baseline: URIRef
    Target: URIRef
    Cumulative: URIRef
    Achieved: URIRef
    IndicatorAttributeScheme: URIRef
    Binding: URIRef
    Expected: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (the terms used here)."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    title: URIRef
    id_local: URIRef
    date_document: URIRef
    passed_by: URIRef
    type_document: URIRef
    has_part: URIRef
    number: URIRef


class UNIT(DefinedNamespace):
    """QUDT units (the ones plankg's value units map to)."""

    _fail = True
    _NS = Namespace("http://qudt.org/vocab/unit/")
    _extras = ["MicroGM-PER-M3"]

    PERCENT: URIRef
    TONNE: URIRef
    KiloM2: URIRef
    DAY: URIRef


class SDMX_DIMENSION(DefinedNamespace):
    """SDMX-RDF dimensions."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")

    refPeriod: URIRef


class SDMX_MEASURE(DefinedNamespace):
    """SDMX-RDF measures."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")

    obsValue: URIRef


class SDMX_ATTRIBUTE(DefinedNamespace):
    """SDMX-RDF attributes."""

    _fail = True
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")

    unitMeasure: URIRef


PREFIXES = {
    "plankg": PLANKG,
    "eli": ELI,
    "unit": UNIT,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "org": ORG,
    "prov": PROV,
    "qb": QB,
    "skos": SKOS,
    "schema": SDO,
    "dcterms": DCTERMS,
    "time": TIME,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


class _Prefixes(NamespaceManager):
    """rdflib's namespace manager, remembering which IRIs have no prefixed name.

    The Turtle serializer asks again for every triple an IRI is in, and rdflib caches only
    the answers that succeed: remembering the failures halves the time to write Turtle.
    Binding a prefix forgets them, since it can give an IRI a prefixed name.
    """

    def __init__(self, graph: Graph):
        self._unprefixed: set[str] = set()
        super().__init__(graph, bind_namespaces="core")

    def compute_qname(self, uri: str, generate: bool = True) -> tuple[str, URIRef, str]:
        if not generate and uri in self._unprefixed:
            raise KeyError(f"no prefix for {uri}")
        try:
            return super().compute_qname(uri, generate)
        except (KeyError, ValueError):
            if not generate:
                self._unprefixed.add(uri)
            raise

    def bind(self, prefix, namespace, override: bool = True, replace: bool = False) -> None:
        self._unprefixed.clear()
        super().bind(prefix, namespace, override=override, replace=replace)


def new_graph() -> Graph:
    """An empty in-memory graph with the export's prefixes bound."""
    graph = Graph()
    graph.namespace_manager = _Prefixes(graph)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True, replace=True)
    return graph
