"""Dashboard: key figures, the top findings, the last version and who made it."""
from __future__ import annotations

from datetime import date

from flask import Blueprint

from graaf import kerncijfers
from web.json_twin import pagina
from web.scan import store

bp = Blueprint("dashboard", __name__)


@bp.get("/index.json")
@bp.get("/")
def index():
    scan = store()
    versie = scan.huidige()
    return pagina("dashboard.html", cijfers=kerncijfers.tel(scan),
                  versie=versie.als_dict(), peildatum=date.today().isoformat())
