"""The structure of a Cypher query's tokens: brackets, patterns and the labels its variables are bound to.

Built on the query gate's lexer (:func:`graph.stores.gate.tokens`), so strings,
quoted names and comments are read as the engines read them. It is not a full
parser: it finds what :mod:`graph.stores.dialect` and :mod:`graph.stores.names`
need — which bracket closes which, which tokens are inside a pattern (a node
``( … )`` or relationship ``[ … ]`` of ``MATCH``, of a pattern predicate or of
``EXISTS {}``/``COUNT {}``) and which labels a variable gets in a pattern.
"""

from dataclasses import dataclass, field

from graph.stores.gate import Token, tokens

CLOSING = {"(": ")", "[": "]", "{": "}"}
PATTERN_CLAUSES = {"MATCH"}
"""Clauses whose body, up to the next clause, is a pattern."""
CLAUSES = {"MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER", "SKIP", "LIMIT", "UNION", "CALL", "YIELD"}
SUBQUERIES = {"EXISTS", "COUNT", "COLLECT"}
KEYWORDS = CLAUSES | SUBQUERIES | {
    "AND", "AS", "ASC", "ASCENDING", "BY", "CASE", "CONTAINS", "DESC", "DESCENDING", "DISTINCT", "ELSE", "END",
    "ENDS", "FALSE", "IN", "IS", "NOT", "NULL", "OR", "STARTS", "THEN", "TRUE", "WHEN", "XOR", "ALL", "SHORTEST",
}  # fmt: skip


class Unbalanced(ValueError):
    """The query's brackets do not pair up: it is left to the engine to say where."""


@dataclass
class Structure:
    """A query's tokens with their bracket pairs, pattern flags and variable labels."""

    text: str
    tokens: list[Token]
    partner: dict[int, int] = field(default_factory=dict)
    """Index of the bracket that closes (or opens) the bracket at each index."""
    in_pattern: list[bool] = field(default_factory=list)
    labels: dict[str, set[str]] = field(default_factory=dict)
    """Labels (or relationship types) each variable is given in the query's patterns."""

    def word(self, index: int) -> str:
        """The token at ``index`` upper-cased if it is a word, else its text; '' past either end."""
        if not 0 <= index < len(self.tokens):
            return ""
        token = self.tokens[index]
        return token.text.upper() if token.kind == "word" else token.text

    def name(self, index: int) -> str | None:
        """The name at ``index`` (a word or a backquoted name, unquoted), or None."""
        if not 0 <= index < len(self.tokens):
            return None
        token = self.tokens[index]
        if token.kind == "word":
            return token.text
        if token.kind == "name":
            return token.text[1:-1].replace("``", "`")
        return None

    def variable(self, index: int) -> str | None:
        """The name at ``index`` if it can be a variable (not a keyword)."""
        name = self.name(index)
        if name is None or self.word(index) in KEYWORDS or (self.tokens[index].kind == "word" and name[0].isdigit()):
            return None
        return name

    def enclosing(self, index: int) -> int | None:
        """The index of the bracket that most closely encloses token ``index``, or None at top level."""
        depth = 0
        for before in range(index - 1, -1, -1):
            token = self.tokens[before]
            if token.kind != "other":
                continue
            if token.text in CLOSING.values():
                depth += 1
            elif token.text in CLOSING:
                if depth == 0:
                    return before
                depth -= 1
        return None

    def in_map(self, index: int) -> bool:
        """Whether token ``index`` is directly inside a map ``{…}`` (not inside a subquery's braces)."""
        opener = self.enclosing(index)
        return opener is not None and self.word(opener) == "{" and self.word(opener - 1) not in SUBQUERIES | {"CALL"}

    def source(self, start: int, stop: int) -> str:
        """The query text from token ``start`` up to (not including) token ``stop``."""
        if start >= stop:
            return ""
        first = self.tokens[start].start
        last = self.tokens[stop - 1]
        return self.text[first : last.start + len(last.text)]


def structure(query: str) -> Structure:
    """The structure of ``query``; :class:`Unbalanced` when its brackets do not pair up."""
    found = Structure(query, list(tokens(query)))
    found.partner = _pairs(found.tokens)
    found.in_pattern = _patterns(found)
    found.labels = _labels(found)
    return found


def _pairs(found: list[Token]) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, token in enumerate(found):
        if token.kind != "other":
            continue
        if token.text in CLOSING:
            stack.append(index)
        elif token.text in CLOSING.values():
            if not stack or CLOSING[found[stack[-1]].text] != token.text:
                raise Unbalanced(f"unbalanced {token.text!r} on line {token.line}")
            opened = stack.pop()
            pairs[opened] = index
            pairs[index] = opened
    if stack:
        raise Unbalanced(f"{found[stack[-1]].text!r} on line {found[stack[-1]].line} is never closed")
    return pairs


def _patterns(query: Structure) -> list[bool]:
    """For each token, whether it is inside a node or relationship pattern."""
    flags = [False] * len(query.tokens)
    region: list[bool] = [False]  # per brace level: whether its clause is a pattern clause
    for index, token in enumerate(query.tokens):
        word = query.word(index)
        if token.kind == "word" and query.word(index - 1) not in {".", ":"} and query.word(index + 1) != ":":
            if word in PATTERN_CLAUSES:
                region[-1] = True
            elif word in CLAUSES:
                region[-1] = False
        if word == "{":
            starts_subquery = query.word(index - 1) in SUBQUERIES | {"CALL"}
            region.append(starts_subquery and query.word(index + 1) not in CLAUSES)
        elif word == "}":
            region.pop() if len(region) > 1 else None
        if word in {"(", "["} and (region[-1] or _pattern_group(query, index)):
            for inside in range(index, query.partner[index] + 1):
                flags[inside] = True
    return flags


def _pattern_group(query: Structure, opened: int) -> bool:
    """Whether the bracket at ``opened``, outside a pattern clause, is a node or relationship of a pattern."""
    closed = query.partner[opened]
    before = query.word(opened - 2) + query.word(opened - 1)
    after = query.word(closed + 1) + query.word(closed + 2)
    if query.tokens[opened].text == "[":
        return before in {")-", "<-"}
    return before in {"--", "]-", "->"} or after in {"--", "-[", "->", "<-"}


def _labels(query: Structure) -> dict[str, set[str]]:
    """Labels and types given to variables in patterns: ``(p:Plan)``, ``[r:TARGETS|COVERS]``."""
    labels: dict[str, set[str]] = {}
    for index, token in enumerate(query.tokens):
        if token.text not in {"(", "["} or token.kind != "other" or not query.in_pattern[index]:
            continue
        variable = query.variable(index + 1)
        if variable is None or query.word(index + 2) != ":":
            continue
        labels.setdefault(variable, set()).update(label_names(query, index + 3))
    return labels


def label_names(query: Structure, index: int) -> list[str]:
    """The names of a label expression starting at ``index``: ``Plan``, ``Plan|Region``, ``Plan:Region``."""
    names = []
    while (name := query.name(index)) is not None:
        names.append(name)
        if query.word(index + 1) not in {"|", ":"}:
            break
        index += 2
    return names
