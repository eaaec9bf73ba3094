"""``/beheer/criteria``: the beheerder adds, changes and removes the afwegingskader's criteria.

Why in the graph and editable here: the criteria and their weights are the
RB's own choice and will change as the afwegingskader is agreed; keeping
them as rows of the scan means every change is a version (who, when, what
the weights were at the RB of 7 May). Removing a criterion removes the
scores given on it too — the form says how many — since a score on a
criterion that no longer exists cannot count.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from graaf import afweging, afweging_invoer as invoer, bewerken
from graaf.rijen import rijen
from web.json_twin import pagina
from web.rollen import vereist_rol
from web.scan import store
from web.views.opslaan import Uitkomst, fout, opslaan

bp = Blueprint("criteria", __name__)
NIEUW = "nieuw"


def _lijst() -> list[dict[str, Any]]:
    """The criteria, each with how many scores rest on it."""
    tellen = Counter(r["criterium"] for r in rijen(store(), "afweging-scores"))
    return [dict(c, scores=tellen[c["id"]]) for c in
            afweging.criteria_uit(rijen(store(), "afweging-criteria"))]


@bp.get("/beheer/criteria.json")
@bp.get("/beheer/criteria")  # registered first, so url_for gives the HTML page
@vereist_rol("beheerder")
def index() -> Any:
    return pagina("criteria.html", criteria=_lijst())


@bp.get("/beheer/criteria/<ident>")
@vereist_rol("beheerder")
def formulier(ident: str) -> Any:
    """Edit one criterion, or ``nieuw``: an empty form."""
    if ident == NIEUW:
        return _toon(None, {"naam": "", "gewicht": "1", "beschrijving": ""}, Uitkomst())
    c = next((c for c in _lijst() if c["id"] == ident), None) or abort(404)
    return _toon(c, {"naam": c["naam"], "gewicht": f"{c['gewicht']:g}",
                     "beschrijving": c["beschrijving"]}, Uitkomst())


@bp.post("/beheer/criteria/<ident>")
@vereist_rol("beheerder")
def opslaan_(ident: str) -> Any:
    """Save a new or changed criterion as a version; messages on the form otherwise."""
    c = None if ident == NIEUW else next((c for c in _lijst() if c["id"] == ident), None)
    if ident != NIEUW and c is None:
        abort(404)
    waarden = {k: (request.form.get(k) or "").strip() for k in ("naam", "gewicht", "beschrijving")}
    if not waarden["naam"]:
        return _toon(c, waarden, fout("Geef het criterium een naam.", "naam"))
    stam = ident if c else bewerken.maak_slug(waarden["naam"]) or "criterium"

    def bouw(b: bewerken.Bewerking) -> dict:
        id_ = stam if c else b.vrij_id("criteria", stam)
        nr = invoer.zet_criterium(b, id_, waarden["naam"], waarden["gewicht"],
                                  waarden["beschrijving"])
        return {("criteria", nr): ""}
    uitkomst = opslaan(bouw, "criteria: opslaan", f"criterium {stam}",
                       f"Criterium '{waarden['naam']}' {'gewijzigd' if c else 'toegevoegd'}")
    if uitkomst.status != 200:
        return _toon(c, waarden, uitkomst)
    naam = waarden["naam"]
    flash(uitkomst.bericht(f"Het criterium '{naam}' is opgeslagen als versie {{versie}}."))
    return redirect(url_for(".index"), 303)


@bp.post("/beheer/criteria/<ident>/verwijder")
@vereist_rol("beheerder")
def verwijder(ident: str) -> Any:
    """Remove a criterion and its scores as a new version."""
    c = next((c for c in _lijst() if c["id"] == ident), None) or abort(404)

    def bouw(b: bewerken.Bewerking) -> dict:
        invoer.verwijder_criterium(b, ident)
        return {}
    uitkomst = opslaan(bouw, "criteria: verwijderen", f"criterium {ident}",
                       f"Criterium '{c['naam']}' verwijderd, met zijn scores")
    if uitkomst.status != 200:
        return _toon(c, {"naam": c["naam"], "gewicht": f"{c['gewicht']:g}",
                         "beschrijving": c["beschrijving"]}, uitkomst)
    flash(uitkomst.bericht(f"Het criterium '{c['naam']}' is verwijderd (versie {{versie}})."))
    return redirect(url_for(".index"), 303)


def _toon(c: dict[str, Any] | None, waarden: dict[str, str], uitkomst: Uitkomst) -> Any:
    return render_template("criterium.html", criterium=c, waarden=waarden, fouten=uitkomst.velden,
                           overig=uitkomst.overig, op_versie=store().huidige().nummer,
                           nieuw=NIEUW), uitkomst.status
