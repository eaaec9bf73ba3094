"""Afwegingskader: criteria, the advice rule, the ranking, and one onderwerp's assessment.

Read-only for now; the forms for scoring (adviseur) and recording a besluit
(beheerder) come as separate write routes with ``vereist_rol``.
"""
from __future__ import annotations

from flask import Blueprint

from graaf import afweging
from web import doclinks
from web.json_twin import pagina
from web.scan import store
from web.toegang import mag_persoonsgegevens_zien

bp = Blueprint("afwegingskader", __name__)
doclinks.installeer(bp)


@bp.get("/afwegingskader.json")
@bp.get("/afwegingskader")  # registered first, so url_for gives the HTML page
def index():
    """The ranking carries each onderwerp's assessors: numbered for anonymous visitors."""
    data = afweging.lees(store())
    if not mag_persoonsgegevens_zien():
        data["rangorde"] = [afweging.anoniem(o) for o in data["rangorde"]]
    return pagina("afwegingskader.html", **data)


@bp.get("/afwegingskader/<soort>/<ident>.json")
@bp.get("/afwegingskader/<soort>/<ident>")
def onderwerp(soort: str, ident: str):
    """Assessors' names are personal data: anonymous visitors see them numbered."""
    data = afweging.van(store(), soort, ident) if soort in afweging.SOORTEN else None
    if data is None:
        tekst = f"Er is geen initiatief of organisatie met het id {ident} in deze scan."
        return pagina("fout.html", titel="Niet gevonden", tekst=tekst), 404
    if not mag_persoonsgegevens_zien():
        data["onderwerp"] = afweging.anoniem(data["onderwerp"])
    return pagina("afweging.html", **data)
