"""Responsibility clauses: who leads, supports or is responsible for a measure."""

from enum import Enum

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span


class Role(str, Enum):
    """The role a unit plays for a measure."""

    LEAD = "lead"  # 牵头
    SUPPORT = "support"  # 配合 / 参与
    RESPONSIBLE = "responsible"  # 责任单位 with no lead/support split


class ResponsibilityUnit(BaseModel):
    """One unit named in a clause.

    ``name`` is the unit as it stands in the clause once a shared suffix is
    distributed (``邯郸经济技术开发区、冀南新区管委会`` gives
    ``邯郸经济技术开发区管委会`` and ``冀南新区管委会``); ``as_written`` is the
    fragment exactly as printed.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    as_written: str
    role: Role


class ResponsibilityClause(BaseModel):
    """A clause such as ``（责任单位：市发展改革委、市生态环境局）`` and its units."""

    model_config = ConfigDict(frozen=True)

    text: str
    units: tuple[ResponsibilityUnit, ...]
    span: Span


class ScopeStatement(BaseModel):
    """A note extending responsibility to later measures.

    E.g. Handan's ``以下均含各县<市、区>政府，邯郸经济技术开发区、冀南新区管委会，不再列出``:
    ``units`` are added, as implied, to every later measure of ``document_id``
    from ``span.line_start`` on.
    """

    model_config = ConfigDict(frozen=True)

    document_id: str
    text: str
    units: tuple[ResponsibilityUnit, ...]
    span: Span
