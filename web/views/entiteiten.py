"""A page per thing: ``/id/{segment}/{id}`` is the thing, ``/doc/{segment}/{id}`` its page.

Why two paths (W3C "Cool URIs for the Semantic Web", 303 pattern): the URI
in the data names an organisation or an initiative, not a web page, so it
answers 303 See Other to the document about it, in the format the client
asked for. The document negotiates HTML (people), Turtle, JSON-LD and
N-Triples (programs) and the JSON twin every page has.
"""
from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, redirect, url_for
from rdflib import URIRef

from graaf import entiteit
from web import onderhandeling as oh
from web.json_twin import pagina
from web.scan import store
from web.toegang import mag_persoonsgegevens_zien

bp = Blueprint("entiteiten", __name__)


@bp.get("/id/<segment>/<ident>")
def uri(segment: str, ident: str):
    """The thing itself: 303 to its document, keeping the negotiated format."""
    formaat = oh.kies()
    if formaat is None:
        return oh.niet_aanvaardbaar()
    if _bestaande(segment, ident) is None:
        return _onbekend(segment, ident)
    doel = ident if formaat == "html" else f"{ident}.{formaat}"
    return redirect(url_for(".doc", segment=segment, naam=doel), code=303)


@bp.get("/doc/<segment>/<naam>")
def doc(segment: str, naam: str):
    """The document about a thing: HTML, JSON twin, or its RDF description."""
    ident, achtervoegsel = oh.splits(naam)
    formaat = oh.kies(achtervoegsel)
    if formaat is None:
        return oh.niet_aanvaardbaar()
    ding = _bestaande(segment, ident)
    if ding is None:
        return _onbekend(segment, ident)
    open_ = mag_persoonsgegevens_zien()
    if formaat in oh.RDF:
        return oh.rdf_antwoord(entiteit.rdf(store(), ding, formaat, open_), formaat)
    e = entiteit.beschrijf(store(), oh.basis(), segment, ident, open_)
    return pagina("entiteit.html", entiteit=asdict(e))


def _bestaande(segment: str, ident: str) -> URIRef | None:
    """The thing's URI when the current version has it (known segment, known id)."""
    if segment not in entiteit.BLAD_PER_SEGMENT:
        return None
    ding = entiteit.data_uri(oh.basis(), segment, ident)
    return ding if entiteit.bestaat(store(), ding)[0] else None


def _onbekend(segment: str, ident: str):
    """404 in Dutch, saying what was asked for and where to look instead."""
    return pagina("entiteit_onbekend.html", segment=segment, id=ident), 404
