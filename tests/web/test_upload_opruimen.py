"""Uploaded werkboeken do not lie around in ``<store>/uploads``.

A werkboek may hold personal data. Confirmed, cancelled, refused and stale
uploads are removed at once; a preview nobody came back to is removed by the
next upload once it is older than ``UPLOAD_BEWAARTIJD`` seconds.
"""
from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest

from accounthulp import csrf_token
from werkboeken import KLEIN, met, schrijf_xlsx


@pytest.fixture(scope="module")
def site_app(eigen_site):
    return eigen_site("opruimen")


def _map(site_app) -> Path:
    return Path(site_app.extensions["scan"].pad) / "uploads"


def _bestanden(site_app) -> set[str]:
    map_ = _map(site_app)
    return {p.name for p in map_.iterdir()} if map_.exists() else set()


def _stuur(client, tmp_path, rijen, naam: str = "w.xlsx"):
    inhoud = schrijf_xlsx(tmp_path / naam, rijen).read_bytes()
    return client.post("/beheer/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client), "bestand": (io.BytesIO(inhoud), naam)})


def _token(antwoord) -> str:
    return re.search(r"/beheer/upload/([A-Za-z0-9_-]+)/bevestig",
                     antwoord.get_data(as_text=True)).group(1)


def _post(client, pad: str):
    return client.post(pad, data={"csrf_token": csrf_token(client)})


def _verouder(site_app, token: str, seconden: float) -> None:
    for pad in _map(site_app).glob(f"{token}*"):
        oud = time.time() - seconden
        os.utime(pad, (oud, oud))


def test_voorbeeld_bewaard_tot_bevestigen_dan_weg(site_app, client, log_in, tmp_path) -> None:
    log_in("beheerder")
    voor = _bestanden(site_app)
    token = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Nieuw 1")))
    assert {f"{token}.xlsx", f"{token}.json"} <= _bestanden(site_app)
    assert _post(client, f"/beheer/upload/{token}/bevestig").status_code == 303
    assert not {n for n in _bestanden(site_app) - voor if n.startswith(token)}


def test_annuleren_en_geweigerd_laten_niets_achter(site_app, client, log_in, tmp_path) -> None:
    log_in("beheerder")
    voor = _bestanden(site_app)
    token = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Nieuw 2")))
    assert _post(client, f"/beheer/upload/{token}/annuleer").status_code == 303
    assert _stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, status="?")).status_code == 422
    assert _bestanden(site_app) == voor


def test_verouderd_voorbeeld_na_409_weg(site_app, client, log_in, tmp_path) -> None:
    naam = log_in("beheerder")
    token = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 1, naam="RMT 3")))
    scan = site_app.extensions["scan"]
    scan.herstel(scan.huidige().nummer, door=naam)
    assert _post(client, f"/beheer/upload/{token}/bevestig").status_code == 409
    assert not any(n.startswith(token) for n in _bestanden(site_app))


def test_verlaten_voorbeeld_wordt_bij_volgende_upload_opgeruimd(site_app, client, log_in,
                                                                tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(site_app.config, "UPLOAD_BEWAARTIJD", 600)
    log_in("beheerder")
    voor = site_app.extensions["scan"].huidige().nummer
    verlaten = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Verlaten")))
    recent = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Recent")))
    (_map(site_app) / "zonder-metadata.xlsx").write_bytes(b"half geschreven")
    _verouder(site_app, verlaten, 601)
    _verouder(site_app, "zonder-metadata", 601)
    _verouder(site_app, recent, 599)
    volgende = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Volgende")))
    over = _bestanden(site_app)
    assert not any(n.startswith((verlaten, "zonder-metadata")) for n in over)
    assert {f"{recent}.xlsx", f"{volgende}.xlsx"} <= over
    antwoord = _post(client, f"/beheer/upload/{verlaten}/bevestig")
    assert antwoord.status_code == 404
    assert "verlopen. Laad het werkboek opnieuw" in antwoord.get_data(as_text=True)
    assert site_app.extensions["scan"].huidige().nummer == voor
    assert _post(client, f"/beheer/upload/{recent}/bevestig").status_code == 303
    assert _post(client, f"/beheer/upload/{volgende}/annuleer").status_code == 303
    assert not any(n.startswith((recent, volgende)) for n in _bestanden(site_app))


def test_bewaartijd_is_instelbaar(site_app, client, log_in, tmp_path, monkeypatch) -> None:
    log_in("beheerder")
    token = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Bewaartijd")))
    _verouder(site_app, token, 3 * 3600)
    monkeypatch.setitem(site_app.config, "UPLOAD_BEWAARTIJD", 4 * 3600)
    ander = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Ander")))
    assert f"{token}.xlsx" in _bestanden(site_app)  # younger than four hours: kept
    monkeypatch.setitem(site_app.config, "UPLOAD_BEWAARTIJD", 3600)
    _post(client, f"/beheer/upload/{ander}/annuleer")
    _stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, status="?"))
    assert not any(n.startswith(token) for n in _bestanden(site_app))


def test_na_herstart_opnieuw_gecontroleerd_en_zonder_bestand_verlopen(site_app, client, log_in,
                                                                      tmp_path) -> None:
    """The kept result is gone after a restart: the file is validated again; a preview
    whose file went missing is refused as expired, and its metadata removed."""
    log_in("beheerder")
    voor = site_app.extensions["scan"].huidige().nummer
    eerste = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Herstart")))
    tweede = _token(_stuur(client, tmp_path, met(KLEIN, "initiatieven", 0, naam="Kwijt")))
    site_app.extensions["upload_resultaten"].clear()  # as after a restart
    (_map(site_app) / f"{tweede}.xlsx").unlink()
    antwoord = _post(client, f"/beheer/upload/{tweede}/bevestig")
    assert antwoord.status_code == 404 and "verlopen" in antwoord.get_data(as_text=True)
    assert not any(n.startswith(tweede) for n in _bestanden(site_app))
    assert _post(client, f"/beheer/upload/{eerste}/bevestig").status_code == 303
    assert site_app.extensions["scan"].huidige().nummer == voor + 1
