"""RDF export of the plankg graph with standard vocabularies (ORG, ELI, PROV-O, RDF Data Cube,
SKOS, QUDT, OWL-Time, schema.org, DCTERMS) and plankg's own terms (``graph/ontology.ttl``)."""

from pathlib import Path

from graph.rdf.export import FORMATS, export_rdf, to_rdf

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology.ttl"
SHAPES = Path(__file__).resolve().parent.parent / "shapes.ttl"

__all__ = ["FORMATS", "ONTOLOGY", "SHAPES", "export_rdf", "to_rdf"]
