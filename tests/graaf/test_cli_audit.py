"""``graaf ingest`` and ``graaf herstel`` write to the same audit log as the site.

A beheerder asking "who loaded this version?" must find the answer in the
audit log whether it was loaded on the site or on the server's shell:
who (``--door``), from where (``cli``), what and the result, refusals too.
"""
from __future__ import annotations

import getpass

from accounthulp import WACHTWOORD, csrf_token
from graaf.audit import Auditlog, audit_pad
from werkboeken import KLEIN, met, schrijf_csv, schrijf_xlsx


def _regels(store_map) -> list[dict]:
    regels, _ = Auditlog(audit_pad(store_map)).lees(1, 100)
    return regels


def test_ingest_gelukt_en_geweigerd_in_auditlog(graaf_cli, store_map, tmp_path) -> None:
    goed = schrijf_xlsx(tmp_path / "scan-mei.xlsx", KLEIN)
    assert graaf_cli("ingest", str(goed), "--door", "kwartiermaker-anna").exit_code == 0
    [regel] = _regels(store_map)
    assert (regel["actie"], regel["wie"], regel["van"], regel["resultaat"]) == (
        "ingest", "kwartiermaker-anna", "cli", "gelukt")
    assert regel["wat"] == "scan-mei.xlsx → versie 1"

    fout = schrijf_csv(tmp_path / "scan-fout", met(KLEIN, "initiatieven", 0, status="half af"))
    r = graaf_cli("ingest", str(fout), "--door", "kwartiermaker-bert")
    assert r.exit_code == 1
    laatste = _regels(store_map)[0]
    assert (laatste["actie"], laatste["wie"], laatste["van"], laatste["wat"]) == (
        "ingest", "kwartiermaker-bert", "cli", "scan-fout")
    assert laatste["resultaat"].startswith("geweigerd: Het werkboek is geweigerd")
    assert "(1 fouten)" in laatste["resultaat"]
    assert "scan-fout" not in graaf_cli("versies").output


def test_herstel_gelukt_en_geweigerd_in_auditlog(graaf_cli, store_map, tmp_path) -> None:
    graaf_cli("ingest", str(schrijf_csv(tmp_path / "a", KLEIN)), "--door", "x")
    graaf_cli("ingest", str(schrijf_csv(tmp_path / "b", met(KLEIN, "initiatieven", 0,
                                                             naam="Nieuw"))), "--door", "x")
    assert graaf_cli("herstel", "1", "--door", "kwartiermaker-anna").exit_code == 0
    regel = _regels(store_map)[0]
    assert (regel["actie"], regel["wie"], regel["van"], regel["wat"], regel["resultaat"]) == (
        "herstel", "kwartiermaker-anna", "cli", "versie 1 → versie 3", "gelukt")

    r = graaf_cli("herstel", "99")
    assert r.exit_code != 0
    regel = _regels(store_map)[0]
    assert (regel["actie"], regel["wie"], regel["wat"]) == ("herstel", getpass.getuser(),
                                                            "versie 99")
    assert regel["resultaat"].startswith("geweigerd: Versie 99 bestaat niet")


def test_cli_regels_staan_op_de_auditpagina_van_de_site(graaf_cli, store_map, tmp_path) -> None:
    from web import create_app

    graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", KLEIN)), "--door", "via-de-shell")
    app = create_app({"STORE": str(store_map), "SECRET_KEY": "test", "TESTING": True})
    try:
        app.extensions["gebruikers"].toevoegen("beheer-audit", WACHTWOORD, "beheerder")
        client = app.test_client()
        client.post("/inloggen", data={"gebruikersnaam": "beheer-audit", "wachtwoord": WACHTWOORD,
                                       "csrf_token": csrf_token(client)})
        regels = client.get("/beheer/audit.json").get_json()
        tekst = str(regels)
        assert "via-de-shell" in tekst and "'cli'" in tekst and "wb → versie 1" in tekst
    finally:
        app.extensions["scan"].close()
