"""Overlap page: initiatives that do the same side by side, and which partners meet most."""
from __future__ import annotations

from flask import Blueprint

from graaf import overlap
from web import doclinks, regio
from web.json_twin import pagina

bp = Blueprint("overlap", __name__)
doclinks.installeer(bp)


@bp.get("/overlap.json")
@bp.get("/overlap")  # registered first, so url_for gives the HTML page
def index():
    return pagina("overlap.html", **overlap.overlap(regio.pagina_store()), **regio.velden())
