"""Every page of the site in a real browser: loads, stays on the site, meets WCAG 2.1 AA.

The page list is the app's URL map, so a new page is tested without anyone
adding it here.
"""
from __future__ import annotations

from browserhulp import Pagina, axe, beschrijf, schermafdruk_pad


def test_pagina_laadt_zonder_verkeer_naar_buiten(pagina: Pagina, pad: str) -> None:
    """Status 200, no request leaves 127.0.0.1 (CDNs are blocked where the site runs),
    no script errors; the screenshot of this load is kept as a test artefact."""
    antwoord = pagina.open(pad)
    doel = schermafdruk_pad(pad)
    doel.parent.mkdir(parents=True, exist_ok=True)
    pagina.page.screenshot(path=str(doel), full_page=True)
    assert antwoord is not None and antwoord.status == 200, f"{pad}: status {antwoord.status}"
    assert pagina.buiten == [], f"{pad} vraagt buiten de site: {pagina.buiten}"
    assert pagina.fouten == [], f"{pad} geeft scriptfouten: {pagina.fouten}"


def test_pagina_toegankelijk(pagina: Pagina, pad: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation (Dutch government sites must meet AA)."""
    pagina.open(pad)
    overtredingen = axe(pagina.page)
    assert not overtredingen, f"axe op {pad}:\n{beschrijf(overtredingen)}"
