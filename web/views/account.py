"""``/inloggen`` and ``/uitloggen``: session login for the kwartiermaker, advisers and readers.

Why the session is cleared on login: nothing from before (an anonymous
CSRF token, an earlier account) carries over into the new session. Why the
limit is checked before the password: a locked-out guesser must not learn
that the next guess was right.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for

from web.accounts import audit, client_ip, gebruikers, huidige_gebruiker
from web.inlogslot import Inlogslot
from web.rollen import vereist_rol

bp = Blueprint("account", __name__)
FOUT = "Gebruikersnaam of wachtwoord klopt niet."


def inlogslot() -> Inlogslot:
    app = current_app
    if "inlogslot" not in app.extensions:
        app.extensions["inlogslot"] = Inlogslot(int(app.config.get("INLOG_MAX_POGINGEN", 5)),
                                                float(app.config.get("INLOG_VENSTER", 900)))
    return app.extensions["inlogslot"]


def veilig_doel(doel: str | None) -> str:
    """Only a path on this site (no ``//host`` or ``/\\host``): no open redirect."""
    if doel and doel.startswith("/") and not doel.startswith(("//", "/\\")):
        return doel
    return url_for("dashboard.index")


def _formulier(status: int = 200, fout: str | None = None, naam: str = "") -> Any:
    g.geen_cache = True  # the page carries a CSRF token bound to this browser
    return render_template("inloggen.html", fout=fout, naam=naam,
                           volgende=request.values.get("volgende", "")), status


def _te_vaak(naam: str, wacht: int) -> Any:
    audit("inloggen", wat=f"gebruiker {naam}" if gebruikers().zoek(naam) else
          "onbekende gebruikersnaam", resultaat="geblokkeerd (te veel pogingen)")
    minuten = max(1, (wacht + 59) // 60)
    antwoord = _formulier(429, f"Te veel mislukte pogingen. Probeer het over {minuten} "
                          f"minuten opnieuw.", naam)
    return antwoord[0], 429, {"Retry-After": str(wacht)}


@bp.route("/inloggen", methods=["GET", "POST"])
def inloggen() -> Any:
    if request.method == "GET":
        return _formulier()
    naam, ip = request.form.get("gebruikersnaam", "").strip()[:64], client_ip()
    if wacht := inlogslot().wacht(naam, ip):
        return _te_vaak(naam, wacht)
    gebruiker = gebruikers().controleer(naam, request.form.get("wachtwoord", ""))
    if gebruiker is None:
        inlogslot().mislukt(naam, ip)
        bekend = gebruikers().zoek(naam) is not None  # never log what may be a password
        audit("inloggen", wat=f"gebruiker {naam}" if bekend else "onbekende gebruikersnaam",
              resultaat="mislukt")
        return _formulier(401, FOUT, naam)
    inlogslot().gelukt(naam, ip)
    session.clear()
    session.permanent = True
    session["gebruiker"] = gebruiker.naam
    g.gebruiker = gebruiker
    audit("inloggen", wat=f"gebruiker {gebruiker.naam}")
    return redirect(veilig_doel(request.form.get("volgende")), 303)


@bp.post("/uitloggen")
@vereist_rol("lezer")
def uitloggen() -> Any:
    audit("uitloggen", wat=f"gebruiker {huidige_gebruiker().naam}")  # type: ignore[union-attr]
    session.clear()
    return redirect(url_for("dashboard.index"), 303)
