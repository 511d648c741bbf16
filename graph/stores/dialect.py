"""Neo4j Cypher for the embedded engine: forms it lacks rewritten to exact equivalents, or explained.

:func:`to_embedded` returns the text the embedded store runs (the query gate
then checks that text, not the one typed). Each Neo4j form the engine lacks is
either rewritten to what gives the same result — ``type(r)`` → ``label(r)``,
``labels(n)`` → ``[label(n)]`` (the engine's ``labels`` gives a string),
``shortestPath(…)`` → ``* SHORTEST``, list comprehensions → ``list_filter`` /
``list_transform``, ``WHERE n:Plan`` → ``label(n) = 'Plan'``, a 0-based
``list[i]`` → the engine's 1-based ``list_extract`` … — or refused with a
:class:`QueryError` naming the form and what to write instead. The full table is
``docs/cypher.md``. A query the engine can run as it is comes back unchanged.
"""

from graph.schema import NODE_TYPES, RELATIONSHIP_TYPES
from graph.stores.errors import QueryError
from graph.stores.gate import NEO4J_CALLS
from graph.stores.syntax import KEYWORDS, SUBQUERIES, Structure, Unbalanced, label_names, structure

SEE = "see docs/cypher.md"
PROPERTY_KEYS = sorted(
    {key for kind in (*NODE_TYPES.values(), *RELATIONSHIP_TYPES.values()) for key in kind.properties}
)
PROCEDURES = {
    "db.labels": "CALL show_tables() WITH name, type WHERE type = 'NODE' WITH name AS {0}",
    "db.relationshiptypes": "CALL show_tables() WITH name, type WHERE type = 'REL' WITH name AS {0}",
    "db.propertykeys": "UNWIND [" + ", ".join(f"'{key}'" for key in PROPERTY_KEYS) + "] AS {0}",
    "db.schema.visualization": None,
}
"""The Neo4j procedures the query gate lets through (:data:`NEO4J_CALLS`), as reads of the embedded catalogue."""
PROCEDURE_COLUMNS = {"db.labels": "label", "db.relationshiptypes": "relationshipType", "db.propertykeys": "propertyKey"}
RENAMED = {"type": "label", "tofloat": "to_double", "split": "string_split"}
"""Functions whose engine equivalent differs only in name."""
EXPLAINED = {
    "startnode": "MATCH (a)-[r]->(b) and use a",
    "endnode": "MATCH (a)-[r]->(b) and use b",
    "stdev": "sqrt((sum(x * x) - sum(x) * sum(x) / count(x)) / (count(x) - 1))",
    "stdevp": "sqrt(avg(x * x) - avg(x) * avg(x))",
    "datetime": "date(p.issued) (dates are ISO text in this graph) and date_part('year', date(p.issued))",
    "localdatetime": "date(p.issued) (dates are ISO text in this graph) and date_part('year', date(p.issued))",
    "tostring": "to_string(x): the same for whole numbers and text, but 1.5 gives '1.500000' and true 'True'",
    "toboolean": "x = 'true'",
}
"""Functions with no exact equivalent: what to write instead."""
DATE_FIELDS = {"year", "month", "day"}
assert set(PROCEDURES) == NEO4J_CALLS, "every procedure the gate lets through must be rewritten or explained"
assert set(PROCEDURE_COLUMNS) | {"db.schema.visualization"} == set(PROCEDURES)


def to_embedded(query: str) -> str:
    """``query`` as the embedded engine should run it; :class:`QueryError` for a form with no exact equivalent."""
    try:
        parsed = structure(query)
    except Unbalanced:
        return query  # the engine's parser says where
    if not parsed.tokens:
        return query
    return _Rewriter(parsed).render(0, len(parsed.tokens))


def _refuse(form: str, line: int, instead: str) -> QueryError:
    return QueryError(f"{form} (line {line}) does not run on the embedded store; instead write {instead} ({SEE})")


