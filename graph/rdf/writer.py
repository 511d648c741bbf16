"""The rdflib graph being written, with the helpers every mapper shares."""

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, TIME, XSD

from graph.rdf import iris
from graph.rdf.namespaces import PLANKG, new_graph


def decimal(value: float) -> Literal:
    """A number as an ``xsd:decimal`` in plain notation (``42.0``, ``16500.0``, ``0.00001``)."""
    return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)


class Writer:
    """Adds triples to one rdflib graph; ``None`` values add nothing."""

    def __init__(self):
        self.graph = new_graph()

    def add(self, subject: URIRef, predicate: URIRef, obj) -> None:
        """One triple, unless ``obj`` is None."""
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def zh(self, subject: URIRef, predicate: URIRef, text: str | None) -> None:
        """Text from the documents, tagged ``@zh``."""
        if text is not None:
            self.graph.add((subject, predicate, Literal(text, lang="zh")))

    def plain(self, subject: URIRef, predicate: URIRef, value) -> None:
        """A literal typed by its Python type (``xsd:string`` / ``xsd:integer`` / ``xsd:boolean``)."""
        if value is not None:
            self.graph.add((subject, predicate, Literal(value)))

    def year(self, value: int | None) -> URIRef | None:
        """The OWL-Time instant of a year (``time:inXSDgYear "2025"^^xsd:gYear``), or None."""
        if value is None:
            return None
        instant = iris.year(value)
        self.add(instant, RDF.type, TIME.Instant)
        self.add(instant, TIME.inXSDgYear, Literal(f"{value:04d}", datatype=XSD.gYear))
        return instant

    def provenance(self, subject: URIRef, properties: dict) -> None:
        """``prov:wasDerivedFrom`` the ``plankg:TextSpan`` of ``source_file`` / ``line_start`` / ``line_end``."""
        if properties.get("source_file") is None:
            return
        source = iris.span(properties["source_file"], properties["line_start"], properties["line_end"])
        self.add(subject, PROV.wasDerivedFrom, source)
        self.add(source, RDF.type, PLANKG.TextSpan)
        self.plain(source, PLANKG.sourceFile, properties["source_file"])
        self.plain(source, PLANKG.lineStart, properties["line_start"])
        self.plain(source, PLANKG.lineEnd, properties["line_end"])
        self.plain(source, PLANKG.pageStart, properties.get("page_start"))
        self.plain(source, PLANKG.pageEnd, properties.get("page_end"))
