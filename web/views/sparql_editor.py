"""The query editor: Yasgui on the scan's own SPARQL endpoint, with the named checks.

The checks the site reports are plain SPARQL in ``graaf/queries/``; showing
them here as saved queries lets an adviser see exactly what a finding means,
change it and run it, instead of trusting a black box. Everything is served
from this site (vendored Yasgui): government networks block CDNs.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from graaf import queries
from graaf.vocab import sparql_prefixes
from web.json_twin import pagina
from web.toegang import mag_persoonsgegevens_zien

bp = Blueprint("sparql_editor", __name__)

#: The SPARQL 1.1 Protocol endpoint the editor talks to (form POST), relative
#: to the site's root so the site works behind a path prefix too.
ENDPOINT_PAD = "/sparql"


#: Predicates that point at persons: hidden from anonymous endpoint users, so a
#: query using them answers differently there than the server-side check.
PERSOONSVERWIJZINGEN = ("scan:trekker", "scan:voorzitter", "scan:Persoon")


def opgeslagen() -> list[dict[str, Any]]:
    """Every saved query as the page and its JSON twin show it."""
    afgeschermd = not mag_persoonsgegevens_zien()
    return [{"code": q.code, "titel": q.titel, "uitleg": q.uitleg, "soort": q.soort,
             "groep": q.groep, "parameters": q.parameters, "sparql": q.sparql,
             "persoonsgegevens_afgeschermd": afgeschermd and any(
                 p in q.sparql for p in PERSOONSVERWIJZINGEN)}
            for q in queries.alle()]


@bp.get("/sparql/editor.json")
@bp.get("/sparql/editor")  # registered first, so url_for gives the HTML page
def index():
    return pagina("sparql_editor.html", queries=opgeslagen(),
                  endpoint=request.script_root + ENDPOINT_PAD, prefixes=sparql_prefixes())
