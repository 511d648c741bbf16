"""Every Cypher example of README.md and docs/*.md runs and returns rows."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = re.compile(r"```cypher\n(.*?)```", re.DOTALL)
_SHELL_QUERY = re.compile(r"""plankg query "((?:MATCH|CALL|RETURN|WITH|UNWIND)[^"]*)\"""")


def examples() -> list[tuple[str, str]]:
    """(file, query) for each ```cypher block and each `plankg query "…"` line of the documentation."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        found += [(path.name, block.strip()) for block in _BLOCK.findall(text)]
        found += [(path.name, query) for query in _SHELL_QUERY.findall(text)]
    return found


EXAMPLES = examples()


def test_the_documentation_has_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize(("document", "query"), EXAMPLES, ids=[f"{d}:{q[:40]}" for d, q in EXAMPLES])
def test_every_documented_query_returns_rows(kg, document, query) -> None:
    assert len(kg.cypher(query)) > 0, f"{document}: {query}"
