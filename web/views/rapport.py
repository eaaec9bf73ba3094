"""The printable report for the Regionaal Beraad: every overview of the scan, a page each."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from graaf import bevindingen, rapport
from graaf.fouten import ScanFout
from web import doclinks, regio
from web.json_twin import pagina
from web.toegang import versie_voor_bezoeker

bp = Blueprint("rapport", __name__)
doclinks.installeer(bp)


@bp.get("/rapport.json")
@bp.get("/rapport")  # registered first, so url_for gives the HTML page
def index():
    """``?peildatum=YYYY-MM-DD`` as on /bevindingen (an invalid date is a 400 there too)."""
    dag = bevindingen.lees_peildatum(request.args.get("peildatum"))
    kaart = "/netwerk" if "netwerk.index" in current_app.view_functions else None
    gegevens = rapport.rapport(regio.pagina_store(), dag)
    gegevens["versie"] = versie_voor_bezoeker(gegevens["versie"])
    return pagina("rapport.html", **gegevens, _netwerkkaart=kaart, **regio.velden())


@bp.errorhandler(ScanFout)
def _ongeldig(fout: ScanFout):
    """A wrong peildatum: the form again with the message, status 400."""
    return pagina("rapport_fout.html", fout=str(fout),
                  peildatum=request.args.get("peildatum", "")), 400
