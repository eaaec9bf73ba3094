"""Coverage matrices: subdoel × doelgroep, doelgroep × gemeente, sector × subdoel."""
from __future__ import annotations

from flask import Blueprint, request

from graaf import dekking
from web import doclinks, regio
from web.json_twin import pagina

bp = Blueprint("dekking", __name__)
doclinks.installeer(bp)


@bp.get("/dekking.json")
@bp.get("/dekking")  # registered first, so url_for gives the HTML page
def index():
    """``?maat=`` picks the sector figure the third table is weighed by (an eenheid)."""
    return pagina("dekking.html", **dekking.alle(regio.pagina_store(), request.args.get("maat")),
                  **regio.velden())
