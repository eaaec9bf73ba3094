"""Structured log of the site: one JSON line per write, refusal and SPARQL query.

Why: the deployment's log collection must answer "who tried what, from
where, and what came of it" without grepping free text. Why an allowlist of
fields, again (as ``graaf.audit``): a log that takes whatever a request
carries will one day take a password, a session cookie or a CSRF token.
Only these are written: time, event, user and role, method, route (the URL
rule, not the raw path: tokens in paths stay out), the route's non-secret
arguments, status, result, reason, duration and the client's address. Never
headers, cookies, form fields, query strings or query text.

Anonymous visitors' addresses are shortened (IPv4 to /24, IPv6 to /48): an
IP address is personal data (AVG), and a /24 still shows where a flood
comes from. Logged-in users act under their name, so their address is kept
whole, as in the audit log.

Which requests: every write (POST/PUT/PATCH/DELETE, the read-only
``/sparql`` excepted), every answer with status 400 or higher (401/403,
404, 405, 409, 413, 422, 429, 503, CSRF refusals, which say ``reden:
csrf``), and every SPARQL query (``gebeurtenis: query``). Where the lines
go: config ``LOGBOEK`` (a file, appended), else stderr.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import re
import sys
import time
from datetime import datetime, timezone
from typing import Any

from flask import Flask, Response, current_app, g, request

SCHRIJVEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LEZEN_VIA_POST = frozenset({"/sparql"})
VELDEN = ("tijd", "niveau", "gebeurtenis", "wie", "rol", "methode", "route", "argumenten",
          "status", "resultaat", "reden", "duur_ms", "van")
#: Route arguments whose value may be a capability (an upload token): never logged.
GEHEIME_ARGUMENTEN = re.compile(r"token|sleutel|geheim|wachtwoord|csrf|sessie", re.I)
MAX_TEKST = 200


class JsonOpmaak(logging.Formatter):
    """A record as one JSON object on one line, with only the allowlisted fields."""

    def format(self, record: logging.LogRecord) -> str:
        regel: dict[str, Any] = {
            "tijd": datetime.fromtimestamp(record.created, timezone.utc)
            .isoformat(timespec="milliseconds"),
            "niveau": record.levelname.lower(), "gebeurtenis": record.getMessage()}
        for veld in VELDEN[3:]:
            waarde = getattr(record, veld, None)
            if waarde is not None:
                regel[veld] = waarde
        return json.dumps(regel, ensure_ascii=False)


class _Stderr(logging.StreamHandler):
    """stderr as it is at each write (test runners and daemons swap it)."""

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _waarde) -> None:  # noqa: ANN001
        pass


def maak_logger(doel: str | None) -> logging.Logger:
    """This app's own logger (not the global tree: several apps in one process keep
    apart); ``doel`` a file to append to, else stderr."""
    logger = logging.Logger("graaf.logboek", logging.INFO)
    handler: logging.Handler = (logging.FileHandler(doel, encoding="utf-8") if doel
                                else _Stderr())
    handler.setFormatter(JsonOpmaak())
    logger.addHandler(handler)
    logger.propagate = False
    return logger


def installeer(app: Flask) -> None:
    app.extensions["logboek"] = maak_logger(app.config.get("LOGBOEK"))
    app.before_request(_begin)
    app.after_request(_na_verzoek)


def _begin() -> None:
    g.logboek_start = time.monotonic()


def kort_ip(adres: str | None) -> str | None:
    """IPv4 as its /24, IPv6 as its /48 (an IPv4-mapped IPv6 address as IPv4)."""
    if not adres:
        return None
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return "onbekend"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    lengte = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{lengte}", strict=False))


def reden(tekst: str) -> None:
    """Name why this request is refused (``te-veel-queries``, …) for its log line."""
    g.logboek_reden = tekst


def _gebeurtenis(antwoord: Response) -> str | None:
    if request.path in LEZEN_VIA_POST:
        return "query"
    if request.method in SCHRIJVEN:
        return "schrijven"
    if antwoord.status_code >= 400:
        return "geweigerd"
    return None


def _argumenten(waarden: dict[str, Any] | None) -> dict[str, str] | None:
    if not waarden:
        return None
    return {k: str(v)[:MAX_TEKST] for k, v in waarden.items()
            if not GEHEIME_ARGUMENTEN.search(k)} or None


def _reden(antwoord: Response) -> str | None:
    if g.get("logboek_reden"):
        return g.logboek_reden
    if (antwoord.status_code == 400 and request.method in SCHRIJVEN
            and request.path not in LEZEN_VIA_POST and not g.get("csrf_valid")):
        return "csrf"  # Flask-WTF marks a request that passed its check
    return None


def velden(antwoord: Response) -> dict[str, Any]:
    """The allowlisted fields of this request's log line."""
    gebruiker = g.get("gebruiker")
    status = antwoord.status_code
    start = g.get("logboek_start")
    return {
        "wie": gebruiker.naam if gebruiker else None,
        "rol": gebruiker.rol if gebruiker else None,
        "methode": request.method,
        "route": request.url_rule.rule if request.url_rule else request.path[:MAX_TEKST],
        "argumenten": _argumenten(request.view_args),
        "status": status,
        "resultaat": "gelukt" if status < 400 else ("fout" if status >= 500 and status != 503
                                                    else "geweigerd"),
        "reden": _reden(antwoord),
        "duur_ms": round((time.monotonic() - start) * 1000, 1) if start else None,
        "van": request.remote_addr if gebruiker else kort_ip(request.remote_addr),
    }


def _na_verzoek(antwoord: Response) -> Response:
    gebeurtenis = _gebeurtenis(antwoord)
    if gebeurtenis is not None:
        niveau = logging.WARNING if antwoord.status_code >= 400 else logging.INFO
        current_app.extensions["logboek"].log(niveau, gebeurtenis, extra=velden(antwoord))
    return antwoord
