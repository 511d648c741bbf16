"""Ingest records → the in-memory graph (a networkx MultiDiGraph).

Node keys are stable ids; every node has a ``label`` attribute (its one label
in the stores) and its properties; every edge has a ``type`` attribute and its
properties. Facts read from the text keep ``source_file`` and their line span.
"""

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from graph.departments import Department, resolve_department
from graph.edges import add_edge
from graph.indicators import Indicator, align
from graph.measure_targets import find_targets
from graph.similarity import add_similarity
from graph.topics import add_topics
from graph.units import normalise_unit, to_unit
from ingest.records import (
    CorpusIngest,
    DocumentIngest,
    IndicatorRow,
    MeasureRecord,
    ResponsibilityUnit,
    ScopeStatement,
    Span,
)
from ingest.reference import Region, RegionTable


@dataclass
class BuildResult:
    """The graph and what a person should review about how it was built."""

    graph: nx.MultiDiGraph
    unaligned_indicators: list[str] = field(default_factory=list)
    unresolved_regions: list[str] = field(default_factory=list)


def region_id(region: Region) -> str:
    """The node id of a region: ``region/<GB/T 2260 code>``."""
    return f"region/{region.code}"


def _provenance(span: Span) -> dict:
    pages = {"page_start": span.page_start, "page_end": span.page_end} if span.page_start is not None else {}
    return {"source_file": span.source_file, "line_start": span.line_start, "line_end": span.line_end, **pages}


