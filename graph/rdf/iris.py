"""Stable IRIs: each is a function of node ids and values only, so every build of the
same corpus gives the same IRIs.

Graph nodes live under ``https://plankg.org/id/<node id>``; resources the export adds
(years, source spans, governments, concepts) have their own top-level paths, and parts
of a node (its observations, its associations) are fragments of the node's IRI, so no
two kinds of resource can collide.
"""

import unicodedata
from functools import lru_cache

from rdflib import URIRef

from graph.rdf.namespaces import BASE

_ASCII_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/:")


@lru_cache(maxsize=65536)
def safe(text: str) -> str:
    """``text`` as an IRI path: Chinese and other letters stay, anything IRI-unsafe is percent-encoded.

    ASCII characters other than unreserved ones, ``/`` and ``:`` (e.g. ``<``, ``>``, space, ``#``,
    ``%``) and non-ASCII separators and controls become ``%XX`` escapes of their UTF-8 bytes.
    """
    out = []
    for char in text:
        keep = char in _ASCII_SAFE if char.isascii() else unicodedata.category(char)[0] not in "ZC"
        out.append(char if keep else "".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
    return "".join(out)


def node(node_id: str) -> URIRef:
    """The IRI of a graph node: ``https://plankg.org/id/dept/130400/生态环境局``."""
    return URIRef(f"{BASE}id/{safe(node_id)}")


def part(node_id: str, *path: str) -> URIRef:
    """A resource that belongs to a node: a fragment of its IRI (``…/m/1#dept/130400/生态环境局/…``)."""
    return URIRef(f"{node(node_id)}#{'/'.join(safe(step) for step in path)}")


def span(source_file: str, line_start: int, line_end: int) -> URIRef:
    """The lines of a source file: ``https://plankg.org/source/handan-….txt#L528-L545``."""
    return URIRef(f"{BASE}source/{safe(source_file)}#L{line_start}-L{line_end}")


def year(value: int) -> URIRef:
    """A calendar year as an OWL-Time instant: ``https://plankg.org/year/2025``."""
    return URIRef(f"{BASE}year/{value}")


def period(start: int, end: int) -> URIRef:
    """A span of years: ``https://plankg.org/period/2021-2025``."""
    return URIRef(f"{BASE}period/{start}-{end}")


def government(region_code: str) -> URIRef:
    """The people's government (人民政府) of a region: ``https://plankg.org/gov/130400``."""
    return URIRef(f"{BASE}gov/{safe(region_code)}")


def concept(scheme: str, label: str) -> URIRef:
    """A concept minted from data: ``https://plankg.org/concept/department-kind/生态环境局``."""
    return URIRef(f"{BASE}concept/{scheme}/{safe(label)}")


def scheme(name: str) -> URIRef:
    """A concept scheme whose concepts come from data: ``https://plankg.org/scheme/indicators``."""
    return URIRef(f"{BASE}scheme/{name}")
