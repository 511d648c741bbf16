"""The explorer's pages, by the name ``?page=`` gives them, in sidebar order."""

from explorer.pages import compare, console, departments, graph_view, overview, owners, sources

PAGES = {
    "overview": overview.render,
    "compare": compare.render,
    "owners": owners.render,
    "departments": departments.render,
    "graph": graph_view.render,
    "console": console.render,
    "sources": sources.render,
}
