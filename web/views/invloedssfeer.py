"""Invloedssfeer view: the lopend initiatives in rings eigen / partner / omgeving around the RWC."""
from __future__ import annotations

from flask import Blueprint

from graaf import invloedssfeer
from web import doclinks, regio
from web.json_twin import pagina

bp = Blueprint("invloedssfeer", __name__)
doclinks.installeer(bp)


@bp.get("/invloedssfeer.json")
@bp.get("/invloedssfeer")  # registered first, so url_for gives the HTML page
def index():
    data = dict(invloedssfeer.invloedssfeer(regio.pagina_store()), **regio.velden())
    return pagina("invloedssfeer.html", **data, _tekening=invloedssfeer.tekening(data["ringen"]))
