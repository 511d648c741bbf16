"""Writers: a built graph out to the embedded store, graph.json, Neo4j (CSV files or a push) and RDF.

Every writer is a module with one function, ``write(graph, target, **options) -> str``,
returning the line that says what it wrote (and what to do next). :data:`WRITERS`
lists them by name, the way rdflib lists its serializer plugins: a writer's module
is imported only when it is chosen, so choosing one does not load the others'
libraries. Writers that hold rows to the schema read them from
:func:`graph.rows.schema_rows`, the one translation of the graph into checked rows.
"""

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

BUILD, EXPORT, PUSH = "build", "export", "push"
"""What a writer is for: the files every build writes, ``plankg export`` to a path, ``plankg push`` to a server."""
RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
"""The RDF writers' names and rdflib's names of their syntaxes."""


@dataclass(frozen=True)
class Writer:
    """A writer chosen by name: what it is for, its module (with ``write``) and options it always passes."""

    name: str
    use: str
    module: str
    description: str
    options: dict[str, Any] = field(default_factory=dict)

    def write(self, graph: "nx.MultiDiGraph", target: Any, **options: Any) -> str:
        """Write ``graph`` to ``target`` (a path, or a server URI); the line that says what was written."""
        return import_module(self.module).write(graph, target, **self.options, **options)


WRITERS: dict[str, Writer] = {
    writer.name: writer
    for writer in (
        Writer("store", BUILD, "graph.exports.store", "the embedded Cypher store (a directory)"),
        Writer("graph-json", BUILD, "graph.exports.graph_json", "networkx node-link JSON (a file)"),
        *(
            Writer(name, EXPORT, "graph.rdf.export", f"RDF as {syntax} (a file)", {"format": name})
            for name, syntax in RDF_FORMATS.items()
        ),
        Writer("neo4j-csv", EXPORT, "graph.exports.neo4j_csv", "CSV for neo4j-admin database import (a directory)"),
        Writer("neo4j", PUSH, "graph.exports.neo4j", "merged into a Neo4j server over Bolt"),
    )
}


def names(use: str) -> list[str]:
    """The names of the writers for ``use``."""
    return [name for name, writer in WRITERS.items() if writer.use == use]
