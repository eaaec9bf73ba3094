"""Which region a page shows when several regions share the graph (ontwerp §7).

A Regionaal Beraad steers its own region, so with several regions every
overview page shows ONE region: ``?regio=ID`` picks it (and is remembered in
the session), otherwise the last one picked, otherwise the configured
default (``REGIO`` in the app config or ``GRAAF_REGIO``), otherwise the first
by name. The network map is the exception: partners such as UWV and SBB
cross region borders, so until a region is chosen it shows all regions
(``?regio=alle``, never remembered). With one region nothing changes: no
selector, no extra JSON keys, the pages read the whole scan as before.
"""
from __future__ import annotations

import os

from flask import abort, current_app, request, session

from graaf import regios, regioweergave
from web.scan import store

SESSIE = "regio"
ALLE = {"id": "alle", "naam": "Alle regio’s"}


def gekozen(alle_mag: bool = False) -> dict | None:
    """The region of this request (id, naam, counts); None when there is nothing to choose."""
    scan = store()
    lijst = regios.lijst(scan)
    if len(lijst) <= 1:
        return None
    if current_app.config.get("REGIO_OPWARMEN", True):
        regioweergave.warm_op(scan)
    per_id = {r["id"]: r for r in lijst}
    vraag = request.args.get("regio")
    if vraag == ALLE["id"] and alle_mag:
        return ALLE
    if vraag:
        if vraag not in per_id:
            abort(404, f"Er is geen regio '{vraag}'. Kies een regio uit de lijst.")
        session[SESSIE] = vraag
        return per_id[vraag]
    standaard = current_app.config.get("REGIO") or os.environ.get("GRAAF_REGIO")
    for kandidaat in (session.get(SESSIE), standaard):
        if kandidaat in per_id:
            return per_id[kandidaat]
    return lijst[0]  # 'alle' only when asked for: a region's board starts on its region


def pagina_store(alle_mag: bool = False):
    """What a region page reads: the chosen region's view, or the whole scan."""
    regio = gekozen(alle_mag)
    if regio is None or regio is ALLE:
        return store()
    return regioweergave.weergave(store(), regio["id"])


def velden(alle_mag: bool = False) -> dict:
    """Template and JSON data for the selector: ``regio`` and ``regios``, or nothing."""
    regio = gekozen(alle_mag)
    if regio is None:
        return {}
    keuzes = [{"id": r["id"], "naam": r["naam"]} for r in regios.lijst(store())]
    return {"regio": {"id": regio["id"], "naam": regio["naam"]},
            "regios": ([dict(ALLE)] if alle_mag else []) + keuzes}
