"""The kwartiermaker's whole path in a real browser, as issue 4 describes it.

Log in as beheerder → upload a werkboek with errors → see every finding with
sheet, row and column → upload a valid one → see the preview → confirm →
the dashboard shows the new version → compare two versions → restore the
earlier one → the dashboard shows the restore. axe-core runs on every page
on the way (logged in), and nothing is fetched outside 127.0.0.1.
"""
from __future__ import annotations

from browserhulp import Pagina, axe, beschrijf, log_in
from kwartierhulp import NIEUWE_NAAM, eigen, site, upload, werkboeken  # noqa: F401 (fixtures)


def _toegankelijk(pagina: Pagina, waar: str) -> None:
    overtredingen = axe(pagina.page)
    assert not overtredingen, f"axe op {waar} (ingelogd):\n{beschrijf(overtredingen)}"


def _rijen(pagina: Pagina, tabel: str) -> list[list[str]]:
    """The body cells of a table, as the user reads them."""
    return pagina.page.locator(f"{tabel} tbody tr").evaluate_all(
        "rijen => rijen.map(r => [...r.cells].map(c => c.innerText.trim()))")


def test_kwartiermaker_pad(pagina: Pagina, eigen, tmp_path) -> None:
    app, _ = eigen
    page = pagina.page
    boeken = werkboeken(tmp_path)
    naam = log_in(pagina, app)
    assert f"Ingelogd als {naam} (beheerder)" in page.locator(".kop-account").inner_text()

    upload(pagina, boeken["fout"])
    assert page.get_by_role("heading", level=1).inner_text() == "Werkboek geweigerd"
    plaatsen = {(r[1], r[2], r[3]) for r in _rijen(pagina, "table.bevindingen-upload")}
    assert {("initiatieven", "2", "status"), ("initiatieven", "3", "eigenaar"),
            ("initiatieven", "3", "beschrijving")} <= plaatsen
    assert "vervang de formule door de waarde" in page.locator("main").inner_text()
    _toegankelijk(pagina, "het validatierapport")
    assert app.extensions["scan"].huidige().nummer == 1

    upload(pagina, boeken["geldig"], notitie="Na het RB van 7 mei")
    assert page.get_by_role("heading", level=1).inner_text() == "Wijzigingen bevestigen"
    voorbeeld = page.locator("main").inner_text()
    assert NIEUWE_NAAM in voorbeeld and "SBB" in voorbeeld and "Er is nog niets gewijzigd" in voorbeeld
    _toegankelijk(pagina, "het voorbeeld van de wijzigingen")
    page.get_by_role("button", name="Bevestig: maak hiervan versie 2").click()
    page.wait_for_load_state("networkidle")

    assert page.url.rstrip("/") == pagina.basis
    assert "Versie 2 is geladen." in page.get_by_role("status").inner_text()
    laatste = page.locator("section[aria-labelledby=versie-kop]").inner_text()
    assert "Versie 2" in laatste and naam in laatste and "scan-na-rb.xlsx" in laatste
    assert "Na het RB van 7 mei" in laatste
    _toegankelijk(pagina, "het dashboard na bevestigen")

    pagina.open("/versies")
    _toegankelijk(pagina, "de versielijst")
    page.get_by_label("Van versie").select_option("1")
    page.get_by_label("naar versie").select_option("2")
    page.get_by_role("button", name="Vergelijk").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/versies/1/2")
    verschil = page.locator("main").inner_text()
    assert NIEUWE_NAAM in verschil and "Werkgeversservicepunt" in verschil and "SBB" in verschil
    _toegankelijk(pagina, "het verschil tussen versie 1 en 2")

    pagina.open("/versies")
    page.get_by_role("button", name="Maak deze versie weer actueel (versie 1)").click()
    page.wait_for_load_state("networkidle")
    assert "Versie 1 is hersteld als versie 3." in page.get_by_role("status").inner_text()
    pagina.open("/")
    laatste = page.locator("section[aria-labelledby=versie-kop]").inner_text()
    assert "Versie 3" in laatste and "Herstel van versie 1" in laatste and naam in laatste
    pagina.open("/doc/initiatief/wsp")
    assert NIEUWE_NAAM not in page.locator("main").inner_text()
    assert "Werkgeversservicepunt" in page.get_by_role("heading", level=1).inner_text()
    assert pagina.fouten == [] and pagina.buiten == []
