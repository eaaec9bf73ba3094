"""The history of the scan: every version, and what changed between any two.

Read-only pages (GET only): comparing is reading. Restoring and uploading
write and belong to the beheer pages. Personal data in a change list (the
personen sheet, trekker, voorzitter) is shown only to visitors who may see
it (``web.toegang``), the same rule as every other page.
"""
from __future__ import annotations

from flask import Blueprint, Response, redirect, request, url_for

from graaf import verschil as vs
from web.json_twin import pagina
from web.scan import store
from web.toegang import mag_persoonsgegevens_zien, versie_voor_bezoeker

bp = Blueprint("versies", __name__)


@bp.get("/versies.json")
@bp.get("/versies")  # registered first, so url_for gives the HTML page
def index():
    """The list; the compare form (GET) lands here and is sent on to the diff page."""
    van, naar = request.args.get("van", type=int), request.args.get("naar", type=int)
    if van is not None and naar is not None:
        return redirect(url_for(".verschil", van=van, naar=naar))
    lijst = [versie_voor_bezoeker(v.als_dict()) for v in reversed(store().versies())]
    return pagina("versies.html", versies=lijst, huidig=lijst[0]["nummer"] if lijst else None)


@bp.get("/versies/<int:van>/<int:naar>.json")
@bp.get("/versies/<int:van>/<int:naar>")
def verschil(van: int, naar: int):
    """The readable change list from ``van`` to ``naar``; 404 in Dutch for a wrong number."""
    v = _verschil(van, naar)
    if v is None:
        return pagina("versie_onbekend.html", van=van, naar=naar), 404
    return pagina("verschil.html", titel=vs.titel(v), **vs.als_dict(v))


@bp.get("/versies/<int:van>/<int:naar>.csv")
def verschil_csv(van: int, naar: int):
    """The change list as a download: one row per change."""
    v = _verschil(van, naar)
    if v is None:
        return pagina("versie_onbekend.html", van=van, naar=naar), 404
    return Response(vs.als_csv(v), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="verschil-v{van}-v{naar}.csv"'})


def _verschil(van: int, naar: int) -> vs.Verschil | None:
    """The diff as this visitor may see it, or None when a version does not exist."""
    if {van, naar} - {v.nummer for v in store().versies()}:
        return None
    v = vs.verschil(store(), van, naar)
    return v if mag_persoonsgegevens_zien() else vs.afgeschermd(v)
