"""Dashboard: key figures, the top findings, the last version and who made it."""
from __future__ import annotations

from flask import Blueprint

from graaf import bevindingen, checks, kerncijfers
from web.json_twin import pagina
from web.scan import store

bp = Blueprint("dashboard", __name__)


@bp.get("/index.json")
@bp.get("/")
def index():
    """The checks run on every visit, so the counts are those of /bevindingen today."""
    scan = store()
    versie = scan.huidige()
    samen = bevindingen.samenvatting(checks.draai(scan))
    return pagina("dashboard.html", cijfers=kerncijfers.tel(scan),
                  versie=versie.als_dict(), peildatum=samen["peildatum"], bevindingen=samen)
