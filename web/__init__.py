"""The site: ``create_app(config)`` builds a Flask app over one opened scan store.

Config comes from defaults, then an instance file (``instance/graaf.cfg``),
then ``GRAAF_*`` environment variables, then the ``config`` argument (tests).
The store is opened once per app (the embedded engine allows one writer
process) and shared by all request threads.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask

STANDAARD: dict[str, Any] = {
    "SECRET_KEY": None,            # set in instance file or GRAAF_SECRET_KEY
    "STORE": None,                 # folder or sparql+http(s)://… server; None → GRAAF_STORE
    "STORE_GEBRUIKER": None,       # the SPARQL server's account (docs/opslag.md); never logged
    "STORE_WACHTWOORD": None,
    "STORE_IN_GEHEUGEN": False,    # tests: an in-memory store with the example scan
    "SPARQL_TIJDSLIMIET": 10.0,    # seconds; a request may lower it, never raise it
    "SPARQL_MAX_RIJEN": 10000,     # rows; idem
    "PERSOONSGEGEVENS_OPENBAAR": False,
    "MAX_CONTENT_LENGTH": 20 * 1024 * 1024,
    "UPLOAD_BEWAARTIJD": 2 * 3600,  # seconds an unconfirmed upload preview is kept (web/upload.py)
    "TLS": False,                  # served over HTTPS: session cookie gets the Secure flag
    "PROXY_AANTAL": 0,             # reverse proxies in front (X-Forwarded-For → client IP)
    "GEBRUIKERS": None,            # accounts file; None → <store>/gebruikers.sqlite
    "AUDITLOG": None,              # audit log; None → <store>/audit.jsonl
    "INLOG_MAX_POGINGEN": 5,       # failed logins per name and address …
    "INLOG_VENSTER": 15 * 60,      # … within this many seconds, then 429
    # web/beveiliging.py, web/views/securitytxt.py, web/sparql/grens.py, web/logboek.py
    "HSTS_MAX_AGE": 365 * 24 * 3600,  # Strict-Transport-Security, only when TLS is set
    "BEVEILIGING_CONTACT": None,   # security.txt Contact (mailto:/https:); None → no file
    "BEVEILIGING_VERLOOPT": None,  # security.txt Expires (ISO date); None → start + 180 d
    "SPARQL_BUDGET": 600,          # queries per client (IP) per window, then 429 …
    "SPARQL_BUDGET_VENSTER": 60,   # … window in seconds (a token bucket refilling evenly)
    "SPARQL_GELIJKTIJDIG": None,   # queries at once per client, then 429; None → workers − 1
    "LOGBOEK": None,               # JSON-lines log of writes and refusals; None → stderr
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(STANDAARD)
    app.config.from_pyfile("graaf.cfg", silent=True)
    app.config.from_prefixed_env("GRAAF")
    app.config.update(config or {})
    if not app.config["SECRET_KEY"]:
        import secrets

        app.config["SECRET_KEY"] = secrets.token_hex(32)
        app.logger.warning("Geen SECRET_KEY ingesteld: sessies gelden tot een herstart.")
    _open_store(app)
    if app.config["PROXY_AANTAL"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = int(app.config["PROXY_AANTAL"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n)  # type: ignore[method-assign]
    from web import routes

    routes.registreer(app)
    return app


def _open_store(app: Flask) -> None:
    from graaf.scan import VOORBEELD, laad, open_scan
    from graaf.store import Store

    if app.config["STORE_IN_GEHEUGEN"]:
        store = Store()
        laad(store, VOORBEELD, door="graaf (voorbeeldscan)")
    else:
        store = open_scan(app.config["STORE"], gebruiker=app.config["STORE_GEBRUIKER"],
                          wachtwoord=app.config["STORE_WACHTWOORD"])
    app.extensions["scan"] = store
    logging.getLogger("graaf").info("Scan geopend: versie %s", store.huidige().nummer)
