"""The RB report: every section, the version and date on it, readable on the example scan."""
from __future__ import annotations

import pytest

from beraad_werkboek import beraad_client
from overlap_werkboek import overlap_rijen

SECTIES = ["samenvatting-kop", "din-kop", "hiaten-kop", "overlap-kop", "dekking-kop",
           "sfeer-kop", "netwerk-kop", "versie-kop"]


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("rapport-web"), overlap_rijen())


def test_in_menu_en_elke_sectie_op_eigen_pagina(client) -> None:
    html = client.get("/rapport").get_data(as_text=True)
    assert '<a href="/rapport" aria-current="page">Rapport</a>' in html
    plekken = [html.index(f'<section class="rapport-sectie" aria-labelledby="{s}">') for s in SECTIES]
    assert plekken == sorted(plekken)


def test_versie_en_datum_op_elke_pagina(client) -> None:
    html = client.get("/rapport").get_data(as_text=True)
    data = client.get("/rapport.json").get_json()
    assert data["versie"]["nummer"] == 1
    assert f'@bottom-left {{ content: "{data["voettekst"]}"' in html
    assert "scanversie 1 van" in data["voettekst"] and data["datum"] in data["voettekst"]


def test_inhoud_voorbeeldscan(client) -> None:
    html = client.get("/rapport").get_data(as_text=True)
    data = client.get("/rapport.json").get_json()
    assert "Een toekomstbestendige dienstverlening" in html  # DIN
    assert "Subdoel × doelgroep" in html and 'class="matrix"' in html  # dekking
    assert "Meest verbindende partners" in html and data["netwerk"]["centraal"]
    assert "Gemeente Hilversum" in html
    assert "001_4793f89c91f4216a.txt" in html  # bronnen
    totaal = len(client.get("/bevindingen.json").get_json()["bevindingen"])
    assert f"<strong>{totaal} bevindingen</strong>" in html


def test_geplante_overlap_in_rapport(geplant) -> None:
    html = geplant.get("/rapport?peildatum=2026-07-01").get_data(as_text=True)
    overlap = html[html.index('aria-labelledby="overlap-kop"'):html.index('aria-labelledby="dekking-kop"')]
    assert "Jongerenloket Hilversum" in overlap and "Iedereen doet mee" in overlap
    assert "Gemeente Hilversum en UWV" in overlap
    assert "stand op 1 juli 2026" in html
    assert "Oud project" in html[html.index('aria-labelledby="hiaten-kop"'):]


def test_ongeldige_peildatum(client) -> None:
    antwoord = client.get("/rapport?peildatum=morgen")
    assert antwoord.status_code == 400
    assert "is geen geldige datum" in antwoord.get_data(as_text=True)
