"""Logging in and out in a real browser; the pages a logged-in beheerder sees pass axe."""
from __future__ import annotations

from browserhulp import Pagina, app, axe, beschrijf, log_in



def test_inloggen_auditlog_en_uitloggen(pagina: Pagina) -> None:
    """Log in as beheerder, see the name in the header, the audit log passes axe, log out."""
    naam = log_in(pagina, app())
    assert f"Ingelogd als {naam} (beheerder)" in pagina.page.locator(".kop-account").inner_text()
    for pad in ("/", "/beheer/audit", "/inloggen", "/doc/persoon/nienke-spoelstra"):
        pagina.open(pad)
        overtredingen = axe(pagina.page)
        assert not overtredingen, f"axe op {pad} (ingelogd):\n{beschrijf(overtredingen)}"
    pagina.open("/beheer/audit")
    assert naam in pagina.page.locator("table.audit").inner_text()
    pagina.page.get_by_role("button", name="Uitloggen").click()
    pagina.page.wait_for_load_state("networkidle")
    assert "Inloggen" in pagina.page.locator(".kop-account").inner_text()
    assert pagina.fouten == [] and pagina.buiten == []


def test_foute_inlog_toont_melding_en_is_toegankelijk(pagina: Pagina) -> None:
    pagina.open("/inloggen")
    pagina.page.get_by_label("Gebruikersnaam").fill("niemand")
    pagina.page.get_by_label("Wachtwoord").fill("fout-fout-fout-fout")
    pagina.page.get_by_role("button", name="Inloggen").click()
    pagina.page.wait_for_load_state("networkidle")
    assert "klopt niet" in pagina.page.get_by_role("alert").inner_text()
    overtredingen = axe(pagina.page)
    assert not overtredingen, beschrijf(overtredingen)
