"""``/beheer/upload``: load a changed werkboek — validate, preview the changes, confirm.

Why three steps: a werkboek with errors must never become a version, and
a valid one should only be written once the beheerder has seen exactly
what will change. Nothing is written before the confirm; the confirm is
refused when the scan changed after the preview (two beheerders at once).
Also here: restoring an earlier version and downloading the current scan.
"""
from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, send_file,
                   url_for)
from werkzeug.exceptions import RequestEntityTooLarge

from graaf import export
from graaf import verschil as vs
from graaf.fouten import ScanFout, ScanGewijzigd
from web import upload as up
from web.accounts import audit, huidige_gebruiker
from web.rollen import vereist_rol
from web.scan import store

bp = Blueprint("upload", __name__)
VERLOPEN = ("Dit voorbeeld bestaat niet meer: het is al bevestigd of geannuleerd, of het is "
            "verlopen. Laad het werkboek opnieuw.")


@bp.get("/beheer/upload")
@vereist_rol("beheerder")
def formulier() -> Any:
    """The form; a plain multipart POST so it works without JavaScript."""
    return render_template("upload.html")


@bp.post("/beheer/upload")
@vereist_rol("beheerder")
def laden() -> Any:
    """Save and validate; show the findings (nothing written) or the preview."""
    bestand = request.files.get("bestand")
    naam = (bestand.filename if bestand else "") or ""
    try:
        if bestand is None or not naam:
            raise ScanFout("Kies eerst een bestand om te laden.")
        up.ruim_op()
        upload = up.bewaar(bestand, huidige_gebruiker().naam, request.form.get("notitie", ""),
                           store().huidige().nummer)
    except ScanFout as e:
        return _geweigerd(naam, e.melding, [], 400)
    try:
        resultaat = up.valideer(upload)
    except ScanFout as e:
        up.verwijder(upload)
        return _geweigerd(naam, e.melding, e.bevindingen, 422)
    if resultaat.fouten:
        up.verwijder(upload)
        return _geweigerd(naam, "Het werkboek bevat fouten. Er is niets gewijzigd.",
                          resultaat.bevindingen, 422)
    verschil = vs.verschil_grafen(store().graaf(upload.op_versie), resultaat.graaf)
    audit("upload: voorbeeld", wat=naam, resultaat="gelukt (nog niet bevestigd)")
    return render_template("upload_voorbeeld.html", upload=upload, titel=vs.titel(verschil),
                           **vs.als_dict(verschil))


def _geweigerd(naam: str, melding: str, bevindingen: list, status: int) -> Any:
    """The validation report: the same row-level findings as the CLI, nothing written."""
    fouten = sum(1 for b in bevindingen if b.ernst == "fout")
    audit("upload", wat=naam, resultaat=f"geweigerd: {melding} ({fouten} fouten)")
    return render_template("upload_rapport.html", naam=naam, melding=melding,
                           bevindingen=bevindingen), status


@bp.post("/beheer/upload/<token>/bevestig")
@vereist_rol("beheerder")
def bevestig(token: str) -> Any:
    """Write the previewed upload as a new version, unless the scan changed meanwhile."""
    upload = up.zoek(token, huidige_gebruiker().naam)
    resultaat = up.resultaat(upload) if upload else None
    if upload is None or resultaat is None:
        return render_template("fout.html", titel="Niet geladen", tekst=VERLOPEN), 404
    try:
        versie = store().nieuwe_versie(
            resultaat.ntriples(), door=upload.door, notitie=upload.notitie,
            bronbestand=upload.bestandsnaam, op_versie=upload.op_versie)
    except ScanGewijzigd:
        tekst = "De scan is intussen gewijzigd; laad het werkboek opnieuw."
        audit("upload: bevestigen", wat=upload.bestandsnaam, resultaat=f"geweigerd: {tekst}")
        return render_template("fout.html", titel="Niet geladen", tekst=tekst), 409
    finally:
        up.verwijder(upload)  # a token works once, whatever the outcome
    audit("upload: bevestigen", wat=f"{upload.bestandsnaam} → versie {versie.nummer}")
    flash(f"Versie {versie.nummer} is geladen.")
    return redirect(url_for("dashboard.index"), 303)


@bp.post("/beheer/upload/<token>/annuleer")
@vereist_rol("beheerder")
def annuleer(token: str) -> Any:
    """Drop the saved upload at once rather than leave a werkboek lying around."""
    upload = up.zoek(token, huidige_gebruiker().naam)
    if upload is not None:
        up.verwijder(upload)
    audit("upload: geannuleerd", wat=upload.bestandsnaam if upload else None)
    flash("Het laden is geannuleerd; er is niets gewijzigd.")
    return redirect(url_for(".formulier"), 303)


@bp.post("/beheer/herstel/<int:nummer>")
@vereist_rol("beheerder")
def herstel(nummer: int) -> Any:
    """Make an earlier version current again, as a new version (history is kept)."""
    if nummer not in {v.nummer for v in store().versies()}:
        abort(404)
    versie = store().herstel(nummer, door=huidige_gebruiker().naam)
    audit("herstel", wat=f"versie {nummer} → versie {versie.nummer}")
    flash(f"Versie {nummer} is hersteld als versie {versie.nummer}.")
    return redirect(url_for("versies.index"), 303)


@bp.get("/beheer/download.xlsx")
@vereist_rol("lezer")
def download() -> Any:
    """The current scan as a werkboek; formula-like cells are written as text."""
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "scan.xlsx"
        export.schrijf_xlsx(export.naar_rijen(store().graaf()), pad)
        inhoud = pad.read_bytes()
    return send_file(BytesIO(inhoud), download_name=f"scan-v{store().huidige().nummer}.xlsx",
                     as_attachment=True, mimetype="application/vnd.openxmlformats-"
                     "officedocument.spreadsheetml.sheet")


@bp.app_errorhandler(RequestEntityTooLarge)
def te_groot(fout: RequestEntityTooLarge) -> Any:
    """413 in Dutch, with the cap, instead of Werkzeug's English page."""
    mb = (current_app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024)
    tekst = f"Het bestand is te groot: de grens is {mb} MB. Er is niets gewijzigd."
    return render_template("fout.html", titel="Bestand te groot", tekst=tekst), 413
