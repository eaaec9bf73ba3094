"""Dutch names and site paths of the terms the scan uses: classes, properties, concepts.

The entity pages, the search results and the ontology page all show a URI as
words a board member reads ("eigenaar", "lopend") and link it to its page on
this site. The words come from the ontology itself (``ontologie/scan.ttl``
rdfs:label@nl, ``schemas.ttl`` skos:prefLabel@nl), so renaming a term in the
ontology renames it on every page; only the reused standard terms, which the
ontology deliberately does not redeclare, get their Dutch name here or from
the werkboek contract's column names.
"""
from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS
from rdflib.term import Node

from graaf.ontologiedoc import ONTOLOGIE
from graaf.vocab import DEF, KOLOM, SCAN
from ingest.contract import BLAD_PER_KLASSE, BLADEN

#: Reused terms without a column of their own in the contract.
VASTE_LABELS: dict[str, str] = {
    str(DCTERMS.identifier): "id",
    str(RDF.type): "soort ding",
}

#: How an incoming link reads on the page of the thing it points to
#: ("Gemeente Hilversum — eigenaar van: …"); the default says which property.
OMGEKEERD: dict[str, str] = {
    str(SCAN.eigenaar): "eigenaar van",
    str(SCAN.partner): "partner in",
    str(SCAN.financier): "financier van",
    str(SCAN.trekker): "trekker van",
    str(SCAN.voorzitter): "voorzitter van",
    str(ORG.hasMember): "lid van",
    str(ORG.memberOf): "personen van deze organisatie",
    str(SCAN.werkgebied): "in het werkgebied van",
    str(SCAN.realiseert): "gerealiseerd door",
    str(SCAN.draagtBijAan): "inspanningen die hieraan bijdragen",
    str(SCAN.bovenliggendDoel): "subdoelen",
    str(SKOS.broader): "smallere groepen",
    str(SCAN.opgave): "doelen bij deze opgave",
    str(SCAN.doelgroep): "gericht op deze doelgroep",
    str(SCAN.sector): "in deze sector",
    str(SCAN.opgegaanIn): "hierin opgegaan",
    str(SCAN.onderwerp): "afwegingen en besluiten hierover",
    str(SCAN.criterium): "afwegingen op dit criterium",
    str(SCAN.gremium): "besluiten van dit gremium",
}


@cache
def ontologie() -> Graph:
    """scan.ttl and schemas.ttl in one graph, parsed once per process."""
    g = Graph()
    for naam in ("scan.ttl", "schemas.ttl"):
        g.parse(ONTOLOGIE / naam, format="turtle")
    return g


def _nl(g: Graph, s: URIRef, *predicaten: URIRef) -> str:
    """The Dutch (else any) value of the first predicate that has one."""
    for p in predicaten:
        waarden = sorted(g.objects(s, p), key=str)
        nl = [w for w in waarden if isinstance(w, Literal) and w.language == "nl"]
        if nl or waarden:
            return str((nl or waarden)[0])
    return ""


@cache
def _kolomlabels() -> dict[str, str]:
    """Predicate → werkboek column name (Dutch), for reused terms like dcterms:source."""
    labels: dict[str, str] = {}
    for blad in BLADEN:
        for k in blad.kolommen:
            labels.setdefault(str(k.predicaat), k.naam.replace("_", " "))
    return labels


def label(uri: str) -> str:
    """The Dutch name of a term of the ontology, a concept or a reused property."""
    tekst = _nl(ontologie(), URIRef(uri), RDFS.label, SKOS.prefLabel)
    if tekst:
        return tekst
    if uri.startswith(str(KOLOM)):
        return uri[len(str(KOLOM)):].replace("_", " ")
    staart = uri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return VASTE_LABELS.get(uri) or _kolomlabels().get(uri) or staart


def omgekeerd_label(uri: str) -> str:
    """How an incoming link of this property is headed on the target's page."""
    return OMGEKEERD.get(uri) or f"verwijst hiernaar als {label(uri)}"


def klasse(uri: str) -> tuple[str, str] | None:
    """(Dutch name, werkboek segment) of a scan class; None for other classes."""
    blad = BLAD_PER_KLASSE.get(URIRef(uri))
    return (label(uri), blad.segment) if blad else None


def pad(uri: str, base: str) -> str | None:
    """Where this site shows a URI: ``/doc/…`` for data, ``/def…`` for the ontology."""
    data = f"{base.rstrip('/')}/id/"
    if uri.startswith(data):
        return "/doc/" + uri[len(data):]
    if uri.startswith(str(SCAN)):
        return "/def#" + uri[len(str(SCAN)):]
    if uri.startswith(DEF) and "#" not in uri:
        return "/def/" + uri[len(DEF):]
    return None


def is_concept(term: Node) -> bool:
    """A value from a fixed concept scheme (status, soort …), labelled by the ontology."""
    return isinstance(term, URIRef) and str(term).startswith(DEF) and "#" not in str(term)
