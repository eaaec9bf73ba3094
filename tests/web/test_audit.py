"""The audit log: every login attempt and write, for beheerders only, without secrets."""
from __future__ import annotations

import json
import logging

import pytest

from accounthulp import WACHTWOORD, csrf_token
from graaf.audit import Auditlog

GEHEIM = "Planted-Geheim-Wachtwoord-42!"


@pytest.fixture(autouse=True)
def _vers_inlogslot(site_app):
    site_app.extensions.pop("inlogslot", None)


def _regels(site_app) -> list[dict]:
    return [json.loads(r) for r in
            site_app.extensions["audit"].pad.read_text(encoding="utf-8").splitlines()]


def test_inlogpogingen_en_uitloggen_gelogd(site_app, client, maak_gebruiker) -> None:
    naam = maak_gebruiker("adviseur")
    client.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": "fout-fout-fout-fout",
                                   "csrf_token": csrf_token(client)})
    client.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD,
                                   "csrf_token": csrf_token(client)})
    client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    eigen = [r for r in _regels(site_app) if r["wat"] == f"gebruiker {naam}"]
    assert [(r["actie"], r["resultaat"]) for r in eigen] == [
        ("inloggen", "mislukt"), ("inloggen", "gelukt"), ("uitloggen", "gelukt")]
    assert eigen[1]["wie"] == naam and eigen[1]["rol"] == "adviseur"
    assert eigen[1]["van"] == "127.0.0.1" and eigen[1]["tijd"].endswith("+00:00")


def test_geweigerde_schrijfpoging_gelogd(site_app, client) -> None:
    client.post("/uitloggen", data={"csrf_token": csrf_token(client)})
    laatste = _regels(site_app)[-1]
    assert laatste["actie"] == "POST /uitloggen"
    assert laatste["resultaat"].startswith("geweigerd") and laatste["wie"] is None


def test_geen_geheimen_in_bestand_of_logging(site_app, client, maak_gebruiker,
                                             caplog) -> None:
    caplog.set_level(logging.DEBUG)
    naam = maak_gebruiker("beheerder")
    token = csrf_token(client)
    client.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": GEHEIM,
                                   "csrf_token": token})
    client.post("/inloggen", data={"gebruikersnaam": GEHEIM, "wachtwoord": GEHEIM,
                                   "csrf_token": token})  # password typed as the name
    client.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD,
                                   "csrf_token": csrf_token(client)})
    sessie = client.get_cookie("graaf_sessie").value
    client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    bestand = site_app.extensions["audit"].pad.read_text(encoding="utf-8")
    for geheim in (GEHEIM, WACHTWOORD, token, sessie):
        assert geheim not in bestand and geheim not in caplog.text
    assert "onbekende gebruikersnaam" in bestand


def test_auditpagina_alleen_voor_beheerders(client, log_in) -> None:
    anoniem = client.get("/beheer/audit")
    assert anoniem.status_code == 302
    assert anoniem.headers["Location"] == "/inloggen?volgende=/beheer/audit"
    assert client.get("/beheer/audit.json").status_code == 401
    log_in("adviseur")
    geweigerd = client.get("/beheer/audit")
    assert geweigerd.status_code == 403 and "rol beheerder" in geweigerd.get_data(as_text=True)
    assert client.get("/beheer/audit.json").status_code == 403


def test_auditpagina_nieuwste_eerst_met_json(client, log_in) -> None:
    naam = log_in("beheerder")
    html = client.get("/beheer/audit")
    assert html.status_code == 200 and "Auditlog" in html.get_data(as_text=True)
    data = client.get("/beheer/audit.json").json
    assert data["regels"][0]["wie"] == naam and data["regels"][0]["actie"] == "inloggen"
    assert data["pagina"] == 1 and data["totaal"] >= 1


def test_bladeren_nieuwste_eerst(tmp_path) -> None:
    log = Auditlog(tmp_path / "audit.jsonl")
    for i in range(7):
        log.schrijf("test", wat=f"regel {i}\nvervalst: ja")
    eerste, totaal = log.lees(1, 3)
    assert totaal == 7 and [r["wat"][:7] for r in eerste] == ["regel 6", "regel 5", "regel 4"]
    assert log.lees(3, 3)[0][0]["wat"].startswith("regel 0")
    assert len((tmp_path / "audit.jsonl").read_text().splitlines()) == 7  # no forged lines
