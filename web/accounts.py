"""Accounts in the site: who is logged in, CSRF, cache headers and the audit of writes.

Why the account is looked up on every request instead of trusted from the
cookie: Flask's session is a signed cookie that cannot be revoked, so a
removed account or a lowered role must take effect on the next request;
one SQLite lookup per request is cheap. Why every write is audited in an
``after_request`` hook: a write route added later is logged without anyone
remembering to; views may log a more specific entry and mark it done.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from flask import Flask, Response, current_app, g, jsonify, render_template, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect

from graaf.audit import Auditlog, audit_pad
from graaf.gebruikers import Gebruiker, Gebruikers, gebruikers_pad
from web.json_twin import wil_json

SCHRIJVEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: The read-only SPARQL 1.1 Protocol endpoint: clients POST queries without a token.
ZONDER_CSRF = frozenset({"/sparql"})
csrf = CSRFProtect()


def sessie_instellingen(tls: bool) -> dict[str, object]:
    """Cookie flags: not readable by scripts, not sent on cross-site POSTs, HTTPS-only
    when the deployment has TLS; a signed cookie older than 8 hours is refused."""
    return {"SESSION_COOKIE_HTTPONLY": True, "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": bool(tls), "SESSION_COOKIE_NAME": "graaf_sessie",
            "PERMANENT_SESSION_LIFETIME": timedelta(hours=8)}


def _map(app: Flask) -> Path:
    """The store folder; for the in-memory store a temp folder that lives as long as the process."""
    pad = app.extensions["scan"].pad
    if pad is None:
        pad = Path(tempfile.mkdtemp(prefix="graaf-accounts-"))
        atexit.register(shutil.rmtree, pad, ignore_errors=True)
    return Path(pad)


def installeer(app: Flask) -> None:
    """Open the accounts file and the audit log; register CSRF and the hooks."""
    app.config.update(sessie_instellingen(app.config.get("TLS", False)))
    map_ = _map(app)
    app.extensions["gebruikers"] = Gebruikers(app.config.get("GEBRUIKERS") or
                                              gebruikers_pad(map_))
    app.extensions["audit"] = Auditlog(app.config.get("AUDITLOG") or audit_pad(map_))
    app.before_request(_laad_gebruiker)  # before the CSRF check: refusals name the user
    csrf.init_app(app)
    app.after_request(_na_verzoek)
    app.register_error_handler(CSRFError, _csrf_fout)
    app.context_processor(lambda: {"gebruiker": huidige_gebruiker()})


def gebruikers() -> Gebruikers:
    return current_app.extensions["gebruikers"]


def huidige_gebruiker() -> Gebruiker | None:
    return g.get("gebruiker")


def client_ip() -> str:
    """The client's address as the WSGI server saw it (behind a proxy: see PROXY_AANTAL)."""
    return request.remote_addr or "onbekend"


def audit(actie: str, wat: str | None = None, resultaat: str = "gelukt",
          wie: Gebruiker | None = None) -> None:
    """Log one entry for this request (by default as the logged-in user) and mark it done."""
    wie = wie or huidige_gebruiker()
    current_app.extensions["audit"].schrijf(
        actie, wie=wie.naam if wie else None, rol=wie.rol if wie else None,
        wat=wat, van=client_ip(), resultaat=resultaat)
    g.geaudit = True


def _laad_gebruiker() -> None:
    """Set ``g.gebruiker`` from the session; an account gone from the file logs out."""
    naam = session.get("gebruiker")
    if naam is None or request.endpoint == "static":
        return
    gebruiker = gebruikers().zoek(naam)
    if gebruiker is None:
        session.clear()
    g.gebruiker = gebruiker


def _na_verzoek(antwoord: Response) -> Response:
    """No caching of anything a logged-in user sees; every write leaves an audit entry."""
    if huidige_gebruiker() is not None or g.get("geen_cache"):
        antwoord.headers["Cache-Control"] = "private, no-store"
    if (request.method in SCHRIJVEN and request.path not in ZONDER_CSRF
            and not g.get("geaudit")):
        resultaat = "gelukt" if antwoord.status_code < 400 else "geweigerd"
        audit(f"{request.method} {request.path}",
              resultaat=f"{resultaat} ({antwoord.status_code})")
    return antwoord


def _csrf_fout(fout: CSRFError) -> tuple[Response | str, int]:
    """A write without a valid token: refused with a Dutch explanation (400)."""
    tekst = ("Dit formulier is verlopen of niet van deze site afkomstig (CSRF-controle). "
             "Laad de pagina opnieuw en probeer het nog eens.")
    if wil_json():
        return jsonify({"fout": tekst}), 400
    return render_template("fout.html", titel="Verzoek geweigerd", tekst=tekst), 400
