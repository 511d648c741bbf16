"""Lines of a corpus file with some spans highlighted, as HTML, so a fact can be read where it was printed."""

import html

from queries.sources import checked_lines

CONTEXT = 5
LONGEST = 80
"""A span longer than this many lines is shown as its start and end."""


def excerpt_html(source_file: str, first: int, last: int, marks: list[tuple[int, int]] = ()) -> str:
    """Lines ``first``–``last`` highlighted, ``CONTEXT`` lines around them, ``marks`` (clauses…) underlined.

    Raises :class:`queries.sources.SpanError` when the file is not in the corpus or has no such lines.
    """
    lines = checked_lines(source_file, first, last)
    shown = range(max(1, first - CONTEXT), min(len(lines), last + CONTEXT) + 1)
    out = []
    for number in shown:
        if last - first > LONGEST and first + LONGEST // 2 < number < last - LONGEST // 2:
            if number == first + LONGEST // 2 + 1:
                out.append(f"<div class='gap'>… {last - first - LONGEST} lines 行 …</div>")
            continue
        classes = ["line"]
        if first <= number <= last:
            classes.append("hit")
        if any(start <= number <= end for start, end in marks):
            classes.append("mark")
        text = html.escape(lines[number - 1])
        out.append(f"<div class='{' '.join(classes)}'><span class='no'>{number}</span>{text}</div>")
    return STYLE + "<div class='excerpt'>" + "".join(out) + "</div>"


STYLE = """<style>
.excerpt {font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 15px;
          line-height: 1.7; border: 1px solid #ddd; border-radius: 6px; padding: 6px 0;}
.excerpt .line {padding: 0 10px; color: #777; white-space: pre-wrap; min-height: 1.7em;}
.excerpt .hit {background: #fff3b0; color: #111;}
.excerpt .mark {text-decoration: underline 2px #d62728; text-underline-offset: 4px;}
.excerpt .no {display: inline-block; width: 3.5em; color: #999; font-family: monospace; user-select: none;}
.excerpt .gap {padding: 0 10px; color: #999; font-style: italic;}
</style>"""
