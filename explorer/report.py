"""The build report (``report.json``, :func:`queries.builds.report`) as the warnings a person should look at."""

from dataclasses import dataclass, field


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


def read_report(report: dict) -> Warnings:
    """The warnings of a build's structured report."""
    problems = [
        (problem["where"], problem["severity"], problem["message"])
        for file in report["files"]
        for problem in [*file["problems"], *(found for document in file["documents"] for found in document["problems"])]
    ]
    return Warnings(summary=report["summary"]["text"], problems=problems, sections=report["review"])