class _Builder:
    def __init__(self, regions: RegionTable):
        self.regions = regions
        self.graph = nx.MultiDiGraph()
        self.result = BuildResult(graph=self.graph)

    def node(self, node_id: str, label: str, **properties) -> None:
        if node_id in self.graph:
            self.graph.nodes[node_id].update({k: v for k, v in properties.items() if v is not None})
        else:
            self.graph.add_node(node_id, label=label, **properties)

    def edge(self, tail: str, head: str, kind: str, **properties) -> None:
        add_edge(self.graph, tail, head, kind, **properties)

    def add_regions(self) -> None:
        for region in self.regions:
            self.node(
                region_id(region),
                "Region",
                id=region_id(region),
                name=region.name,
                level=region.level,
                code=region.code,
            )
        for region in self.regions:
            if region.parent_code:
                self.edge(region_id(region), region_id(self.regions.by_code(region.parent_code)), "PART_OF")

    def add_document(self, document: DocumentIngest) -> None:
        record = document.document
        plan = record.id
        period = f"{record.period_start}-{record.period_end}" if record.period_start else None
        self.node(
            plan,
            "Plan",
            id=plan,
            title=record.title,
            kind=record.kind.value if record.kind else None,
            doc_number=record.doc_number,
            issuer=record.issuer,
            issued=record.issued.isoformat() if record.issued else None,
            period=period,
            level=record.level.value if record.level else None,
            region=record.region,
            **_provenance(record.span),
        )
        home = self.regions.by_name(record.region) if record.region else None
        if home is None:
            self.result.unresolved_regions.append(f"{record.id}: no region found in the title or issuer")
        else:
            self.edge(plan, region_id(home), "COVERS")
        section_ids = {}
        for section in document.sections:
            section_ids[section.path] = section.id
            self.node(
                section.id,
                "Section",
                id=section.id,
                heading=section.heading,
                number=section.number,
                path=" / ".join(section.path),
                **_provenance(section.span),
            )
            parent = section_ids.get(section.path[:-1], plan) if len(section.path) > 1 else plan
            self.edge(parent, section.id, "HAS_SECTION")
        for measure in document.measures:
            self.add_measure(plan, section_ids.get(measure.section_path), measure, home)
        if home is not None:
            self.add_scopes(document, home)
        for row in document.indicators:
            self.add_target(plan, row)
        for box in document.projects:
            for number, item in enumerate(box.items, start=1):
                project = f"{box.id}.{number}"
                self.node(
                    project,
                    "Project",
                    id=project,
                    name=item.name or item.text[:30],
                    number=item.number,
                    box=box.title,
                    box_number=box.number,
                    text=item.text,
                    **_provenance(item.span),
                )
                self.edge(plan, project, "HAS_PROJECT")
                if box.section_path in section_ids:
                    self.edge(section_ids[box.section_path], project, "HAS_PROJECT")
                if home is not None:
                    self.edge(project, region_id(home), "LOCATED_IN")

    def add_measure(self, plan: str, section: str | None, measure: MeasureRecord, home: Region | None) -> None:
        self.node(
            measure.id,
            "Measure",
            id=measure.id,
            number=measure.number,
            text=measure.text,
            body=measure.body,
            section_path=" / ".join(measure.section_path),
            deadline=measure.deadline,
            deadline_date=measure.deadline_date.isoformat() if measure.deadline_date else None,
            **_provenance(measure.span),
        )
        self.edge(plan, measure.id, "HAS_MEASURE")
        if section is not None:
            self.edge(section, measure.id, "HAS_MEASURE")
        if home is None:
            return
        for goal in find_targets(measure.text):
            self.add_indicator(goal.indicator)
            self.edge(
                measure.id,
                goal.indicator.id,
                "TARGETS",
                name_as_written=goal.sentence,
                target=goal.target,
                target_year=goal.target_year,
                target_value=goal.target_value,
                value_unit=goal.unit,
                **_provenance(measure.span),
            )
        for clause in measure.clauses:
            for unit in clause.units:
                self.add_responsibility(unit, home, measure.id, clause.text, clause.span, implied=False)

    def add_responsibility(
        self, unit: ResponsibilityUnit, home: Region, measure: str, clause: str, span: Span, implied: bool
    ) -> None:
        department = resolve_department(unit.name, home, self.regions)
        self.add_department(department, unit.as_written)
        self.edge(
            department.id,
            measure,
            "RESPONSIBLE_FOR",
            role=unit.role.value,
            as_written=unit.as_written,
            clause=clause,
            implied=implied,
            **_provenance(span),
        )

    def add_department(self, department: Department, as_written: str) -> None:
        aliases = self.graph.nodes[department.id]["aliases"] if department.id in self.graph else []
        if as_written not in aliases:
            aliases = sorted([*aliases, as_written])
        self.node(
            department.id,
            "Department",
            id=department.id,
            name=department.name,
            kind=department.kind,
            function=department.function,
            level=department.level,
            category=department.category,
            aliases=aliases,
        )
        if not self.graph.has_edge(department.id, region_id(department.region)):
            self.edge(department.id, region_id(department.region), "BELONGS_TO")

    def add_scopes(self, document: DocumentIngest, home: Region) -> None:
        """Scope statements make every later measure of the document the listed units' too.

        One pass over measures and statements in line order: a body is implied once per
        measure (by the nearest statement naming it), and not where the measure names it itself.
        """
        scopes = deque(sorted(document.scopes, key=lambda scope: scope.span.line_end))
        implied: dict[str, tuple[ResponsibilityUnit, ScopeStatement]] = {}
        for measure in sorted(document.measures, key=lambda measure: measure.span.line_start):
            while scopes and scopes[0].span.line_end < measure.span.line_start:
                scope = scopes.popleft()
                for unit in scope.units:
                    implied[resolve_department(unit.name, home, self.regions).id] = (unit, scope)
            stated = self.graph.pred[measure.id]
            for department, (unit, scope) in implied.items():
                if department not in stated:
                    self.add_responsibility(unit, home, measure.id, scope.text, scope.span, implied=True)

    def add_indicator(self, indicator: Indicator) -> None:
        self.node(
            indicator.id,
            "Indicator",
            id=indicator.id,
            name=indicator.name,
            unit=indicator.unit,
            category=indicator.category,
        )

    def add_target(self, plan: str, row: IndicatorRow) -> None:
        """A table row: TARGETS for a target the plan sets, REPORTS_PROGRESS for a row of a progress table."""
        alignment = align(row)
        indicator = alignment.indicator
        self.add_indicator(indicator)
        if not alignment.aligned:
            self.result.unaligned_indicators.append(f"{row.span.source_file}:{row.span.line_start}: {row.name}")
        canonical_unit = indicator.unit or normalise_unit(row.unit)
        shared = {
            "name_as_written": row.name,
            "unit": row.unit,
            "scope": alignment.scope,
            "table_title": row.table,
            "baseline": row.baseline,
            "baseline_year": row.baseline_year,
            "target": row.target,
            "target_year": row.target_year,
            "attribute": row.attribute,
            "baseline_value": to_unit(row.baseline_value, row.unit, canonical_unit),
            "target_value": to_unit(row.target_value, row.unit, canonical_unit),
            "value_unit": canonical_unit,
            "footnote": " ".join(row.footnotes) or None,
            **_provenance(row.span),
        }
        if row.progress:
            self.edge(
                plan,
                indicator.id,
                "REPORTS_PROGRESS",
                achieved=row.achieved,
                achieved_year=row.achieved_year,
                achieved_value=to_unit(row.achieved_value, row.unit, canonical_unit),
                met=row.met,
                **shared,
            )
        else:
            self.edge(
                plan,
                indicator.id,
                "TARGETS",
                cumulative=row.cumulative,
                cumulative_value=to_unit(row.cumulative_value, row.unit, canonical_unit),
                attribute_inherited=row.attribute_inherited,
                **shared,
            )


def build_graph(corpus: CorpusIngest, regions: RegionTable) -> BuildResult:
    """The knowledge graph of an ingested corpus: the same corpus always gives the same graph."""
    builder = _Builder(regions)
    builder.add_regions()
    for document in corpus.documents:
        builder.add_document(document)
    add_topics(builder.graph)
    add_similarity(builder.graph)
    return builder.result
