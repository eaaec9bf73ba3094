"""axe-core: 0 violations on every beheer page, logged in as beheerder.

The pages are enumerated from the app's URL map (the blueprints of upload,
history, audit and account): every GET page is opened with its arguments
filled in, and every POST route is reached through its form in the browser
with each page it can land on (validation report, preview, 409, the page
after confirm/cancel/restore). A new route in these blueprints without a
way here to reach it makes ``test_elke_beheerroute_wordt_bezocht`` fail.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from browserhulp import Pagina, axe, beschrijf, log_in
from kwartierhulp import eigen, site, upload, werkboeken  # noqa: F401 (fixtures)

BLAUWDRUKKEN = ("upload", "beheer", "versies", "account")
#: Routes of these blueprints that are no page for a logged-in beheerder, and why.
GEEN_PAGINA = {
    "/beheer/download.xlsx": "een xlsx-download",
    "/versies/<int:van>/<int:naar>.csv": "een CSV-download",
    "/uitloggen": "na uitloggen is de bezoeker niet meer ingelogd",
}
#: Values for the arguments of GET pages (versions 1 and 2 exist after the POST tour).
ARGUMENTEN = {"van": "1", "naar": "2"}


def _regels(app) -> list:
    """The HTML routes of the beheer blueprints (JSON twins are the same page as data)."""
    return [r for r in app.url_map.iter_rules()
            if r.endpoint.split(".")[0] in BLAUWDRUKKEN and not r.rule.endswith(".json")
            and r.rule not in GEEN_PAGINA]


def _get_paginas(app) -> list[str]:
    vul = lambda m: ARGUMENTEN[m.group(1)]  # noqa: E731
    return sorted(re.sub(r"<(?:[^:>]+:)?([^>]+)>", vul, r.rule) for r in _regels(app)
                  if "GET" in (r.methods or ()))


def _klik(pagina: Pagina, knop: str) -> None:
    pagina.page.get_by_role("button", name=knop).first.click()
    pagina.page.wait_for_load_state("networkidle")


def _laden(pagina: Pagina, app, boeken) -> Iterator[str]:
    upload(pagina, boeken["fout"])
    yield "validatierapport (upload met fouten)"
    upload(pagina, boeken["geldig"])
    yield "voorbeeld van de wijzigingen"


def _bevestig(pagina: Pagina, app, boeken) -> Iterator[str]:
    upload(pagina, boeken["geldig"])
    scan = app.extensions["scan"]
    scan.herstel(scan.huidige().nummer, door="iemand anders")  # the preview is now stale
    _klik(pagina, re.compile("^Bevestig"))
    yield "409: de scan is intussen gewijzigd"
    upload(pagina, boeken["geldig"])
    _klik(pagina, re.compile("^Bevestig"))
    yield "dashboard na bevestigen"


def _annuleer(pagina: Pagina, app, boeken) -> Iterator[str]:
    upload(pagina, boeken["geldig"])
    _klik(pagina, "Annuleren")
    yield "uploadformulier na annuleren"


def _herstel(pagina: Pagina, app, boeken) -> Iterator[str]:
    pagina.open("/versies")
    _klik(pagina, re.compile("^Maak deze versie weer actueel"))
    yield "versielijst na herstel"


#: How each POST route is reached in the browser, and the pages it leads to.
POST_ROUTES: dict[str, Callable[..., Iterator[str]]] = {
    "upload.laden": _laden, "upload.bevestig": _bevestig, "upload.annuleer": _annuleer,
    "upload.herstel": _herstel, "account.inloggen": lambda *_: iter(()),  # log_in does it
}


def test_elke_beheerroute_wordt_bezocht(eigen) -> None:
    app, _ = eigen
    post = {r.endpoint for r in _regels(app) if "POST" in (r.methods or ())}
    assert post - set(POST_ROUTES) == set(), "POST-route zonder weg in deze test"
    assert {"/beheer/upload", "/beheer/audit", "/versies", "/versies/1/2", "/inloggen"} <= \
        set(_get_paginas(app))


def test_beheerpaginas_zonder_axe_overtredingen(pagina: Pagina, eigen, tmp_path) -> None:
    app, _ = eigen
    boeken = werkboeken(tmp_path)
    log_in(pagina, app)
    bevindingen: dict[str, str] = {}
    bezocht: list[str] = []

    def controleer(waar: str) -> None:
        bezocht.append(waar)
        assert pagina.page.locator(".kop-account").inner_text().startswith("Ingelogd als")
        if overtredingen := axe(pagina.page):
            bevindingen[waar] = beschrijf(overtredingen)

    for eindpunt, route in POST_ROUTES.items():
        for waar in route(pagina, app, boeken):
            controleer(f"{waar} ({eindpunt})")
    for pad in _get_paginas(app):
        antwoord = pagina.open(pad)
        assert antwoord.status == 200, pad
        controleer(pad)
    assert len(bezocht) == 6 + len(_get_paginas(app))
    assert not bevindingen, "\n".join(f"axe op {w}:\n{t}" for w, t in bevindingen.items())
    assert pagina.fouten == [] and pagina.buiten == []
