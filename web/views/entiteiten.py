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

from graaf import afweging, entiteit
from graaf.privacy import PERSOONLIJKE_EIGENSCHAPPEN
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
    e = asdict(entiteit.beschrijf(store(), oh.basis(), segment, ident, open_))
    if not open_:
        e["eigenschappen"] = [_afgeschermd(x) for x in e["eigenschappen"]]
    return pagina("entiteit.html", entiteit=e, afweging=_afweging(segment, ident, open_))


def _afgeschermd(eigenschap: dict) -> dict:
    """A personal property's values (the assessor of an afweging) read "(afgeschermd)"."""
    if eigenschap["uri"] not in {str(p) for p in PERSOONLIJKE_EIGENSCHAPPEN}:
        return eigenschap
    return {**eigenschap, "waarden": [{"tekst": entiteit.AFGESCHERMD, "pad": None, "uri": None,
                                       "soort": "", "extern": False}]}


def _afweging(segment: str, ident: str, open_: bool) -> dict | None:
    """Score, advice (with its rule), decision and why, for initiatives and partners: the
    board reads them on the thing's own page. Assessors are numbered for anonymous visitors."""
    data = afweging.van(store(), segment, ident) if segment in afweging.SOORTEN else None
    if data is not None and not open_:
        data["onderwerp"] = afweging.anoniem(data["onderwerp"])
    return data


def _bestaande(segment: str, ident: str) -> URIRef | None:
    """The thing's URI when the current version has it (known segment, known id)."""
    if segment not in entiteit.BLAD_PER_SEGMENT:
        return None
    ding = entiteit.data_uri(oh.basis(), segment, ident)
    return ding if entiteit.bestaat(store(), ding)[0] else None


def _onbekend(segment: str, ident: str):
    """404 in Dutch, saying what was asked for and where to look instead."""
    return pagina("entiteit_onbekend.html", segment=segment, id=ident), 404
