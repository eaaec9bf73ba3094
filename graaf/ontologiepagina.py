"""The ontology at its own URI: what ``/def``, ``/def/{schema}`` and ``/def/{schema}/{code}`` show.

The namespace ``https://w3id.org/360-scan/def#`` and the concept URIs must
dereference (ontwerp §6), to a page people read and to Turtle programs load.
The page is built from the same Turtle files with the same helpers as
``docs/ontologie.md`` (``graaf.ontologiedoc``), so the site, the document
and the validator cannot disagree. Everything here is small and fixed per
release, so it is parsed once and rdflib is fast enough to serialise it.
"""
from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from graaf import ontologiedoc as od
from graaf.vocab import DEF, PREFIXES, SCAN, SH

#: rdflib serialiser names per format code.
_RDFLIB = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@cache
def grafen() -> tuple[Graph, Graph, Graph]:
    """(scan.ttl, schemas.ttl, shapes.ttl), parsed once per process."""
    return od._laad(od.ONTOLOGIE)


@cache
def _samen() -> Graph:
    """The ontology and its concept schemes as one graph (for N-Triples and JSON-LD)."""
    ont, sch, _ = grafen()
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    for t in (*ont, *sch):
        g.add(t)
    return g


def rdf(formaat: str) -> bytes:
    """``/def`` as RDF: Turtle is scan.ttl + schemas.ttl as written (comments kept)."""
    if formaat == "ttl":
        return b"\n".join((od.ONTOLOGIE / n).read_bytes() for n in ("scan.ttl", "schemas.ttl"))
    return _samen().serialize(format=_RDFLIB[formaat], encoding="utf-8")


def shapes_turtle() -> bytes:
    """The SHACL shapes (the rules of a valid scan), as written."""
    return (od.ONTOLOGIE / "shapes.ttl").read_bytes()


def shapes_rdf(formaat: str) -> bytes:
    """The shapes in any RDF format (Turtle as written)."""
    if formaat == "ttl":
        return shapes_turtle()
    return grafen()[2].serialize(format=_RDFLIB[formaat], encoding="utf-8")


def _gewoon(tekst: str) -> str:
    """ontologiedoc writes Markdown code spans; the HTML page shows plain text."""
    return tekst.replace("`", "")


def _anker(uri: Node) -> str | None:
    """The fragment of a scan: term, which is also its id on the page."""
    tekst = str(uri)
    return tekst[len(str(SCAN)):] if tekst.startswith(str(SCAN)) else None


@cache
def overzicht() -> dict:
    """Everything the ontology page shows (and its JSON twin), in reading order."""
    ont, sch, shapes = grafen()
    kop = od.ONTOLOGIE_URI
    return {
        "titel": od._tekst(ont, kop, URIRef("http://purl.org/dc/terms/title")),
        "beschrijving": od._tekst(ont, kop, URIRef("http://purl.org/dc/terms/description")),
        "namespace": str(SCAN), "versie": od._tekst(ont, kop, OWL.versionInfo),
        "licentie": str(ont.value(kop, URIRef("http://purl.org/dc/terms/license")) or ""),
        "klassen": [_klasse(ont, shapes, k) for k in od._klassen(ont, shapes)],
        "eigenschappen": _eigenschappen(ont),
        "vaste_waarden": [{"id": _anker(i), "curie": od._curie(i),
                           "label": od._tekst(ont, i, RDFS.label),
                           "uitleg": od._tekst(ont, i, RDFS.comment)}
                          for i in od._scan_termen(ont, OWL.NamedIndividual)],
        "schemas": [schema(str(s)[len(DEF):]) for s in _schemas(sch)],
        "hergebruikt": _hergebruik(ont, shapes),
    }


def _klasse(ont: Graph, shapes: Graph, klasse: URIRef) -> dict:
    """One class: meaning, superclasses, its werkboek columns and the rules on them."""
    kolommen = []
    for ps in od._property_shapes(shapes, klasse):
        pad = shapes.value(ps, SH.path)
        kolommen.append({"kolom": str(shapes.value(ps, SH.name)), "eigenschap": od._curie(pad),
                         "anker": _anker(pad), "waarde": _gewoon(od._waarde(ont, shapes, ps)),
                         "aantal": od._aantal(shapes, ps)})
    return {"id": _anker(klasse), "curie": od._curie(klasse),
            "label": od._tekst(ont, klasse, RDFS.label),
            "uitleg": od._tekst(ont, klasse, RDFS.comment),
            "is_een": sorted(od._curie(s) for s in ont.objects(klasse, RDFS.subClassOf)),
            "kolommen": kolommen, "regels": od._regels(shapes, klasse)}


