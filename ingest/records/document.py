"""A document (plan, action plan, implementation opinions, regulation...) of the corpus."""

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict

from ingest.records.provenance import Span


class DocumentKind(str, Enum):
    """What kind of document it is, read from the title's last words."""

    PLAN = "plan"  # 规划
    ACTION_PLAN = "action_plan"  # 行动方案 / 实施方案
    IMPLEMENTATION_OPINIONS = "implementation_opinions"  # 实施意见
    REGULATION = "regulation"  # 办法 / 条例 / 规定
    NOTICE = "notice"  # 通知 with no embedded document


class Level(str, Enum):
    """Administrative level of the issuing government."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class DocumentRecord(BaseModel):
    """One document; fields the text does not give stay ``None``.

    ``title`` is the document's own title exactly as printed (spaces from line
    wrapping removed), ``notice_title`` the covering notice's title when the
    document was published with one.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    kind: DocumentKind | None = None
    notice_title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: dt.date | None = None
    period_start: int | None = None
    period_end: int | None = None
    level: Level | None = None
    region: str | None = None
    span: Span
