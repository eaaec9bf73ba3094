"""Uploading a werkboek through the site: report, preview, confirm, and every refusal.

On its own app and store (KLEIN as version 1), so the versions made here do
not leak into the other page tests; ``client``/``log_in`` use this app.
"""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from accounthulp import csrf_token
from werkboeken import KLEIN, met, schrijf_csv, schrijf_xlsx

FORMULE = '=HYPERLINK("http://x","klik")'


@pytest.fixture(scope="module")
def site_app(eigen_site):
    return eigen_site("upload")


def _nummer(site_app) -> int:
    return site_app.extensions["scan"].huidige().nummer


def _stuur(client, inhoud: bytes, naam: str, notitie: str = ""):
    return client.post("/beheer/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client), "notitie": notitie,
        "bestand": (io.BytesIO(inhoud), naam)})


def _xlsx(tmp_path, rijen) -> bytes:
    return schrijf_xlsx(tmp_path / "w.xlsx", rijen).read_bytes()


def _bevestig(client, html: str):
    token = re.search(r'/beheer/upload/([A-Za-z0-9_-]+)/bevestig', html).group(1)
    return client.post(f"/beheer/upload/{token}/bevestig", data={"csrf_token": csrf_token(client)})


def test_geldig_voorbeeld_dan_bevestigen(site_app, client, log_in, tmp_path) -> None:
    naam = log_in("beheerder")
    voor = _nummer(site_app)
    rijen = met(KLEIN, "initiatieven", 0, naam="Werkgeversservicepunt Plus")
    antwoord = _stuur(client, _xlsx(tmp_path, rijen), "scan.xlsx", "na RB")
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 200 and "Werkgeversservicepunt Plus" in html
    assert _nummer(site_app) == voor  # the preview writes nothing
    bevestigd = _bevestig(client, html)
    assert bevestigd.status_code == 303 and bevestigd.headers["Location"] == "/"
    versie = site_app.extensions["scan"].huidige()
    assert (versie.nummer, versie.door, versie.notitie) == (voor + 1, naam, "na RB")
    assert f"Versie {voor + 1} is geladen" in client.get("/").get_data(as_text=True)
    regels, _ = site_app.extensions["audit"].lees(1, 5)
    assert any(r["actie"] == "upload: bevestigen" and naam == r["wie"] for r in regels)


def test_fouten_geven_rapport_en_geen_versie(site_app, client, log_in, tmp_path) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    rijen = met(KLEIN, "initiatieven", 0, status="half af")
    antwoord = _stuur(client, _xlsx(tmp_path, rijen), "fout.xlsx")
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 422 and "Werkboek geweigerd" in html
    assert "initiatieven" in html and "<td>status</td>" in html and "half af" in html
    assert "<td class=\"getal\">2</td>" in html  # Excel row 2
    assert _nummer(site_app) == voor


def test_zipbom_geweigerd(site_app, client, log_in) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z, \
            z.open("initiatieven.csv", "w", force_zip64=True) as f:
        blok = b"0" * (1024 * 1024)
        for _ in range(200):
            f.write(blok)
    antwoord = _stuur(client, buffer.getvalue(), "bom.zip")
    assert antwoord.status_code == 422 and "zipbom" in antwoord.get_data(as_text=True)
    assert _nummer(site_app) == voor


def test_xlsx_met_entiteit_geweigerd(site_app, client, log_in, tmp_path) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    bron = zipfile.ZipFile(io.BytesIO(_xlsx(tmp_path, KLEIN)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for deel in bron.infolist():
            z.writestr(deel, bron.read(deel))
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e '
                   'SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&e;</t></si></sst>')
    antwoord = _stuur(client, buffer.getvalue(), "entiteit.xlsx")
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 422 and "ENTITY" in html and "root:" not in html
    assert _nummer(site_app) == voor


def test_te_groot_geeft_413(site_app, client, log_in) -> None:
    log_in("beheerder")
    groot = b"x" * (site_app.config["MAX_CONTENT_LENGTH"] + 1)
    antwoord = _stuur(client, groot, "groot.xlsx")
    assert antwoord.status_code == 413 and "te groot" in antwoord.get_data(as_text=True)


@pytest.mark.parametrize("naam", ["scan.rdf", "scan.jsonld"])
def test_rdfxml_en_jsonld_geweigerd(site_app, client, log_in, naam) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    antwoord = _stuur(client, b'<rdf:RDF xmlns:rdf="x"/>', naam)
    assert antwoord.status_code == 400
    assert "om veiligheidsredenen geweigerd" in antwoord.get_data(as_text=True)
    assert _nummer(site_app) == voor


def test_formule_wordt_tekst_na_download(site_app, client, log_in, tmp_path) -> None:
    from openpyxl import load_workbook

    log_in("beheerder")
    rijen = met(KLEIN, "initiatieven", 0, naam=FORMULE)  # as text in a csv cell
    map_ = schrijf_csv(tmp_path / "csv", rijen)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for pad in map_.iterdir():
            z.write(pad, pad.name)
    antwoord = _stuur(client, buffer.getvalue(), "formule.zip")
    assert _bevestig(client, antwoord.get_data(as_text=True)).status_code == 303
    download = client.get("/beheer/download.xlsx")
    assert download.status_code == 200
    blad = load_workbook(io.BytesIO(download.data))["initiatieven"]
    cellen = [c for rij in blad.iter_rows() for c in rij if c.value == FORMULE]
    assert cellen and all(c.data_type == "s" for c in cellen)


def test_verouderd_voorbeeld_geweigerd(site_app, client, log_in, tmp_path) -> None:
    naam = log_in("beheerder")
    rijen = met(KLEIN, "initiatieven", 1, naam="RMT Nieuw")
    html = _stuur(client, _xlsx(tmp_path, rijen), "a.xlsx").get_data(as_text=True)
    scan = site_app.extensions["scan"]
    scan.herstel(scan.huidige().nummer, door=naam)  # someone else writes meanwhile
    voor = _nummer(site_app)
    antwoord = _bevestig(client, html)
    assert antwoord.status_code == 409
    assert "De scan is intussen gewijzigd; laad het werkboek opnieuw" in \
        antwoord.get_data(as_text=True)
    assert _nummer(site_app) == voor


def test_herstel_maakt_nieuwe_versie(site_app, client, log_in) -> None:
    naam = log_in("beheerder")
    voor = _nummer(site_app)
    assert "Maak deze versie weer actueel" in client.get("/versies").get_data(as_text=True)
    antwoord = client.post("/beheer/herstel/1", data={"csrf_token": csrf_token(client)})
    assert antwoord.status_code == 303
    versie = site_app.extensions["scan"].huidige()
    assert (versie.nummer, versie.herstel_van, versie.door) == (voor + 1, 1, naam)
    regels, _ = site_app.extensions["audit"].lees(1, 5)
    assert any(r["actie"] == "herstel" for r in regels)


def test_anoniem_en_lezer(client, log_in) -> None:
    assert client.get("/beheer/upload").status_code == 302
    assert client.get("/beheer/download.xlsx").status_code == 302
    log_in("lezer")
    assert client.get("/beheer/upload").status_code == 403
    assert "Maak deze versie weer actueel" not in client.get("/versies").get_data(as_text=True)
    assert client.post("/beheer/herstel/1", data={"csrf_token": csrf_token(client)}
                       ).status_code == 403
    assert client.get("/beheer/download.xlsx").status_code == 200
