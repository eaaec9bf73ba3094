"""Findings pages: every named check with its findings, per group and one page per check.

The JSON twin is exactly the checks' output of ontwerp §5 (the per-check twin
adds the check's description), so an adviser's script and the page agree.
"""
from __future__ import annotations

from flask import Blueprint, request

from graaf import bevindingen, checks
from graaf.fouten import ScanFout
from web import doclinks, regio
from web.json_twin import pagina

bp = Blueprint("bevindingen", __name__)
doclinks.installeer(bp)


@bp.errorhandler(ScanFout)
def _ongeldig(fout: ScanFout):
    """A wrong peildatum: the page again with the form and the message, status 400."""
    return pagina("bevindingen.html", fout=str(fout), peildatum=request.args.get("peildatum", ""),
                  _groepen=[], _checks=checks.CHECKS), 400


@bp.get("/bevindingen.json")
@bp.get("/bevindingen")  # registered first, so url_for gives the HTML page
def index():
    """``?peildatum=YYYY-MM-DD`` sets the reference date (default today)."""
    dag = bevindingen.lees_peildatum(request.args.get("peildatum"))
    data = bevindingen.overzicht(regio.pagina_store(), dag)
    return pagina("bevindingen.html", **data["resultaat"], _groepen=data["groepen"],
                  _checks=checks.CHECKS, **regio.velden())


@bp.get("/bevindingen/<code>.json")
@bp.get("/bevindingen/<code>")
def check(code: str):
    """One check; an unknown code is a Dutch 404 listing the valid ones."""
    if code not in checks.VOLGORDE:
        return pagina("bevinding_onbekend.html", fout=f"Er is geen controle '{code}'.",
                      checks=[{"code": c, "titel": t} for c, t in checks.CHECKS]), 404
    dag = bevindingen.lees_peildatum(request.args.get("peildatum"))
    data = bevindingen.overzicht(regio.pagina_store(), dag, [code])
    return pagina("bevinding.html", **data["resultaat"], check=bevindingen.metadata(code),
                  _groep=data["groepen"][0], **regio.velden())
