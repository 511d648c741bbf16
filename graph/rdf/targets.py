"""TARGETS and REPORTS_PROGRESS as an RDF Data Cube: one ``qb:DataSet`` per plan, one
``qb:Observation`` per stated figure and value kind (baseline, target, cumulative, achieved).

A figure is stated in a row of an indicator table of the plan (Plan → Indicator), in a row of
its progress table (REPORTS_PROGRESS: an earlier target and the value achieved, with
``plankg:met`` as printed) or in the text of a measure (Measure → Indicator). Dimensions: ``plankg:plan``, ``plankg:indicator``,
``plankg:statedIn`` (the table, a ``plankg:IndicatorTable``, or the measure),
``plankg:valueKind`` and ``sdmx-dimension:refPeriod`` (an OWL-Time year). The literal as
printed is ``plankg:asPrinted``; the number in the indicator's unit, where there is one, is
``sdmx-measure:obsValue`` with its QUDT ``sdmx-attribute:unitMeasure``. The row's other
cells are attributes of each of its observations.
"""

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF

from graph.rdf import iris
from graph.rdf.namespaces import PLANKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE
from graph.rdf.terms import ATTRIBUTES, QUDT_UNITS, term
from graph.rdf.writer import Writer, decimal

# value kind: its concept, and the literal, number and year properties of the edge
_KINDS = {
    "baseline": (PLANKG.Baseline, "baseline_value", "baseline_year"),
    "target": (PLANKG.Target, "target_value", "target_year"),
    "cumulative": (PLANKG.Cumulative, "cumulative_value", "target_year"),
    "achieved": (PLANKG.Achieved, "achieved_value", "achieved_year"),
}


def targets(w: Writer, graph: nx.MultiDiGraph, source: str, indicator: str, key: str, row: dict) -> None:
    """Plan → Indicator (TARGETS, REPORTS_PROGRESS) or Measure → Indicator: the observations of one stated figure."""
    plan = source if graph.nodes[source]["label"] == "Plan" else _plan_of(graph, source)
    stated_in = _table(w, plan, row["table_title"]) if source == plan else iris.node(source)
    dataset = _dataset(w, plan)
    for literal, (kind, number, year) in _KINDS.items():
        printed, value, when = row.get(literal), row.get(number), row.get(year)
        if printed is None:
            continue
        obs = iris.part(source, "target", indicator, key, literal)
        w.add(obs, RDF.type, QB.Observation)
        w.add(obs, QB.dataSet, dataset)
        w.add(obs, PLANKG.plan, iris.node(plan))
        w.add(obs, PLANKG.indicator, iris.node(indicator))
        w.add(obs, PLANKG.statedIn, stated_in)
        w.add(obs, PLANKG.valueKind, kind)
        w.add(obs, SDMX_DIMENSION.refPeriod, w.year(when))
        w.zh(obs, PLANKG.asPrinted, printed)
        if value is not None:
            w.add(obs, SDMX_MEASURE.obsValue, decimal(value))
        _row_attributes(w, obs, row)


def _plan_of(graph: nx.MultiDiGraph, measure: str) -> str:
    """The plan a measure belongs to (its Plan -HAS_MEASURE-> predecessor)."""
    return next(
        tail
        for tail, _, data in graph.in_edges(measure, data=True)
        if data["type"] == "HAS_MEASURE" and graph.nodes[tail]["label"] == "Plan"
    )


def _dataset(w: Writer, plan: str) -> URIRef:
    dataset = iris.part(plan, "targets")
    w.add(dataset, RDF.type, QB.DataSet)
    w.add(dataset, QB.structure, PLANKG.TargetsStructure)
    w.add(dataset, PROV.wasDerivedFrom, iris.node(plan))
    return dataset


def _table(w: Writer, plan: str, title: str) -> URIRef:
    """An indicator table of a plan, named by its title as printed."""
    table = iris.part(plan, "table", title)
    w.add(table, RDF.type, PLANKG.IndicatorTable)
    w.zh(table, DCTERMS.title, title)
    w.add(table, DCTERMS.isPartOf, iris.node(plan))
    return table


def _row_attributes(w: Writer, obs: URIRef, row: dict) -> None:
    """The cells and provenance of the row, shared by its observations."""
    w.plain(obs, PLANKG.valueUnit, row.get("value_unit"))
    w.add(obs, SDMX_ATTRIBUTE.unitMeasure, QUDT_UNITS.get(row.get("value_unit")))
    w.zh(obs, PLANKG.nameAsWritten, row.get("name_as_written"))
    w.plain(obs, PLANKG.unitAsPrinted, row.get("unit"))
    w.zh(obs, PLANKG.scope, row.get("scope"))
    if row.get("attribute"):
        w.add(obs, PLANKG.attribute, term(ATTRIBUTES, row["attribute"], "indicator attribute"))
    w.plain(obs, PLANKG.attributeInherited, row.get("attribute_inherited"))
    w.zh(obs, PLANKG.met, row.get("met"))
    w.zh(obs, PLANKG.footnote, row.get("footnote"))
    w.provenance(obs, row)
