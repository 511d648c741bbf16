"""An actionable item of a document."""

import datetime as dt

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span
from ingest.records.responsibility import ResponsibilityClause


class MeasureRecord(BaseModel):
    """A numbered task, or a paragraph that ends with a responsibility clause.

    ``text`` is the measure's text with PDF line breaks, blank lines and page
    debris removed (the responsibility clause included, as printed); ``body`` is that
    text without its responsibility clauses (what the measure does, for topics and matching);
    ``section_path`` is the path of the innermost section holding it. ``deadline`` is the
    completion date as written (a task table's 完成时限 cell, ``2025年底前``, ``长期坚持``; or
    the latest ``到2025年`` / ``2024年6月底前`` / ``年底前`` of the text), ``deadline_date``
    the last day it allows where it names one.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    document_id: str
    number: str | None
    text: str
    body: str
    section_path: tuple[str, ...]
    clauses: tuple[ResponsibilityClause, ...] = ()
    deadline: str | None = None
    deadline_date: dt.date | None = None
    span: Span
