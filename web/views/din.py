"""DIN view: hoofddoel → subdoelen → inspanningen → initiatieven, with coverage and gaps."""
from __future__ import annotations

from flask import Blueprint

from graaf import din
from web import doclinks, regio
from web.json_twin import pagina

bp = Blueprint("din", __name__)
doclinks.installeer(bp)


@bp.get("/din.json")
@bp.get("/din")  # registered first, so url_for gives the HTML page
def index():
    return pagina("din.html", **din.din(regio.pagina_store()), **regio.velden())
