"""A page that was read by OCR, for the report."""

from pydantic import BaseModel, ConfigDict


class OcrPage(BaseModel):
    """Page ``page`` (1-based) of ``source_file`` was read by OCR with mean ``confidence`` (0-1) per character."""

    model_config = ConfigDict(frozen=True)

    source_file: str
    page: int
    confidence: float
    characters: int
