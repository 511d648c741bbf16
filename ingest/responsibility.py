"""Find responsibility clauses such as ``（责任单位：市发展改革委、市生态环境局）`` in a measure's text.

A clause is a parenthesised note that either opens with a label (``责任单位：``,
``牵头单位：``, ``配合部门:`` ...) or names units followed by ``牵头``
(``（市生态环境局牵头负责）``, ``（市生态环境局牵头，市水利局配合）``).
Full-width and half-width parentheses and colons are accepted, mixed too.
A clause whose closing parenthesis was lost ends at the next line break or the
end of the text.
"""

import re
from dataclasses import dataclass

from ingest.records.responsibility import ResponsibilityUnit, Role

_OPEN = "（("
_CLOSE = "）)"
_NEST_OPEN = "（(<《〈"
_NEST_CLOSE = "）)>》〉"

_LABEL_ROLES = {
    "责任": Role.RESPONSIBLE,
    "牵头": Role.LEAD,
    "主办": Role.LEAD,
    "配合": Role.SUPPORT,
    "参与": Role.SUPPORT,
    "协助": Role.SUPPORT,
    "协办": Role.SUPPORT,
}
# A wrapped line may repeat its first character ("（责" / "责任单位：" joins as "（责责任单位："),
# so each label word accepts a doubled first character.
_LABEL = rf"(?:{'|'.join(w[0] + w[0] + '?' + w[1:] for w in _LABEL_ROLES)})(?:单位|部门)\s*[：:]"
_CLAUSE_START = re.compile(rf"[（(]\s*(?:{_LABEL}|[^（）()，,；;：:。\n]{{1,60}}?牵头)")
_LEADING_LABEL = re.compile(rf"^\s*({_LABEL})")
_DOUBLED_FIRST = re.compile(r"^(.)\1")
# A role phrase closing a run of units: "…牵头负责", "…配合", "…按职责分工负责".
_ROLE_TAIL = re.compile(r"(?:(牵头)|(配合|参与|协助))?(?:按照?职责分工)?(?:负责|落实|实施)?$")
# "…等相关部门" closes an open-ended list; it is not part of the last unit's name.
_OPEN_ENDED = re.compile(r"等(?:相关|有关|其他)?(?:部门|单位)$")
_SCOPE_START = "以下均"
_SCOPE_END = "不再列出"
_SCOPE_VERB = re.compile(r"^以下均(?:含|需|包括|包含|涉及|由)?")
_SCOPE_TAIL = re.compile(r"(?:具体落实|负责|落实)?[，,。]?不再列出$")
# Suffixes shared by a run of places: "邯郸经济技术开发区、冀南新区管委会".
_SHARED_SUFFIXES = ("管理委员会", "管委会", "人民政府", "政府")
_PLACE_END = re.compile(r"(?:区|县|市|镇|乡|街道)$")


@dataclass(frozen=True)
class ScopeMatch:
    """A scope statement inside a clause (``以下均含…不再列出``); offsets are in the searched text."""

    start: int
    end: int
    text: str
    units: tuple[ResponsibilityUnit, ...]


@dataclass(frozen=True)
class ClauseMatch:
    """A responsibility clause; ``start``/``end`` cover it with its parentheses."""

    start: int
    end: int
    text: str
    units: tuple[ResponsibilityUnit, ...]
    scope: ScopeMatch | None


def find_clauses(text: str) -> list[ClauseMatch]:
    """All responsibility clauses of ``text``, in order."""
    return [_parse_clause(text, start, end, closed) for start, end, closed in clause_spans(text)]


def clause_spans(text: str) -> list[tuple[int, int, bool]]:
    """Where the responsibility clauses of ``text`` are: ``(start, end, closed)``, without reading their units."""
    spans = []
    position = 0
    while match := _CLAUSE_START.search(text, position):
        end, closed = _clause_end(text, match.start())
        spans.append((match.start(), end, closed))
        position = end
    return spans


