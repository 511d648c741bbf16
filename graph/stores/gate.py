"""The query gate: only one statement that reads the graph reaches an engine.

A query is refused, before anything runs, when its text

* holds more than one statement, or a string, quoted name or comment left open;
* uses a clause that touches files, extensions, transactions or settings
  (``LOAD``, ``COPY``, ``INSTALL``, ``ATTACH``, ``CHECKPOINT``, ``BEGIN``…) or
  writes the graph (``CREATE``, ``SET``, ``DELETE``…);
* ``CALL``\\ s anything but the read-only catalogue functions of its backend, or
  sets an option (``CALL timeout=0``).

The text is read token by token as the engines' lexers read it (strings with
backslash escapes, backquoted names with doubled backquotes, ``//`` and ``/* */``
comments), so a keyword inside a string or a name is not mistaken for a clause.
The embedded store adds a second check on the plan the engine compiles with
``EXPLAIN`` (:func:`check_plan`): every operator must be one that only reads.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.stores.errors import QueryError

REFUSED_CLAUSES = {
    # files, extensions, other databases, the store itself
    "LOAD": "reads local files",
    "COPY": "reads or writes files",
    "EXPORT": "writes files",
    "IMPORT": "reads files",
    "INSTALL": "installs extensions",
    "UNINSTALL": "removes extensions",
    "EXTENSION": "loads native code",
    "ATTACH": "opens another database",
    "DETACH": "changes the open databases",
    "USE": "changes the open database",
    "CHECKPOINT": "writes the store",
    # transactions
    "BEGIN": "opens a transaction",
    "COMMIT": "ends a transaction",
    "ROLLBACK": "ends a transaction",
    "TRANSACTION": "opens a transaction",
    # writes and schema changes
    "CREATE": "writes the graph",
    "MERGE": "writes the graph",
    "SET": "writes the graph",
    "DELETE": "writes the graph",
    "REMOVE": "writes the graph",
    "DROP": "changes the schema",
    "ALTER": "changes the schema",
    "FOREACH": "writes the graph",
    "MACRO": "defines a function",
    # plans and profiles are the gate's own business
    "EXPLAIN": "is not a query",
    "PROFILE": "is not a query",
}
"""Words that start a clause the gate refuses, with what the clause would do."""

EMBEDDED_CALLS = frozenset({"show_tables", "table_info", "show_connection", "db_version", "current_setting"})
"""Table functions of the embedded engine a query may ``CALL``: they read the catalogue only."""

NEO4J_CALLS = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization"})
"""Procedures of a Neo4j server a query may ``CALL`` (lower case): they read the schema only."""

READ_OPERATORS = frozenset(
    {
        "AGGREGATE",
        "AGGREGATE_FINALIZE",
        "AGGREGATE_SCAN",
        "COUNT_EXTEND_CHAIN",
        "CROSS_PRODUCT",
        "DUMMY_SIMPLE_SINK",
        "DUMMY_SINK",
        "EMPTY_RESULT",
        "FILTER",
        "FLATTEN",
        "HASH_JOIN_BUILD",
        "HASH_JOIN_PROBE",
        "INTERSECT",
        "INTERSECT_BUILD",
        "LIMIT",
        "MULTIPLICITY_REDUCER",
        "ORDER_BY",
        "ORDER_BY_MERGE",
        "ORDER_BY_SCAN",
        "PATH_PROPERTY_PROBE",
        "PRIMARY_KEY_SCAN_NODE_TABLE",
        "PROJECTION",
        "QUERY_PRIMARY_KEY_LOOKUP",
        "RECURSIVE_EXTEND",
        "RESULT_COLLECTOR",
        "SCAN_NODE_TABLE",
        "SCAN_REL_TABLE",
        "SEMI_MASKER",
        "SKIP",
        "TABLE_FUNCTION_CALL",
        "TOP_K",
        "TOP_K_SCAN",
        "UNION_ALL_SCAN",
        "UNWIND",
    }
)
"""Operators of the embedded engine's physical plans that only read the graph."""

