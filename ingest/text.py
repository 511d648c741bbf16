"""Text normalisation, in one place: page debris, markup, wrapped lines and the compared forms.

Every normalised form a parser or the graph compares text in is here: :func:`strip_markup`
(markup removed, words as written), :func:`compact` (and no spaces between Chinese
characters), :func:`clean` (table cells: sub/superscripts joined), :func:`squeeze` (no
whitespace or pipes: table headers), :func:`without_spaces` and :func:`name_key` (NFKC, no
spaces, quotes or brackets: indicator names).
"""

import re
import unicodedata

_PAGE_NUMBER = re.compile(r"^\s*[—–\-－]{1,3}\s*\d{1,4}\s*[—–\-－]{1,3}\s*$")
_MARKDOWN_HEADING = re.compile(r"^\s*(?:#{1,6}\s*|[-*+]\s+)")
_BOLD = re.compile(r"\*\*|__")
_HTML_TAG = re.compile(r"</?(?:sub|sup|br|b|i|strong|em)\s*/?>", re.IGNORECASE)
_MARKUP_SIGN = re.compile(r"[#*_<$+\-]")
_LATEX_MATH = re.compile(r"\$([^$\n]{0,200})\$")
_LATEX_COMMAND = re.compile(r"\\(?:text|mathrm|mathbf|operatorname)\s*\{([^{}]{0,100})\}")
_LATEX_SYMBOLS = {r"\mu": "μ", r"\%": "%", r"\cdot": "·", r"\times": "×", r"\leq": "≤", r"\geq": "≥", r"\sim": "～"}
_LATEX_SCRIPT = re.compile(r"[_^]\{([^{}]{0,20})\}|[_^](\w)")
_SPACE = re.compile(r"\s+")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SCRIPT_TAG = re.compile(r" ?<(sub|sup)> ?([^<]{0,20}?) ?</\1> ?", re.IGNORECASE)
_LATEX_SUB_OUTSIDE_MATH = re.compile(r" ?[_^]\{([^{}$]{0,20})\} ?")
_NAME_NOISE = re.compile(r"[\s“”\"'（）()]")
_CLOSING = "。；;！？!?：:）)】」』》”’"
_OPENING, _CLOSED = "（(【「『《“", "）)】」』》”"
_RUNS_ON = "，,、"
TITLE_LONGEST = 22
"""Characters a title printed alone on its line can hold. Longer lines without closing punctuation
are sentences wrapped at a line or page break (the corpus's longest such title has 21 characters,
its shortest wrapped head line 23)."""


def is_blank(text: str) -> bool:
    """True for a line with nothing but whitespace."""
    return not text.strip()


def is_page_debris(text: str) -> bool:
    """True for a page-number line such as ``— 30 —`` or ``- 3 -``."""
    return bool(_PAGE_NUMBER.match(text))


def is_noise(text: str) -> bool:
    """True for a line that carries no content: blank or page debris."""
    return is_blank(text) or is_page_debris(text)


def strip_markup(text: str) -> str:
    """Remove markdown heading and list marks and bold, HTML sub/sup tags and LaTeX math markup.

    ``PM<sub>2.5</sub>`` gives ``PM2.5``; ``$\\mu\\text{g}/\\text{m}^3$`` gives ``μg/m3``;
    ``## **四、降碳减排**`` gives ``四、降碳减排``. The words themselves are kept as written.
    """
    if not _MARKUP_SIGN.search(text):
        return text
    text = _MARKDOWN_HEADING.sub("", text)
    text = _BOLD.sub("", text)
    text = _HTML_TAG.sub("", text)
    return _LATEX_MATH.sub(lambda match: _latex_to_text(match.group(1)), text)


def compact(text: str) -> str:
    """Remove markup and the spaces PDF extraction puts between Chinese characters."""
    return _SPACE_BETWEEN_CJK.sub("", strip_markup(text)).strip()


def clean(text: str) -> str:
    """Strip markup; ``PM <sub>2.5</sub> 年`` and ``PM _{2.5} 年`` both give ``PM2.5年``."""
    text = _SCRIPT_TAG.sub(lambda match: match.group(2), text)
    text = strip_markup(text)
    return _LATEX_SUB_OUTSIDE_MATH.sub(r"\1", text).strip()


def squeeze(text: str) -> str:
    """Text without whitespace, pipes and markup: the form headers are compared in."""
    return re.sub(r"[\s|]+", "", clean(text))


def without_spaces(text: str) -> str:
    """``text`` with every run of whitespace removed."""
    return _SPACE.sub("", text)


def name_key(name: str) -> str:
    """The form names are compared in: NFKC-folded, without spaces, quotes or parentheses."""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name)).lower()


def _latex_to_text(math: str) -> str:
    for command, symbol in _LATEX_SYMBOLS.items():
        math = math.replace(command, symbol)
    for _ in range(3):
        math = _LATEX_COMMAND.sub(r"\1", math)
    math = _LATEX_SCRIPT.sub(lambda match: match.group(1) or match.group(2), math)
    return math.replace("{", "").replace("}", "").replace(" ", "")


def ends_mid_sentence(text: str) -> bool:
    """True when ``text`` breaks off inside a sentence, so the next line must go on with it.

    That is: it does not end with closing punctuation or a closing bracket, and it leaves a
    bracket open (``…（约束性指``), ends with a comma, or is longer than a title (``TITLE_LONGEST``).
    """
    text = text.strip()
    if not text or text[-1] in _CLOSING:
        return False
    unclosed = sum(text.count(mark) for mark in _OPENING) > sum(text.count(mark) for mark in _CLOSED)
    return unclosed or text[-1] in _RUNS_ON or len(text) > TITLE_LONGEST


def separator(left: str, right: str) -> str:
    """What goes between two wrapped pieces: a space between Latin words, else nothing."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalpha():
        return " "
    return ""


def join_wrapped(texts: list[str]) -> str:
    """Join PDF-wrapped lines into one paragraph.

    Each piece is stripped of markup and surrounding space; pieces are
    concatenated without a separator, as Chinese text wraps mid-word, except that
    a space is kept between Latin words (see :func:`separator`). Noise lines are
    skipped.
    """
    joined = ""
    for piece in (strip_markup(text).strip() for text in texts if not is_noise(text)):
        joined += separator(joined, piece) + piece
    return joined
