"""SHACL validation of a converted werkboek, reported in werkboek terms.

The shapes in ``ontologie/shapes.ttl`` are the formal statement of a valid
scan (also for Turtle input, which has no rows); results are mapped back to
sheet, row and column through the subject's origin and the column's predicate.

The shapes run as SPARQL on pyoxigraph (``ingest.shacl_sparql``): pyshacl
took ~31 s on a werkboek of 10,000 initiatives. pyshacl remains the reference
in tests/ingest/test_shacl_sparql.py, which checks both give the same results.
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from graaf.fouten import Bevinding
from ingest import shacl_sparql
from ingest.shacl_sparql import ONTOLOGIE, Data  # noqa: F401 - kept for callers

__all__ = ["ONTOLOGIE", "valideer", "vormen"]


def vormen() -> Graph:
    """The shapes graph (parsed once per process)."""
    return shacl_sparql.vormen()


def valideer(data: Data, herkomst: dict[URIRef, tuple[str, int]]) -> list[Bevinding]:
    """Every SHACL finding of ``data``: an rdflib Graph, the werkboek's N-Triples
    (``ingest.ntriples.Triples`` or bytes: the fast path) or triples."""
    return shacl_sparql.valideer(data, herkomst)
