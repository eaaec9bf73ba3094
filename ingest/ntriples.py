"""The converted werkboek as N-Triples lines, plus a small index for the row rules.

Building an rdflib Graph of a 10,000-initiative werkboek cost more than all
other ingest steps together; N-Triples text goes straight into the engine's
bulk loader instead, and only the few predicates the cross-cell rules
(``ingest.regels``) look at are indexed in plain dicts.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from graaf.vocab import SCAN

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

#: The predicates ``ingest.regels`` needs; everything else is only written out.
GEINDEXEERD = frozenset({
    RDF.type, SCAN.werkgebied, SCAN.soort, SCAN.status, SCAN.opgegaanIn, SCAN.sector,
    SCAN.doelgroep, SCAN.cbsCode, SCAN.bovenliggendDoel, SCAN.start, SCAN.eind,
    SKOS.broader})


def nt(term: Node) -> str:
    """One term in N-Triples syntax (IRIs are validated before they get here)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    lex = str(term).translate(_ESCAPE)
    if term.language:
        return f'"{lex}"@{term.language}'
    if term.datatype:
        return f'"{lex}"^^<{term.datatype}>'
    return f'"{lex}"'


class Triples:
    """N-Triples lines in insertion order, with a dict index of ``GEINDEXEERD``."""

    def __init__(self) -> None:
        self.regels: list[str] = []
        self._spo: dict = defaultdict(lambda: defaultdict(list))
        self._pos: dict = defaultdict(lambda: defaultdict(list))

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        self.regels.append(f"{nt(s)} {nt(p)} {nt(o)} .")
        if p in GEINDEXEERD:
            self._spo[p][s].append(o)
            self._pos[p][o].append(s)

    def __len__(self) -> int:
        return len(self.regels)

    def ntriples(self) -> bytes:
        return ("\n".join(self.regels) + "\n").encode("utf-8")

    def graaf(self) -> Graph:
        """As an rdflib Graph: for tests and small inputs, not on the ingest path."""
        g = Graph()
        g.parse(data=self.ntriples(), format="nt")
        return g

    # -- the lookups ingest.regels uses (indexed predicates only) --

    def subject_objects(self, p: URIRef) -> Iterator[tuple[Node, Node]]:
        return ((s, o) for s, os in self._spo[p].items() for o in os)

    def subjects(self, p: URIRef, o: Node) -> list[Node]:
        return list(self._pos[p].get(o, ()))

    def objects(self, s: Node, p: URIRef) -> list[Node]:
        return list(self._spo[p].get(s, ()))

    def value(self, s: Node, p: URIRef) -> Node | None:
        waarden = self._spo[p].get(s)
        return waarden[0] if waarden else None

    def __contains__(self, triple: tuple[Node, Node, Node | None]) -> bool:
        s, p, o = triple
        waarden = self._spo[p].get(s, ())
        return bool(waarden) if o is None else o in waarden


def is_literal(term: Node) -> bool:
    return isinstance(term, Literal)
