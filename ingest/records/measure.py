"""An actionable item of a document."""

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span
from ingest.records.responsibility import ResponsibilityClause


class MeasureRecord(BaseModel):
    """A numbered task, or a paragraph that ends with a responsibility clause.

    ``text`` is the measure's text with PDF line breaks, blank lines and page
    debris removed (the responsibility clause included, as printed);
    ``section_path`` is the path of the innermost section holding it.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    document_id: str
    number: str | None
    text: str
    section_path: tuple[str, ...]
    clauses: tuple[ResponsibilityClause, ...] = ()
    span: Span
