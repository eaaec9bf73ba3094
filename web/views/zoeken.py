"""Search: ``/zoeken?q=…`` over the names and descriptions of everything in the scan.

The board and advisers look things up by what they are called, not by id;
results link to the page of each thing and are grouped by kind so "UWV"
shows the organisation apart from the initiatives that mention it.
"""
from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, request

from graaf import zoeken
from web import onderhandeling as oh
from web.json_twin import pagina
from web.scan import store
from web.toegang import mag_persoonsgegevens_zien

bp = Blueprint("zoeken", __name__)
#: Longer questions are cut: nobody types more, and it bounds the work per request.
MAX_VRAAG = 200


@bp.get("/zoeken.json")
@bp.get("/zoeken")  # registered first, so url_for gives the HTML page
def index():
    vraag = " ".join(request.args.get("q", "").split())[:MAX_VRAAG]
    uitkomst = zoeken.zoek(store(), vraag, oh.basis(), mag_persoonsgegevens_zien())
    groepen = [asdict(g) for g in uitkomst["groepen"]]
    return pagina("zoeken.html", q=vraag, totaal=uitkomst["totaal"],
                  getoond=uitkomst["getoond"], groepen=groepen)
