"""Security headers on every response, enumerated from the app's URL map; security.txt.

Every rule with every method it accepts is requested, anonymously and as a
logged-in beheerder (no CSRF token, so nothing is written), plus the error
answers 404, 405, 413 and 429: a route added later is checked without
anyone editing this file. The browser side (the policy breaks no page) is
``tests/web/browser/test_csp.py``.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from accounthulp import csrf_token

VERPLICHT = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def _controleer(antwoord, wat: str) -> None:
    csp = antwoord.headers.get("Content-Security-Policy", "")
    richtlijnen = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert richtlijnen.get("default-src") == ["'self'"], f"{wat}: CSP {csp!r}"
    assert richtlijnen.get("frame-ancestors") == ["'none'"], f"{wat}: CSP {csp!r}"
    assert "'unsafe-inline'" not in richtlijnen.get("script-src", []), f"{wat}: {csp!r}"
    assert "'unsafe-eval'" not in csp, f"{wat}: {csp!r}"
    for naam, waarde in VERPLICHT.items():
        assert antwoord.headers.get(naam) == waarde, f"{wat}: {naam}={antwoord.headers.get(naam)}"
    assert "Strict-Transport-Security" not in antwoord.headers, f"{wat}: HSTS zonder TLS"


def _verzoeken(app) -> list[tuple[str, str]]:
    """(method, url) for every rule and method; arguments filled with a placeholder."""
    uit = []
    for regel in app.url_map.iter_rules():
        url = re.sub(r"<(?:int|float):[^>]+>", "1", regel.rule)
        url = re.sub(r"<path:[^>]+>", "css/site.css", url)
        url = re.sub(r"<[^>]+>", "x", url)
        uit += [(m, url) for m in sorted(regel.methods or ())]
    return sorted(set(uit))


def _alle_routes(app, client) -> int:
    verzoeken = _verzoeken(app)
    for methode, url in verzoeken:
        _controleer(client.open(url, method=methode), f"{methode} {url}")
    return len(verzoeken)


def test_elke_route_anoniem(site_app, client) -> None:
    assert _alle_routes(site_app, client) > 40  # the whole URL map, not a handful


def test_elke_route_ingelogd(site_app, client, log_in) -> None:
    log_in("beheerder")
    _alle_routes(site_app, client)


def test_foutantwoorden(site_app, client, monkeypatch) -> None:
    """404, 405, 413, 429, a CSRF refusal and SPARQL errors carry the same headers."""
    _controleer(antwoord := client.get("/bestaat-niet"), "404")
    assert antwoord.status_code == 404
    _controleer(antwoord := client.delete("/"), "405")
    assert antwoord.status_code == 405
    _controleer(antwoord := client.post("/inloggen", data={}), "CSRF")
    assert antwoord.status_code == 400
    _controleer(antwoord := client.get("/sparql?query=SELEC"), "SPARQL 400")
    assert antwoord.status_code == 400
    monkeypatch.setitem(site_app.config, "MAX_CONTENT_LENGTH", 1024)
    _controleer(antwoord := client.post("/inloggen", data={"x": "y" * 4096}), "413")
    assert antwoord.status_code == 413
    monkeypatch.setitem(site_app.config, "MAX_CONTENT_LENGTH", 20 * 1024 * 1024)
    token = csrf_token(client)
    for _ in range(int(site_app.config["INLOG_MAX_POGINGEN"]) + 1):
        antwoord = client.post("/inloggen", data={"gebruikersnaam": "kop-test",
                                                 "wachtwoord": "fout", "csrf_token": token})
    assert antwoord.status_code == 429 and antwoord.headers["Retry-After"]
    _controleer(antwoord, "429")


def test_hsts_alleen_achter_tls(site_app, client, monkeypatch) -> None:
    assert "Strict-Transport-Security" not in client.get("/").headers
    monkeypatch.setitem(site_app.config, "TLS", True)
    for pad in ("/", "/bestaat-niet", "/static/css/site.css"):
        hsts = client.get(pad).headers.get("Strict-Transport-Security", "")
        assert re.fullmatch(r"max-age=\d{7,}", hsts), f"{pad}: {hsts!r}"


def test_nonce_alleen_waar_gebruikt(client) -> None:
    """The report's inline page-margin style carries this response's nonce; other pages
    get no nonce, and the nonce differs per response."""
    rapport = client.get("/rapport")
    nonce = re.search(r"<style nonce=\"([^\"]+)\"", rapport.get_data(as_text=True)).group(1)
    assert f"'nonce-{nonce}'" in rapport.headers["Content-Security-Policy"]
    assert nonce not in client.get("/rapport").headers["Content-Security-Policy"]
    assert "nonce-" not in client.get("/zoeken").headers["Content-Security-Policy"]


def test_security_txt(site_app, client, monkeypatch) -> None:
    """RFC 9116: text/plain, Contact and Expires from config, Expires in the future."""
    assert client.get("/.well-known/security.txt").status_code == 404  # no contact set
    monkeypatch.setitem(site_app.config, "BEVEILIGING_CONTACT", "mailto:beveiliging@example.nl")
    monkeypatch.setitem(site_app.config, "BEVEILIGING_VERLOOPT", "2030-01-31")
    antwoord = client.get("/.well-known/security.txt")
    assert antwoord.status_code == 200
    assert antwoord.headers["Content-Type"] == "text/plain; charset=utf-8"
    _controleer(antwoord, "security.txt")
    velden = dict(r.split(": ", 1) for r in antwoord.get_data(as_text=True).splitlines())
    assert velden["Contact"] == "mailto:beveiliging@example.nl"
    assert velden["Expires"] == "2030-01-31T00:00:00Z"
    monkeypatch.setitem(site_app.config, "BEVEILIGING_VERLOOPT", None)
    verloopt = client.get("/.well-known/security.txt").get_data(as_text=True)
    tijd = re.search(r"^Expires: (\S+)$", verloopt, re.M).group(1)
    assert datetime.fromisoformat(tijd.replace("Z", "+00:00")) > datetime.now(timezone.utc)


@pytest.mark.parametrize("pad", ["/index.json", "/static/js/netwerk.js", "/sparql"])
def test_twins_statisch_en_endpoint(client, pad: str) -> None:
    _controleer(client.get(pad), pad)
