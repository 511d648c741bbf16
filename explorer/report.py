"""The build report (``report.txt``) read back into the warnings a person should look at."""

import re
from dataclasses import dataclass, field

_PROBLEM = re.compile(r"^\s+(?P<where>\S+): (?P<severity>error|warning|unplaced): (?P<message>.*)$")
_SECTION = re.compile(r"^(?P<title>\S.*): (?P<count>\d+)$")
_SUMMARY = re.compile(r"^\d+ files, \d+ documents, .*$")


@dataclass
class Warnings:
    """Problems found while ingesting, and the build's own sections (unaligned indicator rows, …)."""

    summary: str = ""
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(where, severity, message) of every ingest problem."""
    sections: dict[str, list[str]] = field(default_factory=dict)
    """Section title (``indicator rows with no reviewed alignment``) → its items."""

    @property
    def count(self) -> int:
        """How many warnings in all."""
        return len(self.problems) + sum(len(items) for items in self.sections.values())


def read_report(text: str) -> Warnings:
    """The warnings of a build report."""
    found = Warnings()
    section: list[str] | None = None
    for line in text.splitlines():
        if match := _PROBLEM.match(line):
            found.problems.append((match["where"], match["severity"], match["message"]))
        elif _SUMMARY.match(line):
            found.summary = line
        elif match := _SECTION.match(line):
            section = found.sections.setdefault(match["title"], [])
        elif section is not None and line.startswith("  "):
            section.append(line.strip())
        elif not line.startswith(" "):
            section = None
    return found
