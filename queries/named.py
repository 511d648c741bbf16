"""Named queries: ``queries/library/*.cypher``, each with a header saying what it answers.

A file starts with comment lines ``// key: value`` — ``name``, ``title_zh``,
``title_en``, ``description``, ``params`` (``name=example, …``) and ``example``
— followed by the query, written in the Cypher subset that runs unchanged on
the embedded store and on Neo4j 5.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.stores.gate import parameters
from queries.api import KnowledgeGraph

if TYPE_CHECKING:  # `plankg query --name` reads the library without loading pandas
    import pandas as pd

LIBRARY = Path(__file__).resolve().parent / "library"
_HEADER = re.compile(r"^//\s*(?P<key>\w+)\s*:\s*(?P<value>.*?)\s*$")
_TOP_LEVEL_COMMA = re.compile(r",(?![^\[]*\])")
"""A comma between parameters, not one inside a list example (``ids=["a", "b"], limit=5``)."""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library, its header and the parameters it takes (with example values)."""

    name: str
    title_zh: str
    title_en: str
    description: str
    params: dict[str, Any]
    cypher: str
    path: Path

    def run(self, graph: KnowledgeGraph, **params: Any) -> "pd.DataFrame":
        """Run the query; missing parameters take their example values from the header."""
        unknown = set(params) - set(self.params)
        if unknown:
            raise ValueError(f"{self.name} takes no parameter {', '.join(sorted(unknown))}")
        return graph.cypher(self.cypher, **{**self.params, **params})


def parse(path: Path) -> NamedQuery:
    """Read one ``.cypher`` file; a missing header field or undeclared ``$param`` is a ValueError."""
    header: dict[str, str] = {}
    body: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _HEADER.match(line)
        if match and not body:
            header[match["key"]] = match["value"]
        elif line.strip() or body:
            if line.lstrip().startswith("//"):
                raise ValueError(f"{path.name}:{number}: comments belong in the header")
            body.append(line)
    missing = {"name", "title_zh", "title_en", "description"} - set(header)
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    params = _params(header.get("params", ""), path)
    cypher = "\n".join(body).strip()
    used = set(parameters(cypher))
    if used != set(params):
        raise ValueError(f"{path.name}: parameters used {sorted(used)} but declared {sorted(params)}")
    return NamedQuery(
        name=header["name"],
        title_zh=header["title_zh"],
        title_en=header["title_en"],
        description=header["description"],
        params=params,
        cypher=cypher,
        path=path,
    )


def coerce(text: str) -> Any:
    """A parameter value typed from its text: ``2025`` → int, ``true`` → bool, ``["a", "b"]`` → list, else the string."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(value, list) and all(isinstance(item, str | int | float | bool) for item in value):
        return value
    return value if isinstance(value, int | float | bool) else text


def parse_param(pair: str, example: Any = None) -> tuple[str, Any]:
    """``NAME=VALUE`` or ``NAME:TYPE=VALUE`` (TYPE int, float, bool or str) as ``(name, value)``.

    An untyped value takes the type of ``example`` (a named query's example value)
    when there is one, else :func:`coerce` types it. ``ValueError`` names the parameter.
    """
    spec, sep, text = pair.partition("=")
    name, colon, kind = spec.partition(":")
    if not sep or not name:
        raise ValueError(f"a parameter is NAME=VALUE or NAME:TYPE=VALUE, not {pair!r}")
    if not colon:
        kind = _TYPE_NAMES.get(type(example))
        if kind is None:
            return name, coerce(text)
    if kind not in _TYPES:
        raise ValueError(f"parameter {name}: unknown type {kind!r}; use {', '.join(_TYPES)}")
    try:
        value = _TYPES[kind](text)
    except ValueError:
        raise ValueError(f"parameter {name} takes {kind}, and {text!r} is not one") from None
    return name, value


def _bool(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise ValueError(text)
    return text.lower() == "true"


_TYPES = {"int": int, "float": float, "bool": _bool, "str": str}
_TYPE_NAMES = {int: "int", float: "float", bool: "bool", str: "str"}


def _params(declared: str, path: Path) -> dict[str, Any]:
    params = {}
    for item in filter(None, (part.strip() for part in _TOP_LEVEL_COMMA.split(declared))):
        name, sep, example = item.partition("=")
        if not sep:
            raise ValueError(f"{path.name}: parameter {item!r} needs an example value (name=value)")
        params[name.strip()] = coerce(example.strip())
    return params


@cache
def library() -> dict[str, NamedQuery]:
    """Every named query, by name."""
    queries = [parse(path) for path in sorted(LIBRARY.glob("*.cypher"))]
    return {query.name: query for query in queries}


def named(name: str) -> NamedQuery:
    """The named query ``name``; KeyError listing the known names if there is none."""
    try:
        return library()[name]
    except KeyError:
        raise KeyError(f"no named query {name!r}; known: {', '.join(sorted(library()))}") from None
