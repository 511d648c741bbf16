"""A portal page's metadata table (文号, 发文日期, 发布机构) read into the document's fields."""

import datetime as dt
import re

from ingest.documents import DocumentSlice
from ingest.text import compact

_DATE = re.compile(r"(?P<y>\d{4})\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})")
_NUMBER = re.compile(r"[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]")


def with_metadata(document: DocumentSlice, metadata: dict[str, str]) -> DocumentSlice:
    """``document`` with the fields its text leaves empty taken from ``metadata``."""
    record = document.record
    issued = _date(metadata.get("发文日期") or metadata.get("成文日期") or "")
    number = _NUMBER.sub(r"〔\1〕", compact(metadata.get("文号", ""))) or None
    issuer = compact(metadata.get("发布机构") or metadata.get("发文机关") or "") or None
    found = {"issued": issued, "doc_number": number, "issuer": issuer}
    update = {field: value for field, value in found.items() if value and getattr(record, field) is None}
    if not update:
        return document
    return DocumentSlice(
        record=record.model_copy(update=update),
        lines=document.lines,
        header_end=document.header_end,
        colophon=document.colophon,
    )


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