def strip_clauses(text: str) -> str:
    """``text`` without its responsibility clauses (``（责任单位：…）``, ``（…牵头负责）``)."""
    kept, position = [], 0
    for start, end, _ in clause_spans(text):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)


def ends_with_clause(text: str) -> bool:
    """True when ``text`` ends with a responsibility clause (trailing ``。``/``；`` and spaces allowed)."""
    tail = text.rstrip().rstrip("。；;.").rstrip()
    clauses = find_clauses(tail)
    return bool(clauses) and clauses[-1].end == len(tail)


def _clause_end(text: str, start: int) -> tuple[int, bool]:
    """End offset of the parenthesised span opening at ``start`` and whether it is closed: it ends
    after its closing parenthesis, or at the next line break / end of text when that is missing."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\n":
            break
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
            if depth == 0:
                return index + 1, True
    else:
        index = len(text)
    return start + len(text[start:index].rstrip()), False


def _parse_clause(text: str, start: int, end: int, closed: bool) -> ClauseMatch:
    body_start = start + 1
    body_end = end - 1 if closed else end
    body = text[body_start:body_end]
    scope = None
    scope_at = body.find(_SCOPE_START)
    if scope_at >= 0:
        scope_end = body.find(_SCOPE_END, scope_at)
        scope_end = len(body) if scope_end < 0 else scope_end + len(_SCOPE_END)
        scope_text = body[scope_at:scope_end]
        statement = _SCOPE_TAIL.sub("", _SCOPE_VERB.sub("", scope_text))
        scope = ScopeMatch(body_start + scope_at, body_start + scope_end, scope_text, _parse_units(statement))
        body = body[:scope_at] + body[scope_end:]
    return ClauseMatch(start, end, text[start:end], _parse_units(body), scope)


def _parse_units(body: str) -> tuple[ResponsibilityUnit, ...]:
    """Units of a clause body; a label sets the role of what follows, a role tail that of its run."""
    units: list[ResponsibilityUnit] = []
    role = Role.RESPONSIBLE
    for run in _split_top(body, "，,；;。"):
        run = run.strip()
        if label := _LEADING_LABEL.match(run):
            role = _LABEL_ROLES[_DOUBLED_FIRST.sub(r"\1", label.group(1))[:2]]
            run = run[label.end() :].strip()
        tail = _ROLE_TAIL.search(run)
        run_role = Role.LEAD if tail.group(1) else Role.SUPPORT if tail.group(2) else role
        run = run[: tail.start()]
        items = [item.strip() for item in _split_top(run, "、")]
        if not items:
            continue
        items[-1] = _OPEN_ENDED.sub("", items[-1])
        units.extend(
            ResponsibilityUnit(name=name, as_written=item, role=run_role)
            for item, name in zip(items, _distribute_suffixes(items), strict=True)
            if item
        )
    return tuple(units)


def _distribute_suffixes(items: list[str]) -> list[str]:
    """Give places a suffix the run's next unit ends with: ``A开发区、B新区管委会`` → both ``…管委会``."""
    names = list(items)
    suffix = ""
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        shared = next((s for s in _SHARED_SUFFIXES if item.endswith(s)), "")
        if shared and _PLACE_END.search(item[: -len(shared)]):
            suffix = shared
        elif suffix and _PLACE_END.search(item):
            names[index] = item + suffix
        else:
            suffix = ""
    return names


def _split_top(text: str, separators: str) -> list[str]:
    """Split ``text`` at ``separators`` outside any bracket (``各县<市、区>政府`` stays whole)."""
    pieces, depth, piece_start = [], 0, 0
    for index, char in enumerate(text):
        if char in _NEST_OPEN:
            depth += 1
        elif char in _NEST_CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators:
            pieces.append(text[piece_start:index])
            piece_start = index + 1
    pieces.append(text[piece_start:])
    return [piece for piece in pieces if piece.strip()]
