"""The printable report for the Regionaal Beraad: every overview of the scan, a page each."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from graaf import bevindingen, rapport
from graaf.fouten import ScanFout
from web import doclinks
from web.json_twin import pagina
from web.scan import store

bp = Blueprint("rapport", __name__)
doclinks.installeer(bp)


@bp.get("/rapport.json")
@bp.get("/rapport")  # registered first, so url_for gives the HTML page
def index():
    """``?peildatum=YYYY-MM-DD`` as on /bevindingen (an invalid date is a 400 there too)."""
    dag = bevindingen.lees_peildatum(request.args.get("peildatum"))
    kaart = "/netwerk" if "netwerk.index" in current_app.view_functions else None
    return pagina("rapport.html", **rapport.rapport(store(), dag), _netwerkkaart=kaart)


@bp.errorhandler(ScanFout)
def _ongeldig(fout: ScanFout):
    """A wrong peildatum: the form again with the message, status 400."""
    return pagina("rapport_fout.html", fout=str(fout),
                  peildatum=request.args.get("peildatum", "")), 400
