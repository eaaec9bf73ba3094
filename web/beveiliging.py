"""Security headers on every response: CSP, nosniff, Referrer-Policy, framing, HSTS.

Why one ``after_request`` hook for the whole app instead of per view: error
pages (404, 405, 413, 429), static files, JSON twins and the SPARQL endpoint
must carry the same headers, and a page added later must not be forgotten
(``tests/web/test_headers.py`` walks the URL map to prove it).

Why no ``'unsafe-inline'``: our own scripts live in ``web/static/js``;
the one inline ``<style>`` whose content depends on the request (the
report's page footer) gets a per-response nonce (``csp_nonce()`` in
templates), added to the policy only on the responses that use it. Two
vendored libraries insert ``<style>`` elements from script without a nonce
(measured in Chromium, ``tests/web/browser/test_csp.py``): vis-network's
standalone build injects its own CSS (28 elements), Yasgui's result table
(column-resizer) writes CSS computed per table, which no hash can cover. Only the two pages that load them
(``/netwerk``, ``/sparql/editor``) call ``csp_inline_stijl()`` in their
template and get ``style-src 'self' 'unsafe-inline'``; scripts stay strict
everywhere, and every other page allows no inline style at all.
"""
from __future__ import annotations

import secrets

from flask import Flask, Response, current_app, g

#: The policy without nonces; ``'self'`` plus what the vendored assets need.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
VASTE_KOPPEN = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Cross-Origin-Opener-Policy": "same-origin",
}


def installeer(app: Flask) -> None:
    """Register the header hook and ``csp_nonce()`` for templates."""
    app.after_request(zet_koppen)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.jinja_env.globals["csp_inline_stijl"] = csp_inline_stijl


def csp_nonce() -> str:
    """This response's nonce for an inline ``<script>``/``<style>`` (made on first use)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def csp_inline_stijl() -> str:
    """A page that loads a vendored library writing ``<style>`` elements says so (see above)."""
    g.csp_inline_stijl = True
    return ""


def beleid(nonce: str | None = None, inline_stijl: bool = False) -> str:
    """The Content-Security-Policy value; a nonce for scripts and style elements, or
    inline styles for the pages of the vendored editor and network map."""
    delen = dict(CSP)
    if nonce:
        delen["script-src"] += f" 'nonce-{nonce}'"
    if inline_stijl:  # a nonce next to it would switch 'unsafe-inline' off again
        delen["style-src"] += " 'unsafe-inline'"
    elif nonce:
        delen["style-src"] += f" 'nonce-{nonce}'"
    return "; ".join(f"{k} {v}" for k, v in delen.items())


def zet_koppen(antwoord: Response) -> Response:
    """Every response, errors and static files included, gets the same headers."""
    antwoord.headers["Content-Security-Policy"] = beleid(g.get("csp_nonce"),
                                                             g.get("csp_inline_stijl", False))
    for naam, waarde in VASTE_KOPPEN.items():
        antwoord.headers.setdefault(naam, waarde)
    if current_app.config.get("TLS"):
        max_age = int(current_app.config.get("HSTS_MAX_AGE", 31536000))
        antwoord.headers["Strict-Transport-Security"] = f"max-age={max_age}"
    return antwoord
