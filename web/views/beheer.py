"""``/beheer/…``: pages for the beheerder only; for now the audit log.

Why the audit log is a page: the beheerder must be able to answer "who
changed this, and who tried to log in as me?" without shell access.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request

from web.json_twin import pagina
from web.rollen import vereist_rol

bp = Blueprint("beheer", __name__)
PER_PAGINA = 50


@bp.get("/beheer/audit.json")
@bp.get("/beheer/audit")  # registered first, so url_for gives the HTML page
@vereist_rol("beheerder")
def audit() -> Any:
    nummer = max(1, request.args.get("pagina", 1, type=int) or 1)
    regels, totaal = current_app.extensions["audit"].lees(nummer, PER_PAGINA)
    paginas = max(1, -(-totaal // PER_PAGINA))
    return pagina("beheer_audit.html", regels=regels, totaal=totaal, pagina=nummer,
                  paginas=paginas, per_pagina=PER_PAGINA)
