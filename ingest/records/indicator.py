"""A row of an indicator table."""

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span


class IndicatorRow(BaseModel):
    """One indicator of a table, literal values as printed beside numeric parses.

    ``attribute`` is ``约束性`` / ``预期性``; ``attribute_inherited`` is true when the
    row had no attribute cell of its own and took it from a merged cell above.
    ``progress`` is true for a row of a progress table (a “十三五” completion table):
    ``target`` is then the earlier plan's target, ``achieved`` the value reached (in
    ``achieved_year``, the year its column names, if any) and ``met`` the 是否完成目标
    cell (``是`` / ``否``) as printed.
    ``*_value`` are floats where the literal is a number (``37*`` gives 37.0 with
    footnote ``*``), else ``None``.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    document_id: str
    table: str
    category: str | None
    number: str | None
    name: str
    unit: str | None
    baseline_year: int | None
    baseline: str | None
    baseline_value: float | None
    target_year: int | None
    target: str | None
    target_value: float | None
    cumulative: str | None = None
    cumulative_value: float | None = None
    attribute: str | None
    attribute_inherited: bool = False
    progress: bool = False
    achieved_year: int | None = None
    achieved: str | None = None
    achieved_value: float | None = None
    met: str | None = None
    footnotes: tuple[str, ...] = ()
    span: Span
