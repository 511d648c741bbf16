"""Text from the documents shown inside Markdown exactly as written."""

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$])")


def escape(text: str) -> str:
    """``text`` with every Markdown and HTML special character escaped (``各县<市、区>政府`` stays as is)."""
    return _SPECIAL.sub(r"\\\1", text)
