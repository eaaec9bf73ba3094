"""Fast SHACL validation: the compiled shapes run as SPARQL on a throwaway store.

Why: pyshacl took ~31 s on a werkboek of 10,000 initiatives, more than the
whole budget for "validated, loaded and versioned". The shapes in
``ontologie/shapes.ttl`` are compiled once (``ingest.shacl_compiler``) into
one SELECT per constraint; the data is loaded into an in-memory pyoxigraph
store through ``graaf.store`` (the only module that talks to the engine) and
every query's rows become the same ``Bevinding`` findings pyshacl's results
did: the shape's Dutch message, sheet and row through ``herkomst``, the
column through the property's predicate, the value shortened.
tests/ingest/test_shacl_sparql.py checks the results against pyshacl.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Protocol, Union

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graaf.fouten import Bevinding
from graaf.store import Store
from ingest.contract import BLADEN
from ingest.shacl_compiler import ONGELDIG, Regel, compileer, doelquery

ONTOLOGIE = Path(__file__).resolve().parent.parent / "ontologie"
Triple = tuple[Node, Node, Node]


class NTriples(Protocol):
    """What ingest.omzetten produces: the werkboek's triples as N-Triples bytes."""

    def ntriples(self) -> bytes: ...


Data = Union[Graph, NTriples, bytes, Iterable[Triple]]


@lru_cache(maxsize=1)
def vormen() -> Graph:
    """The shapes graph, parsed once per process."""
    g = Graph()
    g.parse(ONTOLOGIE / "shapes.ttl", format="turtle")
    return g


@lru_cache(maxsize=1)
def regels() -> tuple[Regel, ...]:
    """The compiled shapes, once per process (compiling raises on unsupported SHACL)."""
    return tuple(compileer(vormen()))


def valideer(data: Data, herkomst: dict[URIRef, tuple[str, int]]) -> list[Bevinding]:
    """Every SHACL finding of ``data``, located in the werkboek where possible."""
    uit = [_bevinding(regel, rij, herkomst) for regel, rij in _voer_uit(laad(data))]
    return sorted(uit, key=lambda b: (b.blad or "", b.rij or 0, b.kolom or ""))


def resultaten(data: Data) -> list[tuple[Node, URIRef | None, URIRef, Node | None]]:
    """(focus, path, constraint component, value) of every violation: for tests."""
    return [(rij["focus"], r.pad, r.component,
             rij.get("value", rij["focus"] if r.op_knoop else None))
            for r, rij in _voer_uit(laad(data))]


def _voer_uit(store: Store) -> Iterator[tuple[Regel, dict[str, Node]]]:
    """Every violation row of every rule; a violations query that several shapes
    share (dcterms:source maxCount 1 is in 13 of them) runs only once."""
    groepen: dict[str, list[Regel]] = {}
    for regel in regels():
        groepen.setdefault(regel.schendingen or regel.sparql, []).append(regel)
    for groep in groepen.values():
        if len(groep) == 1:
            yield from ((groep[0], rij) for rij in store.query(groep[0].sparql))
        else:
            yield from _gedeeld(store, groep)


def _gedeeld(store: Store, groep: list[Regel]) -> Iterator[tuple[Regel, dict[str, Node]]]:
    """One run of a shared violations query, each row handed to the shapes whose
    target class it has (once per shape, as pyshacl reports it)."""
    klassen = tuple(sorted({c for r in groep for c in r.doelen}, key=str))
    gezien: set[tuple[int, Node, Node | None]] = set()
    for rij in store.query(doelquery(groep[0].schendingen or "", klassen, doel_erbij=True)):
        for i, regel in enumerate(groep):
            sleutel = (i, rij["focus"], rij.get("value"))
            if rij["doel"] in regel.doelen and sleutel not in gezien:
                gezien.add(sleutel)
                yield regel, {k: v for k, v in rij.items() if k != "doel"}


def laad(data: Data) -> Store:
    """The data in a throwaway in-memory store; N-Triples bytes take the fast bulk path."""
    store = Store()
    if isinstance(data, bytes):
        inhoud: bytes | Iterable[Triple] = data
    elif not isinstance(data, Graph) and hasattr(data, "ntriples"):
        inhoud = data.ntriples()
    else:
        inhoud = _met_markering(data)
    store.nieuwe_versie(inhoud, door="shacl")
    return store


def _met_markering(triples: Iterable[Triple]) -> Iterator[Triple]:
    """The triples, then one marker per literal rdflib found ill-typed.

    rdflib normalises some ill-typed literals to a valid lexical form (e.g.
    "ja"^^xsd:boolean becomes "false"), which the engine cannot see again;
    pyshacl rejects them, so the sh:datatype queries look for these markers.
    """
    ongeldig = []
    for triple in triples:
        o = triple[2]
        if isinstance(o, Literal) and o.ill_typed:
            ongeldig.append(o)
        yield triple
    for o in ongeldig:
        yield ONGELDIG, ONGELDIG, o


def _bevinding(regel: Regel, rij: dict[str, Node],
               herkomst: dict[URIRef, tuple[str, int]]) -> Bevinding:
    """One result as ingest/shacl.py made it from a pyshacl validation result."""
    focus = rij["focus"]
    waarde = rij.get("value", focus if regel.op_knoop else None)
    blad, nr = herkomst.get(focus, (None, None))
    melding = regel.melding if blad is not None else f"{focus}: {regel.melding}"
    return Bevinding(melding, blad, nr, kolomnaam(blad, regel.pad), kort(waarde), regel.ernst)


def kolomnaam(blad_naam: str | None, pad: object) -> str | None:
    """The werkboek column whose predicate is the result path."""
    for blad in BLADEN:
        if blad.naam == blad_naam:
            return next((k.naam for k in blad.kolommen if k.predicaat == pad), None)
    return None


def kort(waarde: object) -> str | None:
    """A value as the user wrote it: an IRI's last segment is the id or code."""
    if waarde is None:
        return None
    s = str(waarde)
    return s.rsplit("/", 1)[-1] if isinstance(waarde, URIRef) else s
