"""Closed value sets of the graph, mapped to SKOS concepts of ``graph/ontology.ttl`` and QUDT units."""

from rdflib import URIRef

from graph.rdf.namespaces import PLANKG, UNIT

LEVELS = {
    "province": PLANKG.LevelProvince,
    "city": PLANKG.LevelCity,
    "county": PLANKG.LevelCounty,
    "township": PLANKG.LevelTownship,
}
DEPARTMENT_CATEGORIES = {
    "department": PLANKG.CategoryDepartment,
    "government": PLANKG.CategoryGovernment,
    "committee": PLANKG.CategoryCommittee,
    "other": PLANKG.CategoryOther,
}
PLAN_KINDS = {
    "plan": PLANKG.KindPlan,
    "action_plan": PLANKG.KindActionPlan,
    "implementation_opinions": PLANKG.KindImplementationOpinions,
    "regulation": PLANKG.KindRegulation,
    "notice": PLANKG.KindNotice,
}
ROLES = {
    "lead": PLANKG.LeadRole,
    "support": PLANKG.SupportRole,
    "responsible": PLANKG.ResponsibleRole,
}
ATTRIBUTES = {
    "约束性": PLANKG.Binding,
    "预期性": PLANKG.Expected,
}
# 万立方米 (10⁴ m³) and 亩 have no QUDT unit: they stay literals (plankg:valueUnit) only.
QUDT_UNITS = {
    "μg/m3": UNIT["MicroGM-PER-M3"],
    "%": UNIT.PERCENT,
    "吨": UNIT.TONNE,
    "平方千米": UNIT.KiloM2,
    "天": UNIT.DAY,
}


def term(table: dict[str, URIRef], value: str, what: str) -> URIRef:
    """The concept of ``value`` in ``table``; a value outside the closed set is an error, not a silent gap."""
    try:
        return table[value]
    except KeyError:
        raise ValueError(
            f"no RDF term for {what} {value!r}: add it to graph/rdf/terms.py and graph/ontology.ttl"
        ) from None
