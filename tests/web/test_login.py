"""Logging in and out: sessions, cookie flags, rate limit, cache headers, personal data."""
from __future__ import annotations

import pytest

from accounthulp import WACHTWOORD, csrf_token

PERSOON = ("/doc/persoon/nienke-spoelstra", "Nienke Spoelstra")


@pytest.fixture(autouse=True)
def _vers_inlogslot(site_app):
    site_app.extensions.pop("inlogslot", None)


def _poging(client, naam: str, wachtwoord: str):
    return client.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": wachtwoord,
                                          "csrf_token": csrf_token(client)})


def test_inlogpagina_en_link_in_de_kop(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert 'href="/inloggen?volgende=/"' in html and "Ingelogd als" not in html
    pagina = client.get("/inloggen")
    assert pagina.status_code == 200 and "Gebruikersnaam" in pagina.get_data(as_text=True)
    assert pagina.headers["Cache-Control"] == "private, no-store"


def test_inloggen_gelukt_toont_naam_en_rol_en_uitloggen(client, maak_gebruiker) -> None:
    naam = maak_gebruiker("adviseur")
    antwoord = _poging(client, naam, WACHTWOORD)
    assert antwoord.status_code == 303 and antwoord.headers["Location"] == "/"
    koekje = antwoord.headers["Set-Cookie"]
    assert "HttpOnly" in koekje and "SameSite=Lax" in koekje and "Secure" not in koekje
    html = client.get("/").get_data(as_text=True)
    assert f"Ingelogd als <strong>{naam}</strong> (adviseur)" in html and "Uitloggen" in html
    uit = client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    assert uit.status_code == 303
    assert "Ingelogd als" not in client.get("/").get_data(as_text=True)


def test_secure_vlag_bij_tls(site_app, client, maak_gebruiker, monkeypatch) -> None:
    monkeypatch.setitem(site_app.config, "SESSION_COOKIE_SECURE", True)
    antwoord = _poging(client, maak_gebruiker(), WACHTWOORD)
    assert "Secure" in antwoord.headers["Set-Cookie"]


def test_volgende_alleen_binnen_de_site(client, maak_gebruiker) -> None:
    naam = maak_gebruiker()
    for doel, verwacht in [("/din", "/din"), ("//kwaad.example/x", "/"),
                           ("https://kwaad.example/", "/"), ("/\\kwaad.example", "/")]:
        antwoord = client.post("/inloggen", data={
            "gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "volgende": doel,
            "csrf_token": csrf_token(client)})
        assert antwoord.headers["Location"] == verwacht, doel


def test_fout_wachtwoord_en_onbekende_naam_zelfde_melding(client, maak_gebruiker) -> None:
    naam = maak_gebruiker()
    for poging in ((naam, "fout-fout-fout-fout"), ("niemand-hier", WACHTWOORD)):
        antwoord = _poging(client, *poging)
        assert antwoord.status_code == 401
        assert "Gebruikersnaam of wachtwoord klopt niet." in antwoord.get_data(as_text=True)
    assert "Ingelogd als" not in client.get("/").get_data(as_text=True)


def test_na_vijf_missers_429_met_retry_after(client, maak_gebruiker) -> None:
    naam = maak_gebruiker()
    for _ in range(5):
        assert _poging(client, naam, "fout-fout-fout-fout").status_code == 401
    antwoord = _poging(client, naam, WACHTWOORD)  # even the right password now
    assert antwoord.status_code == 429
    assert 0 < int(antwoord.headers["Retry-After"]) <= 15 * 60
    assert "Te veel mislukte pogingen" in antwoord.get_data(as_text=True)
    assert _poging(client, maak_gebruiker(), WACHTWOORD).status_code == 303  # others unaffected


def test_cache_control_alleen_voor_ingelogden(client, log_in) -> None:
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")
    log_in()
    for pad in ("/", "/din", "/din.json", PERSOON[0]):
        assert client.get(pad).headers["Cache-Control"] == "private, no-store", pad


def test_persoonsgegevens_alleen_voor_ingelogden(client, log_in) -> None:
    assert PERSOON[1] not in client.get(PERSOON[0]).get_data(as_text=True)
    assert PERSOON[1] not in client.get("/zoeken?q=Spoelstra").get_data(as_text=True)
    log_in("lezer")
    assert PERSOON[1] in client.get(PERSOON[0]).get_data(as_text=True)
    assert PERSOON[1] in client.get(PERSOON[0] + ".ttl").get_data(as_text=True)


def test_verwijderd_account_is_meteen_uitgelogd(client, log_in, site_app) -> None:
    naam = log_in("beheerder")
    site_app.extensions["gebruikers"].verwijderen(naam)
    assert "Ingelogd als" not in client.get("/").get_data(as_text=True)
    assert PERSOON[1] not in client.get(PERSOON[0]).get_data(as_text=True)