READ_TABLE_FUNCTIONS = frozenset({"READ_FTABLE", *(name.upper() for name in EMBEDDED_CALLS)})
"""Table functions a plan may call: the engine's scan of an intermediate result, and :data:`EMBEDDED_CALLS`."""

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<name>`(?:[^`]|``)*`)
    | (?P<parameter>\$\w+)
    | (?P<word>\w+)
    | (?P<open>/\*|['"`])
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_OPERATOR = re.compile(r"│\s*([A-Z][A-Z_]*)\[\d+\]\s*│")
_FUNCTION = re.compile(r"Function: (\w+)")


@dataclass(frozen=True)
class Token:
    """A piece of query text that counts: a word, a parameter, a quoted name, a string or a sign; ``start`` is its offset."""

    kind: str
    text: str
    line: int
    start: int = 0


def tokens(query: str) -> Iterator[Token]:
    """The tokens of ``query`` outside white space and comments; an unclosed quote or comment is refused."""
    line = 1
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind == "open":
            what = {"/*": "comment", "`": "quoted name"}.get(match.group(), "string")
            raise QueryError(f"refused: a {what} opened on line {line} is never closed")
        if kind not in {"space", "comment"}:
            yield Token(kind, match.group(), line, match.start())
        line += match.group().count("\n")


def parameters(query: str) -> list[str]:
    """The ``$names`` ``query`` uses, in order of first use, outside strings, quoted names and comments.

    A query still being typed (a quote or comment left open) gives those before the opening.
    """
    found: list[str] = []
    try:
        for token in tokens(query):
            if token.kind == "parameter":
                found.append(token.text[1:])
    except QueryError:
        pass
    return list(dict.fromkeys(found))


def check_text(query: str, calls: frozenset[str] = EMBEDDED_CALLS) -> None:
    """Refuse ``query`` unless it is one statement that only reads; ``calls`` are the names it may CALL.

    Raises :class:`QueryError` naming the clause, the line and why.
    """
    found = list(tokens(query))
    if not found or all(token.text == ";" for token in found):
        raise QueryError("refused: the query is empty")
    for index, token in enumerate(found):
        before = found[index - 1].text if index else ""
        after = found[index + 1].text if index + 1 < len(found) else ""
        if token.text == ";" and any(later.text != ";" for later in found[index + 1 :]):
            raise QueryError(f"refused: line {token.line} starts a second statement; run one statement per call")
        if token.kind != "word" or before in {".", ":"} or after == ":":
            continue  # a property, a label or a map key, not a clause
        word = token.text.upper()
        if word in REFUSED_CLAUSES:
            raise QueryError(
                f"refused: {word} on line {token.line} {REFUSED_CLAUSES[word]}; only queries that read the graph run here"
            )
        if word == "CALL":
            _check_call(found[index + 1 :], token.line, calls)


def _check_call(rest: list[Token], line: int, calls: frozenset[str]) -> None:
    """Refuse a CALL of anything but ``calls``, and ``CALL option = value``."""
    name = []
    for token in rest:
        if token.kind != "word" and token.text != ".":
            break
        name.append(token.text)
    called = "".join(name)
    following = rest[len(name)].text if len(name) < len(rest) else ""
    if following == "=":
        raise QueryError(f"refused: CALL {called}=… on line {line} changes a setting; the limits are fixed here")
    if called.lower() not in calls or following != "(":
        allowed = ", ".join(sorted(calls))
        raise QueryError(f"refused: CALL {called or '…'} on line {line}; only these may be called here: {allowed}")


def check_plan(plan: str) -> None:
    """Refuse a plan (the text ``EXPLAIN`` returns) holding an operator or function that does more than read."""
    operators = set(_OPERATOR.findall(plan))
    if not operators:
        raise QueryError("refused: the engine's plan for this query could not be read")
    steps = sorted(operators - READ_OPERATORS) + sorted(set(_FUNCTION.findall(plan)) - READ_TABLE_FUNCTIONS)
    if steps:
        raise QueryError(f"refused: the query's plan has {', '.join(steps)}; only queries that read the graph run here")
