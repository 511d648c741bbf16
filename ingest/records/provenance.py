"""Provenance of a record: where in which source file it was read."""

from pydantic import BaseModel, ConfigDict, model_validator


class Span(BaseModel):
    """A line span of a source file and the raw text it holds, as written.

    Attributes
    ----------
    source_file : str
        File name relative to the corpus directory, e.g. ``handan-eco-plan-2021-2025.txt``.
    line_start, line_end : int
        First and last line, 1-based and inclusive.
    text : str
        The raw lines of the span joined with ``\\n``, exactly as in the file.
    """

    model_config = ConfigDict(frozen=True)

    source_file: str
    line_start: int
    line_end: int
    text: str
    page_start: int | None = None
    page_end: int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if not 1 <= self.line_start <= self.line_end:
            raise ValueError(f"bad line span {self.line_start}-{self.line_end}")
        return self
