"""A numbered heading of a document's outline."""

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span


class SectionRecord(BaseModel):
    """A heading such as ``三、`` / ``（二）`` / ``1.`` and the lines it governs.

    ``path`` is the chain of section numbers from the top, e.g. ``("三", "（二）")``;
    ``depth`` is ``len(path)``. ``span`` runs from the heading to the line before the
    next heading of the same or a higher rank.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    document_id: str
    number: str
    heading: str
    path: tuple[str, ...]
    span: Span

    @property
    def depth(self) -> int:
        """Depth in the outline, 1 for top-level headings."""
        return len(self.path)
