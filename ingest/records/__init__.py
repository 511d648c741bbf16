"""Typed records produced by ingest: one module per record type.

Records flow one way: ``ingest`` produces them, ``graph`` consumes them.
Every record carries a :class:`~ingest.records.provenance.Span`.
"""

from ingest.records.document import DocumentKind, DocumentRecord, Level
from ingest.records.indicator import IndicatorRow
from ingest.records.ingested import CorpusIngest, DocumentIngest, FileIngest
from ingest.records.measure import MeasureRecord
from ingest.records.ocr import OcrPage
from ingest.records.problem import Problem, Severity
from ingest.records.project import ProjectBox, ProjectItem
from ingest.records.provenance import Span
from ingest.records.responsibility import (
    ResponsibilityClause,
    ResponsibilityUnit,
    Role,
    ScopeStatement,
)
from ingest.records.section import SectionRecord

__all__ = [
    "CorpusIngest",
    "DocumentIngest",
    "FileIngest",
    "DocumentKind",
    "DocumentRecord",
    "IndicatorRow",
    "Level",
    "MeasureRecord",
    "OcrPage",
    "Problem",
    "ProjectBox",
    "ProjectItem",
    "ResponsibilityClause",
    "ResponsibilityUnit",
    "Role",
    "ScopeStatement",
    "SectionRecord",
    "Severity",
    "Span",
]