def _eigenschappen(ont: Graph) -> list[dict]:
    """Every scan: property with its Dutch name, meaning, domain and range in words."""
    props = od._scan_termen(ont, OWL.ObjectProperty) + od._scan_termen(ont, OWL.DatatypeProperty)
    uit = []
    for p in sorted(props):
        domein, bereik = ont.value(p, RDFS.domain), ont.value(p, RDFS.range)
        uit.append({"id": _anker(p), "curie": od._curie(p), "label": od._tekst(ont, p, RDFS.label),
                    "uitleg": od._tekst(ont, p, RDFS.comment),
                    "bij": _gewoon(od._klasse_tekst(ont, domein)) if domein is not None else "",
                    "waarde": _gewoon(od._klasse_tekst(ont, bereik)) if bereik is not None else ""})
    return uit


def _schemas(sch: Graph) -> list[URIRef]:
    return sorted(s for s in sch.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef))


def _hergebruik(ont: Graph, shapes: Graph) -> list[dict]:
    """Standard vocabularies the scan reuses, with the terms it uses from each."""
    gebruikt: set[Node] = set(shapes.objects(None, SH.path))
    gebruikt |= set(shapes.objects(None, SH["class"]))
    for p in (RDFS.subClassOf, RDFS.domain, RDFS.range):
        gebruikt |= set(ont.objects(None, p))
    uit = []
    for prefix, naam in od.HERGEBRUIK.items():
        ns = PREFIXES[prefix]
        termen_ = sorted(od._curie(t) for t in gebruikt
                         if isinstance(t, URIRef) and str(t).startswith(ns))
        if termen_:
            uit.append({"naam": naam, "prefix": prefix, "namespace": ns, "termen": termen_})
    return uit


def schema(naam: str) -> dict | None:
    """A concept scheme (``status``, ``rol`` …) with its codes; None when unknown."""
    _, sch, _ = grafen()
    uri = URIRef(DEF + naam)
    if (uri, RDF.type, SKOS.ConceptScheme) not in sch:
        return None
    concepten = sorted(sch.subjects(SKOS.inScheme, uri),
                       key=lambda c: str(sch.value(c, SKOS.notation)))
    return {"id": f"schema-{naam}", "naam": naam, "uri": str(uri), "pad": f"/def/{naam}",
            "label": od._tekst(sch, uri, SKOS.prefLabel),
            "definitie": od._tekst(sch, uri, SKOS.definition),
            "concepten": [_concept_kort(sch, c) for c in concepten]}


def _concept_kort(sch: Graph, c: Node) -> dict:
    lopend = sch.value(c, SCAN.teltAlsLopend)
    return {"code": str(sch.value(c, SKOS.notation)), "uri": str(c),
            "pad": "/def/" + str(c)[len(DEF):], "label": od._tekst(sch, c, SKOS.prefLabel),
            "definitie": od._tekst(sch, c, SKOS.definition),
            "telt_als_lopend": bool(isinstance(lopend, Literal) and lopend.toPython() is True)}


def concept(naam: str, code: str) -> dict | None:
    """One concept (``/def/status/lopend``) with its scheme; None when unknown."""
    _, sch, _ = grafen()
    uri = URIRef(f"{DEF}{naam}/{code}")
    if (uri, RDF.type, SKOS.Concept) not in sch:
        return None
    return {**_concept_kort(sch, uri), "schema": schema(naam)}


def beschrijving_rdf(uri: str, formaat: str) -> bytes:
    """The triples about one scheme or concept (its CBD in schemas.ttl)."""
    _, sch, _ = grafen()
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    for t in sch.triples((URIRef(uri), None, None)):
        g.add(t)
    return g.serialize(format=_RDFLIB[formaat], encoding="utf-8")
