"""An RDF scan without regions gets the default region, as a one-region werkboek does.

Why: the checks and pages work per region (``scan:regio``); a Turtle scan
written before regions existed, or by hand, would otherwise pass validation
and then show no findings at all. A werkboek without a ``regios`` sheet is
one region (ingest.omzetten); an RDF scan without any ``scan:Regio`` is
treated the same way, with the same configured id and name.
"""
from __future__ import annotations

import os

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from graaf.vocab import HELE_REGIO, SCAN, concept
from ingest.contract import BLAD, BLADEN, STANDAARD_REGIO
from ingest.omzetten import uri


def vul_aan(g: Graph, base: str) -> URIRef | None:
    """Add the default region to ``g`` if it has none; returns its IRI (None: left alone)."""
    if (None, RDF.type, SCAN.Regio) in g:
        return None
    id_ = os.environ.get("GRAAF_REGIO_ID") or STANDAARD_REGIO[0]
    naam = os.environ.get("GRAAF_REGIO_NAAM") or STANDAARD_REGIO[1]
    regio = uri(base, BLAD["regios"], id_)
    for t in ((regio, RDF.type, SCAN.Regio), (regio, DCTERMS.identifier, Literal(id_)),
              (regio, RDFS.label, Literal(naam))):
        g.add(t)
    gemeente = URIRef(concept("organisatiesoort", "gemeente"))
    for blad in BLADEN:
        if blad.naam == "regios" or blad.kolom("regio") is None:
            continue
        for s in set(g.subjects(RDF.type, blad.klasse)):
            if blad.naam == "organisaties" and (s, SCAN.soort, gemeente) not in g:
                continue  # national organisations (UWV, SBB) belong to no single region
            if (s, SCAN.regio, None) not in g:
                g.add((s, SCAN.regio, regio))
    for s, p in list(g.subject_predicates(HELE_REGIO)):  # the old 'whole region' value
        g.remove((s, p, HELE_REGIO))
        g.add((s, p, regio))
    return regio
