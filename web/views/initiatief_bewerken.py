"""``/beheer/initiatief/<id>``: the kwartiermaker fixes one initiative through a form.

Why a form beside the werkboek upload: a typo in a name or one forgotten
doelgroep should not need a download–edit–upload round. The form offers the
columns of the ``initiatieven`` sheet (from the contract: ``graaf.formulier``)
including the links to inspanningen, doelgroepen, sectoren and gemeenten,
and saving goes through the same validation as an upload. The form carries
the version it was read from; saving over a newer version is refused.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from graaf import bewerken, formulier
from web.rollen import vereist_rol
from web.scan import store
from web.views.opslaan import Uitkomst, opslaan

bp = Blueprint("initiatief_bewerken", __name__)
BLAD = "initiatieven"


@bp.get("/beheer/initiatief/<ident>")
@vereist_rol("beheerder")
def formulier_(ident: str) -> Any:
    b = bewerken.open_(store())
    rij = b.rij(BLAD, ident) or abort(404)
    return _toon(ident, rij, b.op_versie, Uitkomst())


@bp.post("/beheer/initiatief/<ident>")
@vereist_rol("beheerder")
def opslaan_(ident: str) -> Any:
    """Save the changed row as a new version, or show the form again with what is wrong."""
    if ident not in {i for i, _ in formulier.keuzes(store()).get(BLAD, [])}:
        abort(404)
    rij: dict[str, object] = {}

    def bouw(b: bewerken.Bewerking) -> dict:
        rij.update(b.rij(BLAD, ident) or {}, **formulier.uit_formulier(BLAD, request.form))
        rij["id"] = ident
        return {(BLAD, b.zet(BLAD, rij)): ""}
    naam = request.form.get("naam") or ident
    uitkomst = opslaan(bouw, "initiatief: bewerken", f"initiatief {ident}",
                       f"Initiatief '{naam}' bewerkt op de site")
    if uitkomst.status != 200:
        return _toon(ident, rij, request.form.get("op_versie", type=int) or 0, uitkomst)
    flash(uitkomst.bericht(f"De wijzigingen in '{naam}' zijn opgeslagen als versie {{versie}}."))
    return redirect(url_for("entiteiten.doc", segment="initiatief", naam=ident), 303)


def _toon(ident: str, rij: dict[str, object], versie: int, uitkomst: Uitkomst) -> Any:
    velden = formulier.velden(BLAD, rij, formulier.keuzes(store()))
    return render_template("initiatief_bewerken.html", id=ident, naam=rij.get("naam") or ident,
                           velden=velden, op_versie=versie, fouten=uitkomst.velden,
                           overig=uitkomst.overig), uitkomst.status
