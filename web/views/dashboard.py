"""Dashboard: key figures, the top findings, the last version and who made it."""
from __future__ import annotations

from flask import Blueprint

from graaf import bevindingen, checks, kerncijfers, regios
from web import regio
from web.json_twin import pagina
from web.scan import store
from web.toegang import versie_voor_bezoeker

bp = Blueprint("dashboard", __name__)


@bp.get("/index.json")
@bp.get("/")
def index():
    """The checks run on every visit, so the counts are those of /bevindingen today.

    With several regions: the chosen region's figures, plus one light table of
    all regions (counts only, one remembered query) to compare and switch.
    """
    scan = regio.pagina_store()
    versie = scan.huidige()
    samen = bevindingen.samenvatting(checks.draai(scan))
    keuze = regio.velden()
    if keuze:
        keuze["regios"] = [{k: v for k, v in r.items() if k != "uri"} for r in regios.lijst(store())]
    return pagina("dashboard.html", cijfers=kerncijfers.tel(scan), versie=versie_voor_bezoeker(versie.als_dict()),
                  peildatum=samen["peildatum"], bevindingen=samen, **keuze)
