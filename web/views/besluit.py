"""``/afwegingskader/<soort>/<id>/besluit``: the beheerder records the RB's decision.

Why a motivation is required here although the werkboek allows none: the
board's page shows per onderwerp "advice, decision and why"; a decision
recorded on the site without its why would leave that last column empty.
Who recorded it and when is the new version's provenance (author, time)
and the besluit's ``bron`` names that version, so both survive an export.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from graaf import afweging, afweging_invoer as invoer, bewerken, formulier
from web.accounts import huidige_gebruiker
from web.rollen import vereist_rol
from web.scan import store
from web.views.opslaan import Uitkomst, fout, onderwerp, opslaan

bp = Blueprint("besluit", __name__)
VELDEN = ("besluit", "datum", "gremium", "toelichting")


@bp.get("/afwegingskader/<soort>/<ident>/besluit")
@vereist_rol("beheerder")
def formulier_(soort: str, ident: str) -> Any:
    """The form; the date defaults to today and the gremium to the RB when the scan has one."""
    o = onderwerp(soort, ident)
    rb = next((i for i, n in formulier.keuzes(store()).get("gremia", [])
               if n.casefold() == "regionaal beraad"), "")
    return _toon(o, {"datum": bewerken.vandaag(), "gremium": rb}, Uitkomst())


@bp.post("/afwegingskader/<soort>/<ident>/besluit")
@vereist_rol("beheerder")
def opslaan_(soort: str, ident: str) -> Any:
    """Add the decision as a new version, or show the form again with what is wrong."""
    o = onderwerp(soort, ident)
    waarden = {k: (request.form.get(k) or "").strip() for k in VELDEN}
    if not waarden["toelichting"]:
        return _toon(o, waarden, fout("Geef de motivering van het besluit: waarom besloot "
                                      "het Beraad zo?", "toelichting"))

    def bouw(b: bewerken.Bewerking) -> dict:
        nr = invoer.zet_besluit(b, ident, waarden["besluit"], waarden["datum"],
                                waarden["gremium"], waarden["toelichting"],
                                afweging.VASTGELEGD.format(b.op_versie + 1))
        return {("besluiten", nr): ""}
    wat = f"{soort} {ident}: {waarden['besluit']} ({waarden['datum']})"
    uitkomst = opslaan(bouw, "afweging: besluit", wat, f"Besluit over {o['naam']} vastgelegd")
    if uitkomst.status != 200:
        return _toon(o, waarden, uitkomst)
    flash(uitkomst.bericht("Het besluit is vastgelegd als versie {versie}."))
    return redirect(url_for("afwegingskader.onderwerp", soort=soort, ident=ident), 303)


def _toon(o: dict[str, Any], waarden: dict[str, str], uitkomst: Uitkomst) -> Any:
    keuzes = {"besluit": formulier.enum_opties("besluit"),
              "gremium": formulier.keuzes(store()).get("gremia", [])}
    return render_template("besluit.html", onderwerp=o, waarden=waarden, keuzes=keuzes,
                           fouten=uitkomst.velden, overig=uitkomst.overig,
                           gebruiker_naam=huidige_gebruiker().naam), uitkomst.status
