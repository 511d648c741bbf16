"""The names a query uses, checked against the schema before it runs: errors in the user's terms.

Both backends call :func:`check_names` first, so a typo gets the same answer from
the embedded store (whose engine would say ``Table Departmnet does not exist``)
and from Neo4j (which would warn and return no rows): an empty query, a
``$parameter`` with no value, a label or relationship type the graph does not
have (with the nearest spelling and the list of those that exist) and a property
its label does not declare (with the label's properties) are refused by name.
"""

from difflib import get_close_matches
from typing import Any

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.errors import QueryError
from graph.stores.gate import parameters, tokens
from graph.stores.syntax import Structure, Unbalanced, label_names, structure

EXAMPLE = "MATCH (p:Plan) RETURN p.title AS title"


def check_names(query: str, params: dict[str, Any]) -> None:
    """:class:`QueryError` naming the first empty query, missing parameter, unknown label, type or property."""
    found = list(tokens(query))
    if not found or all(token.text == ";" for token in found):
        raise QueryError(f"the query is empty: write a Cypher query, e.g. {EXAMPLE}")
    missing = sorted(set(parameters(query)) - set(params))
    if missing:
        raise QueryError(f"no value given for parameter(s): {', '.join('$' + name for name in missing)}")
    try:
        parsed = structure(query)
    except Unbalanced:
        return  # the engine's parser says where
    _check_labels(parsed)
    _check_properties(parsed)


def _nearest(name: str, choices: list[str]) -> str:
    close = get_close_matches(name, choices, n=1, cutoff=0.6) or get_close_matches(
        name.lower(), [choice.lower() for choice in choices], n=1, cutoff=0.6
    )
    if not close:
        return ""
    spelled = next(choice for choice in choices if choice.lower() == close[0].lower())
    return f" (did you mean {spelled}?)"


def _check_labels(query: Structure) -> None:
    for index, token in enumerate(query.tokens):
        if token.text != ":" or token.kind != "other" or query.in_map(index):
            continue
        opener = _group(query, index)
        if opener is None and not query.variable(index - 1):
            continue
        relationship = opener is not None and query.tokens[opener].text == "["
        for name in label_names(query, index + 1):
            if relationship and name not in RELATIONSHIP_TYPES:
                raise QueryError(
                    f"no relationship type {name} in the graph (line {token.line}){_nearest(name, list(RELATIONSHIP_TYPES))}; "
                    f"the types are {', '.join(RELATIONSHIP_TYPES)}"
                )
            if not relationship and name not in NODE_TYPES and (opener is not None or name not in RELATIONSHIP_TYPES):
                raise QueryError(
                    f"no label {name} in the graph (line {token.line}){_nearest(name, list(NODE_TYPES))}; "
                    f"the labels are {', '.join(NODE_TYPES)}"
                )


def _group(query: Structure, colon: int) -> int | None:
    """The ``(`` or ``[`` of the pattern whose label or type the ``:`` at ``colon`` starts, if it is one."""
    before = colon - 1 if query.variable(colon - 1) else colon
    opener = before - 1
    if opener >= 0 and query.in_pattern[opener] and query.tokens[opener].text in {"(", "["}:
        return opener
    return None


def _check_properties(query: Structure) -> None:
    """``v.key`` of a variable given a label in a pattern, and the keys of a pattern's ``{key: …}``."""
    rebound = {query.name(i + 1) for i in range(len(query.tokens)) if query.word(i) == "AS"}
    for index, token in enumerate(query.tokens):
        variable = query.variable(index)
        if (
            variable is not None
            and variable not in rebound
            and query.word(index + 1) == "."
            and query.word(index - 1) != "."
        ):
            key = query.name(index + 2)
            _check_key(sorted(query.labels.get(variable, ())), key, f"{variable}.{key}", token.line)
        elif variable is not None and query.word(index + 1) == ":" and query.in_map(index) and query.in_pattern[index]:
            group = query.enclosing(query.enclosing(index))
            if group is not None and query.word(group) in {"(", "["}:
                start = group + 2 if query.variable(group + 1) else group + 1
                labels = label_names(query, start + 1) if query.word(start) == ":" else []
                _check_key(labels, variable, f"{{{variable}: …}}", token.line)


def _check_key(labels: list[str], key: str | None, written: str, line: int) -> None:
    """:class:`QueryError` when no label of ``labels`` declares ``key`` (``written`` as in the query)."""
    kinds = [NODE_TYPES.get(label) or RELATIONSHIP_TYPES.get(label) for label in labels]
    if not kinds or None in kinds or key is None or any(key in kind.properties for kind in kinds):
        return
    names = sorted({name for kind in kinds for name in kind.properties})
    raise QueryError(
        f"{'/'.join(labels)} has no property {key} ({written}, line {line}){_nearest(key, names)}; "
        f"its properties are {', '.join(names)}"
    )
