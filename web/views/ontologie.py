"""The ontology at its namespace URI: ``/def``, its concept schemes and concepts.

``scan:eigenaar`` is ``https://w3id.org/360-scan/def#eigenaar``: a browser
asks for ``/def`` and jumps to ``#eigenaar``, a program asks for Turtle. The
concept URIs (``/def/status/lopend``) answer the same way, so every value a
page or a query shows can be looked up by the URI it carries.
"""
from __future__ import annotations

from flask import Blueprint, abort

from graaf import ontologiepagina as op
from web import onderhandeling as oh
from web.json_twin import pagina

bp = Blueprint("ontologie", __name__)


@bp.get("/def.<achtervoegsel>")
@bp.get("/def/")
@bp.get("/def")  # registered last, so url_for gives /def
def index(achtervoegsel: str | None = None):
    formaat = _formaat(achtervoegsel)
    if formaat in oh.RDF:
        return oh.rdf_antwoord(op.rdf(formaat), formaat)
    return pagina("ontologie.html", **op.overzicht())


@bp.get("/def/<naam>")
def schema(naam: str):
    """A concept scheme (``/def/status``), or the SHACL shapes at ``/def/shapes``."""
    stam, achtervoegsel = oh.splits(naam)
    formaat = _formaat(achtervoegsel)
    if stam == "shapes":
        return _shapes(formaat)
    data = op.schema(stam)
    if data is None:
        return pagina("ontologie_onbekend.html", naam=stam), 404
    if formaat in oh.RDF:
        return oh.rdf_antwoord(op.beschrijving_rdf(data["uri"], formaat), formaat)
    return pagina("ontologie_schema.html", schema=data)


@bp.get("/def/<schema_>/<naam>")
def concept(schema_: str, naam: str):
    """One concept, e.g. ``/def/status/lopend``: label, definition, its scheme."""
    code, achtervoegsel = oh.splits(naam)
    formaat = _formaat(achtervoegsel)
    data = op.concept(schema_, code)
    if data is None:
        return pagina("ontologie_onbekend.html", naam=f"{schema_}/{code}"), 404
    if formaat in oh.RDF:
        return oh.rdf_antwoord(op.beschrijving_rdf(data["uri"], formaat), formaat)
    return pagina("ontologie_begrip.html", begrip=data)


def _shapes(formaat: str):
    """The rules of a valid scan: Turtle as written, or a page that shows it."""
    if formaat in oh.RDF:
        return oh.rdf_antwoord(op.shapes_rdf(formaat), formaat)
    return pagina("ontologie_shapes.html", turtle=op.shapes_turtle().decode("utf-8"))


def _formaat(achtervoegsel: str | None) -> str:
    """The negotiated format; 404 for an unknown suffix, 406 when nothing fits."""
    if achtervoegsel is not None and achtervoegsel not in oh.MEDIATYPEN:
        abort(404)
    formaat = oh.kies(achtervoegsel)
    if formaat is None:
        abort(oh.niet_aanvaardbaar())
    return formaat
