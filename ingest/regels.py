"""Rules across cells of one row or across rows, checked on the converted graph.

Cell-level problems are found while converting (``ingest.omzetten``); these
are the rules that need more than one cell, each reported at the cell the
user should change.
"""
from __future__ import annotations

import re

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from graaf.vocab import SCAN, concept
from ingest.ntriples import Triples
from ingest.omzetten import Omzetting

GEMEENTE = URIRef(concept("organisatiesoort", "gemeente"))
OPGEGAAN = URIRef(concept("status", "opgegaan-in"))
SUBDOEL = URIRef(concept("doelsoort", "subdoel"))
HOOFDDOEL = URIRef(concept("doelsoort", "hoofddoel"))


def controleer(uit: Omzetting) -> None:
    for regel in (_werkgebied_is_gemeente, _opgegaan_in, _indicator_een_onderwerp,
                  _gemeente_cbs_code, _doelboom, _start_voor_eind, _geen_kringen):
        regel(uit.graaf, uit)


def _plek(uit: Omzetting, s: URIRef) -> tuple[str, int]:
    return uit.herkomst.get(s, (None, None))


def _id(g: Triples, s: URIRef) -> str:
    return str(s).rsplit("/", 1)[-1]


def _werkgebied_is_gemeente(g: Triples, uit: Omzetting) -> None:
    for s, o in g.subject_objects(SCAN.werkgebied):
        if (o, RDF.type, SCAN.Regio) not in g and (o, SCAN.soort, GEMEENTE) not in g:
            uit.fout(f"'{_id(g, o)}' is geen gemeente. Gebruik het id van een gemeente "
                     "(soort 'gemeente' in blad organisaties) of 'regio'.",
                     *_plek(uit, s), "werkgebied", _id(g, o))


def _opgegaan_in(g: Triples, uit: Omzetting) -> None:
    for s in g.subjects(SCAN.status, OPGEGAAN):
        if (s, SCAN.opgegaanIn, None) not in g:
            uit.fout("Status 'opgegaan-in' vraagt om het id van het initiatief waarin het "
                     "is opgegaan, in kolom opgegaan_in.", *_plek(uit, s), "opgegaan_in")
    for s, o in g.subject_objects(SCAN.opgegaanIn):
        if (s, SCAN.status, OPGEGAAN) not in g:
            uit.fout("Kolom opgegaan_in is alleen voor status 'opgegaan-in'. Pas de status "
                     "aan of maak deze cel leeg.", *_plek(uit, s), "opgegaan_in", _id(g, o))
        if s == o:
            uit.fout("Een initiatief kan niet in zichzelf opgaan.", *_plek(uit, s),
                     "opgegaan_in", _id(g, o))


def _indicator_een_onderwerp(g: Triples, uit: Omzetting) -> None:
    for s in g.subjects(RDF.type, SCAN.Indicator):
        if (s, SCAN.sector, None) in g and (s, SCAN.doelgroep, None) in g:
            uit.fout("Een indicator gaat over een sector óf over een doelgroep, niet over "
                     "allebei: maak één van de twee cellen leeg (beide leeg = de hele "
                     "regio).", *_plek(uit, s), "doelgroep")


def _gemeente_cbs_code(g: Triples, uit: Omzetting) -> None:
    for s in g.subjects(SCAN.soort, GEMEENTE):
        code = g.value(s, SCAN.cbsCode)
        if code is None or not re.fullmatch(r"GM\d{4}", str(code)):
            uit.fout("Een gemeente heeft een CBS-code van de vorm GM gevolgd door vier "
                     "cijfers, bijvoorbeeld GM0402 (Hilversum).", *_plek(uit, s),
                     "cbs_code", code)


def _doelboom(g: Triples, uit: Omzetting) -> None:
    for s in g.subjects(SCAN.soort, SUBDOEL):
        if (s, SCAN.bovenliggendDoel, None) not in g:
            uit.fout("Een subdoel hoort onder een ander doel: vul het id van het "
                     "bovenliggende doel in.", *_plek(uit, s), "bovenliggend")
    for s in g.subjects(SCAN.soort, HOOFDDOEL):
        if (s, SCAN.bovenliggendDoel, None) in g:
            uit.fout("Een hoofddoel heeft geen bovenliggend doel: maak deze cel leeg of "
                     "maak er een subdoel van.", *_plek(uit, s), "bovenliggend")


def _start_voor_eind(g: Triples, uit: Omzetting) -> None:
    for s, eind in g.subject_objects(SCAN.eind):
        start = g.value(s, SCAN.start)
        if start is not None and str(eind) < str(start):
            uit.fout(f"De einddatum ligt vóór de startdatum ({start}). Controleer beide "
                     "datums.", *_plek(uit, s), "eind", str(eind))


def _geen_kringen(g: Triples, uit: Omzetting) -> None:
    """A bovenliggend chain that returns to itself would make 'narrower' meaningless."""
    for p in (SCAN.bovenliggendDoel, SKOS.broader):
        ouder = dict(g.subject_objects(p))
        for start in ouder:
            gezien, x = {start}, ouder.get(start)
            while x is not None and x not in gezien:
                gezien.add(x)
                x = ouder.get(x)
            if x == start:
                uit.fout("Kring in 'bovenliggend': deze rij ligt (via andere rijen) onder "
                         "zichzelf. Kies een ander bovenliggend id.", *_plek(uit, start),
                         "bovenliggend", _id(g, ouder[start]))
