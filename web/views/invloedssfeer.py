"""Invloedssfeer view: the lopend initiatives in rings eigen / partner / omgeving around the RWC."""
from __future__ import annotations

from flask import Blueprint

from graaf import invloedssfeer
from web import doclinks
from web.json_twin import pagina
from web.scan import store

bp = Blueprint("invloedssfeer", __name__)
doclinks.installeer(bp)


@bp.get("/invloedssfeer.json")
@bp.get("/invloedssfeer")  # registered first, so url_for gives the HTML page
def index():
    data = invloedssfeer.invloedssfeer(store())
    return pagina("invloedssfeer.html", **data, _tekening=invloedssfeer.tekening(data["ringen"]))