class _Rewriter:
    """Renders a span of tokens with every Neo4j form in it rewritten, keeping the text between tokens."""

    def __init__(self, query: Structure):
        self.q = query
        self.nodes = {self.q.name(i + 1) for i, t in enumerate(query.tokens) if t.text == "(" and query.in_pattern[i]}
        self.rules = [
            self._procedure,
            self._call_subquery,
            self._function,
            self._subquery_pattern,
            self._label_test,
            self._map_projection,
            self._bracket,
        ]

    def render(self, start: int, stop: int) -> str:
        pieces: list[tuple[int, str]] = []
        index = start
        while index < stop:
            gap = self._gap(index) if index > start else ""
            for rule in self.rules:
                found = rule(index, pieces)
                if found is not None:
                    text, index = found
                    pieces.append((index, gap + text))
                    break
            else:
                pieces.append((index + 1, gap + self.q.tokens[index].text))
                index += 1
        return "".join(text for _, text in pieces)

    def _gap(self, index: int) -> str:
        before = self.q.tokens[index - 1]
        return self.q.text[before.start + len(before.text) : self.q.tokens[index].start]

    # --- helpers -----------------------------------------------------------------------------------------------

    def _line(self, index: int) -> int:
        return self.q.tokens[index].line

    def _split(self, start: int, stop: int, separator: str) -> list[tuple[int, int]]:
        """Spans of tokens between top-level ``separator`` tokens (words compared upper-case)."""
        spans, begin, index = [], start, start
        while index < stop:
            if self.q.word(index) == separator:
                spans.append((begin, index))
                begin = index + 1
            elif index in self.q.partner and self.q.tokens[index].text in "([{":
                index = self.q.partner[index]
            index += 1
        spans.append((begin, stop))
        return spans

    def _arguments(self, opened: int) -> list[str]:
        return [self.render(a, b) for a, b in self._split(opened + 1, self.q.partner[opened], ",") if a < b]

    def _ends_operand(self, index: int) -> bool:
        token = self.q.tokens[index] if index >= 0 else None
        if token is None:
            return False
        if token.kind in {"parameter", "name"} or token.text in {")", "]", "}"}:
            return True
        return token.kind == "word" and self.q.word(index) not in KEYWORDS

    def _operand_start(self, index: int) -> int:
        """The first token of the operand (``n.aliases``, ``nodes(p)``, ``l[1]``) that ends at ``index``."""
        text = self.q.tokens[index].text
        start = index
        if text in {")", "]"}:
            start = self.q.partner[index]
            if text == ")" and self.q.name(start - 1) and self.q.word(start - 1) not in KEYWORDS - SUBQUERIES:
                start -= 1
            elif text == "]" and self._ends_operand(start - 1) and not self.q.in_pattern[start]:
                start = self._operand_start(start - 1)
        while self.q.word(start - 1) == "." and start >= 2 and self._ends_operand(start - 2):
            start = self._operand_start(start - 2)
        return start

    # --- rules: each returns (text, next index) when it applies at ``index`` -------------------------------------

    def _procedure(self, index: int, pieces) -> tuple[str, int] | None:
        if self.q.word(index) != "CALL" or self.q.word(index + 1) in {"{", "("}:
            return None
        end, name = index + 1, []
        while self.q.name(end) is not None or self.q.word(end) == ".":
            name.append(self.q.tokens[end].text)
            end += 1
        called = "".join(name).lower()
        if called not in PROCEDURES or self.q.word(end) != "(" or self.q.word(end + 1) != ")":
            return None
        if PROCEDURES[called] is None:
            raise _refuse(f"CALL {''.join(name)}()", self._line(index), "CALL show_tables() RETURN * (docs/schema.md)")
        column, end = PROCEDURE_COLUMNS[called], end + 2
        if self.q.word(end) == "YIELD":
            if self.q.name(end + 1) != column:
                raise _refuse(f"YIELD {self.q.word(end + 1)}", self._line(end), f"YIELD {column}")
            alias = self.q.name(end + 3) if self.q.word(end + 2) == "AS" else None
            column, end = alias or column, end + (4 if alias else 2)
        rest = self.render(end, len(self.q.tokens)) if end < len(self.q.tokens) else ""
        if not rest.strip(" ;"):
            rest = f"RETURN {column}"
        return PROCEDURES[called].format(column) + " " + rest, len(self.q.tokens)

    def _call_subquery(self, index: int, pieces) -> tuple[str, int] | None:
        if self.q.word(index) == "CALL" and self.q.word(index + 1) in {"{", "("}:
            raise _refuse(
                "CALL { … } subqueries",
                self._line(index),
                "the parts one after another joined by WITH, or COUNT { MATCH … } / EXISTS { MATCH … } / OPTIONAL MATCH … collect()",
            )
        return None

    def _function(self, index: int, pieces) -> tuple[str, int] | None:
        token = self.q.tokens[index]
        if token.kind != "word" or self.q.word(index + 1) != "(" or self.q.word(index - 1) == ".":
            return None
        name, opened = token.text.lower(), index + 1
        closed = self.q.partner[opened]
        line = self._line(index)
        if name in RENAMED:
            return f"{RENAMED[name]}({', '.join(self._arguments(opened))})", closed + 1
        if name in EXPLAINED:
            raise _refuse(f"{token.text}()", line, EXPLAINED[name])
        if name == "tointeger":
            value = f"to_double({self.render(opened + 1, closed)})"
            return f"to_int64(sign({value}) * floor(abs({value})))", closed + 1
        if name == "labels":
            return f"[label({self.render(opened + 1, closed)})]", closed + 1
        if name in {"head", "last"}:  # of an empty list: an error here, null in Neo4j
            items = self.render(opened + 1, closed)
            position = 1 if name == "head" else -1
            return f"list_extract({items}, {position})", closed + 1
        if name == "tail":
            items = self.render(opened + 1, closed)
            return f"list_slice({items}, 2, size({items}))", closed + 1
        if name in {"id", "elementid"}:
            return self._identity(token.text, opened, closed), closed + 1
        if name == "reduce":
            return self._reduce(opened, closed), closed + 1
        if name == "exists":
            return self._exists(opened, closed), closed + 1
        if name in {"shortestpath", "allshortestpaths"}:
            return self._shortest(name == "allshortestpaths", opened, closed), closed + 1
        if name == "date" and self.q.word(closed + 1) == ".":
            field = (self.q.name(closed + 2) or "").lower()
            if field not in DATE_FIELDS:
                raise _refuse(f"date(…).{field}", line, "date_part('year' | 'month' | 'day', date(…))")
            return f"date_part('{field}', date({self.render(opened + 1, closed)}))", closed + 3
        return None

    def _identity(self, name: str, opened: int, closed: int) -> str:
        variable = self.q.variable(opened + 1)
        if closed == opened + 2 and variable in self.nodes:
            return f"{self.q.tokens[opened + 1].text}.id"
        raise _refuse(
            f"{name}(…)",
            self._line(opened),
            "n.id for a node (its plankg id, the same in every build); a relationship is told by its endpoints' ids and type",
        )

    def _reduce(self, opened: int, closed: int) -> str:
        parts = self._split(opened + 1, closed, ",")
        if len(parts) != 2 or self.q.word(parts[0][0] + 1) != "=" or self.q.word(parts[1][0] + 1) != "IN":
            raise _refuse("reduce(…)", self._line(opened), "reduce(acc = initial, x IN list | expression)")
        (init_start, init_stop), (loop_start, loop_stop) = parts
        body = self._split(loop_start + 2, loop_stop, "|")
        if len(body) != 2:
            raise _refuse("reduce(…)", self._line(opened), "reduce(acc = initial, x IN list | expression)")
        accumulator, item = self.q.tokens[init_start].text, self.q.tokens[loop_start].text
        initial = self.render(init_start + 2, init_stop)
        items, expression = self.render(*body[0]), self.render(*body[1])
        return f"list_reduce(list_concat([{initial}], {items}), ({accumulator}, {item}) -> {expression})"

    def _exists(self, opened: int, closed: int) -> str:
        if self.q.word(opened + 1) == "(":
            return f"EXISTS {{ MATCH {self.render(opened + 1, closed)} }}"
        return f"({self.render(opened + 1, closed)} IS NOT NULL)"

    def _shortest(self, every: bool, opened: int, closed: int) -> str:
        relationship = next((i for i in range(opened + 1, closed) if self.q.tokens[i].text == "["), None)
        line = self._line(opened)
        usage = "p = shortestPath((a)-[:TYPE*]-(b)) with the path named, its relationships relationships(p)"
        if relationship is None or self.q.variable(relationship + 1) is not None:
            raise _refuse("shortestPath with a relationship variable or without a relationship", line, usage)
        star = next((i for i in range(relationship, self.q.partner[relationship]) if self.q.word(i) == "*"), None)
        if star is None:
            raise _refuse("shortestPath without a variable length *", line, usage)
        bounds = star + 1
        while self.q.word(bounds) == "." or self.q.tokens[bounds].text.isdigit():
            bounds += 1
        low, dots, high = "".join(self.q.tokens[i].text for i in range(star + 1, bounds)).partition("..")
        if (low and low != "1") or (low and not dots):
            raise _refuse(
                f"shortestPath with *{low}{dots}{high}", line, "*, *1..n or *..n (the engine starts at 1 hop)"
            )
        bound = f" 1..{high}" if high else ""
        shortest = f"* {'ALL ' if every else ''}SHORTEST{bound}"
        return self.render(opened + 1, star) + shortest + self._gap(bounds) + self.render(bounds, closed)

    def _subquery_pattern(self, index: int, pieces) -> tuple[str, int] | None:
        if self.q.word(index) not in {"COUNT", "EXISTS"} or self.q.word(index + 1) != "{":
            return None
        if self.q.word(index + 2) != "(":
            return None
        closed = self.q.partner[index + 1]
        return f"{self.q.tokens[index].text} {{ MATCH {self.render(index + 2, closed)} }}", closed + 1

    def _label_test(self, index: int, pieces) -> tuple[str, int] | None:
        if self.q.in_pattern[index] or self.q.word(index + 1) != ":" or self.q.variable(index) is None:
            return None
        if self.q.word(index - 1) == "." or self.q.in_map(index):
            return None
        names = label_names(self.q, index + 2)
        if not names:
            raise _refuse(
                f"the label expression {self.q.tokens[index].text}:{self.q.word(index + 2)}…",
                self._line(index),
                "label(n) = 'Plan', label(n) IN ['Plan', 'Region'] or NOT label(n) = 'Plan'",
            )
        variable, end = self.q.tokens[index].text, index + 2 * len(names) + 1
        if len(names) == 1:
            return f"(label({variable}) = '{names[0]}')", end
        if self.q.word(index + 3) == "|":
            return f"(label({variable}) IN [{', '.join(repr(name) for name in names)}])", end
        return "(" + " AND ".join(f"label({variable}) = '{name}'" for name in names) + ")", end

    def _map_projection(self, index: int, pieces) -> tuple[str, int] | None:
        if self.q.in_pattern[index] or self.q.variable(index) is None or self.q.word(index + 1) != "{":
            return None
        if self.q.word(index - 1) == ".":
            return None
        variable, opened = self.q.tokens[index].text, index + 1
        closed = self.q.partner[opened]
        items = [span for span in self._split(opened + 1, closed, ",") if span[0] < span[1]]
        rendered = []
        for start, stop in items:
            if self.q.word(start) == "." and self.q.word(start + 1) == "*" and len(items) == 1:
                return f"properties({variable})", closed + 1
            if self.q.word(start) == "." and stop == start + 2 and self.q.name(start + 1):
                key = self.q.tokens[start + 1].text
                rendered.append(f"{key}: {variable}.{key}")
            elif stop == start + 1 and self.q.variable(start):
                rendered.append(f"{self.q.tokens[start].text}: {self.q.tokens[start].text}")
            elif self.q.word(start + 1) == ":" and self.q.name(start):
                rendered.append(f"{self.q.tokens[start].text}: {self.render(start + 2, stop)}")
            else:
                raise _refuse(
                    f"the map projection {variable} {{{self.q.source(start, stop)}, …}}",
                    self._line(index),
                    f"{{key: {variable}.key, …}} or properties({variable})",
                )
        return "{" + ", ".join(rendered) + "}", closed + 1

    def _bracket(self, index: int, pieces: list[tuple[int, str]]) -> tuple[str, int] | None:
        if self.q.tokens[index].text != "[" or self.q.in_pattern[index]:
            return None
        closed = self.q.partner[index]
        if self._ends_operand(index - 1):
            return self._subscript(index, closed, pieces)
        if self.q.word(index + 1) == "(" and self.q.in_pattern[index + 1]:
            raise _refuse(
                "a pattern comprehension [(a)-->(b) | …]", self._line(index), "OPTIONAL MATCH (a)-->(b) … collect(…)"
            )
        if self.q.variable(index + 1) is None or self.q.word(index + 2) != "IN":
            return None
        return self._comprehension(index, closed), closed + 1

    def _comprehension(self, opened: int, closed: int) -> str:
        variable = self.q.tokens[opened + 1].text
        body = self._split(opened + 3, closed, "|")
        if len(body) > 2:
            raise _refuse("a list comprehension with two |", self._line(opened), "[x IN list WHERE test | expression]")
        condition = self._split(*body[0], "WHERE")
        items = self.render(*condition[0])
        if len(condition) == 2:
            items = f"list_filter({items}, {variable} -> {self.render(*condition[1])})"
        if len(body) == 2:
            items = f"list_transform({items}, {variable} -> {self.render(*body[1])})"
        return items

    def _subscript(self, opened: int, closed: int, pieces: list[tuple[int, str]]) -> tuple[str, int]:
        start = self._operand_start(opened - 1)
        operand = []
        while pieces and pieces[-1][0] > start:
            operand.insert(0, pieces.pop()[1])
        text = "".join(operand)
        stripped = text.lstrip()
        lead = text[: len(text) - len(stripped)]
        inside = [self.q.tokens[i] for i in range(opened + 1, closed)]
        if len(inside) == 1 and inside[0].kind == "string":
            key = inside[0].text[1:-1].replace("`", "``")
            return f"{lead}{stripped}.`{key}`", closed + 1
        parts = self._split(opened + 1, closed, ".")
        if len(parts) == 3 and parts[1] == (parts[0][1] + 1, parts[0][1] + 1):  # a slice: ``..``
            return lead + self._slice(stripped, parts[0], parts[2], opened), closed + 1
        if len(inside) == 1 and inside[0].text.isdigit():
            return f"{lead}list_extract({stripped}, {int(inside[0].text) + 1})", closed + 1
        position = self.render(opened + 1, closed)
        return (
            f"{lead}list_extract({stripped}, CASE WHEN {position} >= 0 THEN {position} + 1 ELSE {position} END)",
            closed + 1,
        )

    def _slice(self, items: str, low: tuple[int, int], high: tuple[int, int], opened: int) -> str:
        bounds = [self.q.source(*span) for span in (low, high)]
        if not all(bound == "" or bound.isdigit() for bound in bounds):
            raise _refuse(
                f"the slice [{bounds[0]}..{bounds[1]}]",
                self._line(opened),
                "list_slice(list, first, last) (1-based, inclusive)",
            )
        first = int(bounds[0] or 0) + 1
        last = bounds[1] or f"size({items})"
        return f"list_slice({items}, {first}, {last})"
