"""``/afwegingskader/<soort>/<id>/scoren``: an adviser scores an onderwerp on every criterion.

Why a form per onderwerp and per assessor: the board wants each adviser's
judgement side by side, so the form shows and changes only the logged-in
adviser's own scores; the others' stay as they are. The assessor and the
date are not asked: they are the account and today, so nobody can score in
someone else's name. Saving makes a new version (``web.views.opslaan``).
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from graaf import afweging, afweging_invoer as invoer, bewerken
from web.accounts import huidige_gebruiker
from web.rollen import vereist_rol
from web.scan import store
from web.views.opslaan import Uitkomst, onderwerp, opslaan

bp = Blueprint("afweging_score", __name__)
SCORES = [("", "geen score"), ("0", "0: draagt niet bij"), ("1", "1: draagt een beetje bij"),
          ("2", "2: draagt grotendeels bij"), ("3", "3: draagt volledig bij")]


@bp.get("/afwegingskader/<soort>/<ident>/scoren")
@vereist_rol("adviseur")
def formulier(soort: str, ident: str) -> Any:
    """The form, filled with this adviser's current scores."""
    o = onderwerp(soort, ident)
    mijn = afweging.scores_van(store(), soort, ident, huidige_gebruiker().naam)
    waarden = {c: {"score": str(int(float(r["score"]))), "toelichting": r.get("toelichting", "")}
               for c, r in mijn.items()}
    return _toon(o, waarden, Uitkomst())


@bp.post("/afwegingskader/<soort>/<ident>/scoren")
@vereist_rol("adviseur")
def opslaan_(soort: str, ident: str) -> Any:
    """Save the scores as a new version, or show the form again with what is wrong."""
    o = onderwerp(soort, ident)
    naam = huidige_gebruiker().naam
    ids = [c["criterium"]["id"] for c in o["criteria"]]
    scores = [invoer.Score(c, request.form.get(f"score-{c}", ""),
                           request.form.get(f"toelichting-{c}", "")) for c in ids]

    def bouw(b: bewerken.Bewerking) -> dict:
        rijen = invoer.zet_scores(b, ident, naam, scores, bewerken.vandaag(),
                                  f"Gescoord op de site in scanversie {b.op_versie + 1}")
        return {("afwegingen", nr): c for nr, c in rijen.items()}
    uitkomst = opslaan(bouw, "afweging: scoren", f"{soort} {ident}", f"Scores op {o['naam']}")
    if uitkomst.status != 200:
        waarden = {s.criterium: {"score": s.score, "toelichting": s.toelichting} for s in scores}
        return _toon(o, waarden, uitkomst)
    flash(uitkomst.bericht("Uw scores zijn opgeslagen als versie {versie}."))
    return redirect(url_for("afwegingskader.onderwerp", soort=soort, ident=ident), 303)


def _toon(o: dict[str, Any], waarden: dict[str, dict[str, str]], uitkomst: Uitkomst) -> Any:
    return render_template("afweging_scoren.html", onderwerp=o, waarden=waarden, scores=SCORES,
                           fouten=uitkomst.velden, overig=uitkomst.overig), uitkomst.status
