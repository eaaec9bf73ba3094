"""SHACL validation of a converted werkboek, reported in werkboek terms.

The shapes in ``ontologie/shapes.ttl`` are the formal statement of a valid
scan (also for Turtle input, which has no rows); results are mapped back to
sheet, row and column through the subject's origin and the column's predicate.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graaf.fouten import Bevinding
from graaf.vocab import SH
from ingest.contract import BLADEN

ONTOLOGIE = Path(__file__).resolve().parent.parent / "ontologie"


@lru_cache(maxsize=1)
def vormen() -> Graph:
    g = Graph()
    g.parse(ONTOLOGIE / "shapes.ttl", format="turtle")
    return g


def _kolomnaam(blad_naam: str | None, pad: object) -> str | None:
    for blad in BLADEN:
        if blad.naam == blad_naam:
            return next((k.naam for k in blad.kolommen if k.predicaat == pad), None)
    return None


def valideer(data: Graph, herkomst: dict[URIRef, tuple[str, int]]) -> list[Bevinding]:
    from pyshacl import validate

    conform, rapport, _ = validate(data, shacl_graph=vormen(), inference="none",
                                   advanced=True, allow_warnings=True)
    if conform:
        return []
    uit = []
    for r in rapport.subjects(RDF.type, SH.ValidationResult):
        focus = rapport.value(r, SH.focusNode)
        pad = rapport.value(r, SH.resultPath)
        waarde = rapport.value(r, SH.value)
        blad, rij = herkomst.get(focus, (None, None))
        melding = _melding(rapport, r)
        if blad is None:
            melding = f"{focus}: {melding}"
        ernst = "fout" if rapport.value(r, SH.resultSeverity) == SH.Violation else "let-op"
        uit.append(Bevinding(melding, blad, rij, _kolomnaam(blad, pad),
                             _kort(waarde), ernst))
    return sorted(uit, key=lambda b: (b.blad or "", b.rij or 0, b.kolom or ""))


def _melding(rapport: Graph, r: object) -> str:
    berichten = list(rapport.objects(r, SH.resultMessage))
    nl = [m for m in berichten if getattr(m, "language", None) == "nl"]
    return str((nl or berichten or ["Voldoet niet aan de regels van de scan."])[0])


def _kort(waarde: object) -> str | None:
    if waarde is None:
        return None
    s = str(waarde)
    return s.rsplit("/", 1)[-1] if isinstance(waarde, URIRef) else s
