"""Helpers of the browser tests: the app under test, its pages, axe-core, screenshots.

A plain module (not conftest) so the tests can import it; conftest puts this
folder on ``sys.path``, as tests/conftest.py does for ``werkboeken``.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[3] / "test-artefacten" / "screenshots"
WACHTWOORD = "browser-wachtwoord-lang-genoeg"
#: GET rules without arguments that are no page: the SPARQL 1.1 Protocol
#: endpoint answers a GET without ``query`` with a protocol error, by design;
#: security.txt is plain text (RFC 9116), tested in tests/web/test_headers.py.
GEEN_PAGINA = {"/sparql", "/.well-known/security.txt"}
#: Pages with arguments, on things of the example scan: one of each kind of page.
VOORBEELDPAGINAS = ["/doc/organisatie/uwv", "/doc/initiatief/regionaal-werkcentrum",
                    "/doc/persoon/nienke-spoelstra", "/def/status/lopend", "/zoeken?q=werkgevers",
                    "/versies/1/1"]


@cache
def app() -> Flask:
    """One app for the session, over an on-disk store in a temp dir.

    Built at collection time too (the page list comes from its URL map), so
    it is cached. The example scan when present, else the small test werkboek.
    """
    from graaf.scan import VOORBEELD, laad
    from graaf.store import Store
    from web import create_app
    from werkboeken import KLEIN, schrijf_csv

    map_ = Path(tempfile.mkdtemp(prefix="graaf-browser-"))
    atexit.register(shutil.rmtree, map_, ignore_errors=True)
    store = Store(map_ / "store")
    bron = VOORBEELD if VOORBEELD.is_dir() else schrijf_csv(map_ / "werkboek", KLEIN)
    laad(store, bron, door="browsertest")
    store.close()
    del store  # releases the engine's lock before the app opens the folder
    return create_app({"STORE": str(map_ / "store"), "SECRET_KEY": "browsertest",
                       "TESTING": True})


def paginas() -> list[str]:
    """Every page of the site that takes no arguments (no JSON twins, no static)."""
    regels = (r for r in app().url_map.iter_rules()
              if "GET" in (r.methods or ()) and not r.arguments
              and r.endpoint != "static" and not r.rule.endswith(".json")
              and r.rule not in GEEN_PAGINA)
    from graaf.scan import VOORBEELD

    extra = VOORBEELDPAGINAS if VOORBEELD.is_dir() else []
    return sorted({r.rule for r in regels}) + extra


def heeft_endpoint() -> bool:
    """Whether the SPARQL endpoint the editor talks to is registered yet."""
    return any(r.rule == "/sparql" for r in app().url_map.iter_rules())


@dataclass
class Pagina:
    """A browser page plus what it tried to fetch outside 127.0.0.1 and its JS errors."""

    page: Any
    basis: str
    buiten: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    def open(self, pad: str) -> Any:
        """Go to ``pad`` and wait until the network is quiet; returns the response."""
        antwoord = self.page.goto(self.basis + pad)
        self.page.wait_for_load_state("networkidle")
        return antwoord


def log_in(pagina: Pagina, site_app: Flask, rol: str = "beheerder") -> str:
    """A new account with ``rol`` on ``site_app``, logged in through the login form."""
    naam = f"browser-{rol}-{uuid.uuid4().hex[:6]}"
    site_app.extensions["gebruikers"].toevoegen(naam, WACHTWOORD, rol)
    pagina.open("/inloggen")
    pagina.page.get_by_label("Gebruikersnaam").fill(naam)
    pagina.page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.page.get_by_role("button", name="Inloggen").click()
    pagina.page.wait_for_load_state("networkidle")
    return naam


def axe(page: Any) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluated by the test driver, not as a <script> tag: the site's CSP
        # (web/beveiliging.py) rightly blocks inline scripts added to the page
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    opties = {"runOnly": {"type": "tag", "values": WCAG}}
    return page.evaluate("async (o) => (await axe.run(document, o)).violations", opties)


def beschrijf(overtredingen: list[dict]) -> str:
    """axe violations as readable lines: rule, impact, help, and each element."""
    regels = []
    for v in overtredingen:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for n in v["nodes"][:10]:
            regels.append(f"    {' '.join(map(str, n['target']))}: {n['html'][:160]}")
            regels.append("      " + n["failureSummary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 10:
            regels.append(f"    … en nog {len(v['nodes']) - 10} elementen")
    return "\n".join(regels)


def schermafdruk_pad(pad: str) -> Path:
    """``test-artefacten/screenshots/<pad>.png`` (``index`` for the root)."""
    naam = pad.strip("/").replace("/", "_") or "index"
    return SCHERMAFDRUKKEN / f"{naam}.png"
