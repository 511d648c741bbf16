"""Key projects: the ``专栏`` boxes of a plan."""

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span


class ProjectItem(BaseModel):
    """One project or item listed in a box, text joined across PDF line breaks."""

    model_config = ConfigDict(frozen=True)

    number: str | None
    name: str | None
    text: str
    span: Span


class ProjectBox(BaseModel):
    """A ``专栏`` box: its title as printed, the section it stands in and its items."""

    model_config = ConfigDict(frozen=True)

    id: str
    document_id: str
    number: str | None
    title: str
    section_path: tuple[str, ...]
    items: tuple[ProjectItem, ...]
    span: Span
