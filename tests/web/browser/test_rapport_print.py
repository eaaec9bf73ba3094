"""The RB report printed: one section per page, the scan version on every page.

Also keeps screenshots of the board's main pages (dashboard, DIN, report) as
test artefacts, so a reviewer sees what the board sees.
"""
from __future__ import annotations

import io

import pytest

from browserhulp import SCHERMAFDRUKKEN, Pagina, app


@pytest.mark.parametrize("adres,naam", [("/", "dashboard"), ("/din", "din"), ("/rapport", "rapport")])
def test_schermafdruk(pagina: Pagina, adres: str, naam: str) -> None:
    antwoord = pagina.open(adres)
    assert antwoord is not None and antwoord.status == 200
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pagina.page.screenshot(path=str(SCHERMAFDRUKKEN / f"bord-{naam}.png"), full_page=True)


def test_rapport_als_pdf_versie_op_elke_pagina(pagina: Pagina) -> None:
    """Printed to PDF by Chromium: every page carries the version, each section starts a page."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf ontbreekt: pip install -e '.[test]'")
    pagina.open("/rapport")
    pdf = pagina.page.pdf(format="A4")
    (SCHERMAFDRUKKEN.parent / "rapport.pdf").write_bytes(pdf)
    teksten = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    nummer = app().extensions["scan"].huidige().nummer
    assert len(teksten) >= 8
    for i, tekst in enumerate(teksten, start=1):
        assert f"scanversie {nummer} van" in tekst, f"pagina {i} zonder scanversie"
        assert f"pagina {i} van {len(teksten)}" in tekst
    koppen = ["Doelen en wie eraan werkt (DIN)", "Hiaten: wat ontbreekt er?",
              "Overlap: wat gebeurt er dubbel?", "Dekking: waar zit aanbod en waar niet?",
              "Invloedssfeer: wat kan het Beraad sturen?", "Netwerk: hoe werken we samen?",
              "Versie en bronnen"]
    # the first line of each page's own text, after the page margin's line
    eerste_regels = [next(r for r in t.strip().splitlines() if "scanversie" not in r and r.strip())
                     for t in teksten]
    for kop in koppen:
        assert kop in eerste_regels, f"'{kop}' begint geen nieuwe pagina"


def test_rapport_in_printweergave(pagina: Pagina) -> None:
    """Print media: menu, search and footer hidden; sections break before themselves."""
    pagina.open("/rapport")
    pagina.page.emulate_media(media="print")
    assert not pagina.page.locator("header.kop").is_visible()
    breuken = pagina.page.eval_on_selector_all(
        ".rapport-sectie", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breuken[0] == "auto" and set(breuken[1:]) == {"page"}
    pagina.page.screenshot(path=str(SCHERMAFDRUKKEN / "bord-rapport-print.png"), full_page=True)


@pytest.mark.parametrize("adres", ["/bevindingen/dubbel-aanbod", "/bevindingen?peildatum=2026-02-30",
                                   "/bevindingen/bestaat-niet"])
def test_pagina_met_argument_toegankelijk(pagina: Pagina, adres: str) -> None:
    """Pages with arguments are not in the automatic list: one check page, the 400 and the 404."""
    from browserhulp import axe, beschrijf

    pagina.open(adres)
    overtredingen = axe(pagina.page)
    assert not overtredingen, f"axe op {adres}:\n{beschrijf(overtredingen)}"
