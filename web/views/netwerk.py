"""Network map: partners and initiatives, filtered, with central partners, clusters, ego view."""
from __future__ import annotations

from flask import Blueprint, request
from flask.typing import ResponseReturnValue

from graaf.netwerkkaart import Filters
from web import doclinks, netwerkkaart, regio
from web.json_twin import pagina

bp = Blueprint("netwerk", __name__)
doclinks.installeer(bp)


@bp.get("/netwerk.json")
@bp.get("/netwerk")  # registered first, so url_for gives the HTML page
def index() -> ResponseReturnValue:
    """Filters are GET arguments, so a filtered map is a link one can share or bookmark."""
    filters = Filters.uit(request.args.to_dict(), request.args.getlist("status"))
    data = netwerkkaart.pagina_data(regio.pagina_store(alle_mag=True), filters, doclinks.doc_pad)
    return pagina("netwerk.html", **data, _ego_basis=netwerkkaart.ego_basis(filters),
                  **regio.velden(alle_mag=True))
