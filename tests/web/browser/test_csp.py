"""Every page with the Content-Security-Policy in force: no violation in the browser.

The page list is the app's URL map (``browserhulp.paginas``), so a page
another helper adds is covered too; protected pages are loaded logged in as
beheerder, so they render instead of redirecting to the login form. A
violation shows up as a ``securitypolicyviolation`` event (recorded by a
script Chromium runs before the page's own) and as a console error; either
fails the test, so a policy that breaks a page cannot land.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from browserhulp import app, paginas

WACHTWOORD = "csp-wachtwoord-lang-genoeg"
LUISTER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " "
                    + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


@pytest.fixture(scope="module")
def ingelogd(browser, site) -> Iterator[Any]:
    """A browser context logged in as beheerder, with the violation recorder installed."""
    naam = f"csp-{uuid.uuid4().hex[:6]}"
    app().extensions["gebruikers"].toevoegen(naam, WACHTWOORD, "beheerder")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(LUISTER)
    page = context.new_page()
    page.goto(site + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("networkidle")
    assert naam in page.locator(".kop-account").inner_text()
    yield context
    context.close()


@contextmanager
def _open(context: Any, url: str) -> Iterator[tuple[Any, Any, list[str]]]:
    """A new page on ``url`` with its console errors; closed afterwards, pass or fail."""
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    try:
        antwoord = page.goto(url)
        page.wait_for_load_state("networkidle")
        yield page, antwoord, console
    finally:
        page.close()


def _schendingen(page: Any, console: list[str]) -> list[str]:
    gemeld = page.evaluate("() => window.__csp || []")
    return gemeld + [t for t in console if "Content Security Policy" in t]


def test_pagina_zonder_csp_schending(ingelogd, site: str, pad: str) -> None:
    """The page loads with its CSP header and reports no violation (downloads such as
    the werkboek are no page: their header is checked, the browser is not needed)."""
    kop = ingelogd.request.get(site + pad)
    assert "default-src 'self'" in kop.headers["content-security-policy"]
    if not kop.headers["content-type"].startswith("text/html"):
        return
    with _open(ingelogd, site + pad) as (page, antwoord, console):
        assert antwoord is not None and antwoord.status == 200, f"{pad}: {antwoord.status}"
        assert "default-src 'self'" in antwoord.headers["content-security-policy"]
        page.wait_for_timeout(300)  # late scripts (vis-network's drawing) report too
        assert _schendingen(page, console) == [], f"CSP-schending op {pad}"


def test_editor_draait_query_onder_csp(ingelogd, site: str) -> None:
    """Yasgui runs a query and draws the result table without breaking the policy."""
    with _open(ingelogd, site + "/sparql/editor#kerncijfers") as (page, _, console):
        page.click("#yasgui .yasqe_queryButton")
        page.wait_for_selector("#yasgui .yasr table.dataTable tbody tr", timeout=15000)
        assert _schendingen(page, console) == []


def test_netwerkkaart_tekent_onder_csp(ingelogd, site: str) -> None:
    """vis-network draws the map (a canvas) with the policy in force."""
    with _open(ingelogd, site + "/netwerk") as (page, _, console):
        page.wait_for_selector("#netwerk-kaart canvas", timeout=15000)
        page.wait_for_timeout(500)
        assert _schendingen(page, console) == []


def test_schending_wordt_wel_gezien(ingelogd, site: str) -> None:
    """The recorder works: an inline script injected into a page is blocked and reported."""
    with _open(ingelogd, site + "/zoeken") as (page, _, console):
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__uitgevoerd = true';
                                 document.body.appendChild(s); }""")
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__uitgevoerd === undefined")
        assert any("script-src" in s for s in _schendingen(page, console))

