"""The adviser path in a real browser: score → advice → the RB's decision on the pages.

An adviser scores an initiative of the example scan, sees the computed advice;
a beheerder records the RB's decision, which then shows on the initiative's
page and in the RB report. Every new form page passes axe-core while logged in.
"""
from __future__ import annotations

from browserhulp import Pagina, app, axe, beschrijf, log_in

INITIATIEF = "regionaal-werkcentrum"


def _uit(pagina: Pagina) -> None:
    pagina.page.get_by_role("button", name="Uitloggen").click()
    pagina.page.wait_for_load_state("networkidle")


def _toegankelijk(pagina: Pagina) -> None:
    overtredingen = axe(pagina.page)
    assert not overtredingen, f"axe op {pagina.page.url}:\n{beschrijf(overtredingen)}"


def _klik(pagina: Pagina, rol: str, naam: str) -> None:
    pagina.page.get_by_role(rol, name=naam, exact=True).first.click()
    pagina.page.wait_for_load_state("networkidle")


def test_scoren_advies_besluit_op_pagina_en_in_rapport(pagina: Pagina) -> None:
    page = pagina.page
    log_in(pagina, app(), "adviseur")
    pagina.open(f"/doc/initiatief/{INITIATIEF}")
    _klik(pagina, "link", "Scoren")
    assert page.url.endswith(f"/afwegingskader/initiatief/{INITIATIEF}/scoren")
    _toegankelijk(pagina)
    keuzes = page.locator("select[name^='score-']")
    assert keuzes.count() >= 2
    for i in range(keuzes.count()):
        keuzes.nth(i).select_option("3")
    page.locator("textarea[name^='toelichting-']").first.fill("Het loket voor alle partners")
    _klik(pagina, "button", "Scores opslaan")
    assert page.url.endswith(f"/afwegingskader/initiatief/{INITIATIEF}")
    advies = page.locator("#advies-kop + dl").inner_text()
    assert "100%" in advies and "verbinden" in advies
    _toegankelijk(pagina)
    _uit(pagina)

    log_in(pagina, app())
    pagina.open(f"/afwegingskader/initiatief/{INITIATIEF}")
    _klik(pagina, "link", "Besluit vastleggen")
    _toegankelijk(pagina)
    page.get_by_label("Besluit (verplicht)").select_option("pilot")
    page.get_by_label("Datum van de vergadering (verplicht)").fill("2027-03-11")
    page.get_by_label("Motivering (verplicht)").fill("Eerst een jaar als pilot, dan evalueren")
    _klik(pagina, "button", "Besluit vastleggen")
    assert "Het besluit is vastgelegd" in page.get_by_role("status").inner_text()

    pagina.open(f"/doc/initiatief/{INITIATIEF}")
    afweging = page.locator("section.entiteit-afweging").inner_text()
    assert "Pilot, 2027-03-11" in afweging and "Eerst een jaar als pilot, dan evalueren" in afweging
    assert "verbinden" in afweging and "70% of meer" in afweging
    _toegankelijk(pagina)
    pagina.open("/rapport")
    sectie = page.locator("section[aria-labelledby='afweging-kop']").inner_text()
    assert "Pilot, 2027-03-11" in sectie and "Eerst een jaar als pilot, dan evalueren" in sectie
    assert pagina.fouten == [] and pagina.buiten == []


def test_beheerpaginas_toegankelijk_ook_met_meldingen(pagina: Pagina) -> None:
    """The criteria pages and the initiative form pass axe, also when showing messages."""
    page = pagina.page
    log_in(pagina, app())
    for pad in ("/beheer/criteria", "/beheer/criteria/nieuw", f"/beheer/initiatief/{INITIATIEF}"):
        antwoord = pagina.open(pad)
        assert antwoord.status == 200, pad
        _toegankelijk(pagina)
    pagina.open("/beheer/criteria/nieuw")
    page.get_by_label("Naam (verplicht)").fill("Duurzame financiering")
    page.get_by_label("Gewicht (verplicht)").fill("-2")
    _klik(pagina, "button", "Criterium opslaan")
    assert "0 of meer" in page.get_by_role("alert").inner_text()
    _toegankelijk(pagina)
    pagina.open(f"/beheer/initiatief/{INITIATIEF}")
    page.get_by_label("Naam (verplicht)").fill("")
    page.get_by_label("Einddatum").fill("1999-01-01")
    _klik(pagina, "button", "Wijzigingen opslaan")
    assert "Niet opgeslagen" in page.get_by_role("alert").inner_text()
    _toegankelijk(pagina)
    assert pagina.fouten == [] and pagina.buiten == []
