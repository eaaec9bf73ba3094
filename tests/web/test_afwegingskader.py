"""The afwegingskader pages, the entity page link and the RB report section."""
from __future__ import annotations

import pytest

from afweging_werkboek import afweging_rijen
from beraad_werkboek import beraad_client


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("afweging-web"), afweging_rijen())


def test_in_menu_en_voorbeeld(client) -> None:
    html = client.get("/afwegingskader").get_data(as_text=True)
    assert '<a href="/afwegingskader" aria-current="page">Afwegingskader</a>' in html
    assert "Bijdrage aan de subdoelen" in html and "70% of meer: <strong>verbinden</strong>" in html
    assert "Nog niet beoordeeld" in html


def test_rangorde_advies_besluit(geplant) -> None:
    html = geplant.get("/afwegingskader").get_data(as_text=True)
    rangorde = html[html.index('id="rangorde-kop"'):html.index('id="wachtend-kop"')]
    assert rangorde.index("Werkgeversservicepunt") < rangorde.index("UWV")
    assert "78%" in rangorde and "verbinden" in rangorde and "niet verbinden" in rangorde
    assert "<strong>Verbinden</strong>, 2026-03-12 (Regionaal Beraad)" in rangorde
    assert "Sterk in matching" in rangorde and "Na de pilot structureel verbinden" in rangorde
    assert 'href="/afwegingskader/initiatief/wsp"' in rangorde


def test_onderwerp_beoordelaars_naast_elkaar(geplant) -> None:
    html = geplant.get("/afwegingskader/initiatief/wsp").get_data(as_text=True)
    assert "beoordelaar 1" in html and "beoordelaar 2" in html  # anonymous: names hidden
    assert "Piet Adviseur" not in html
    assert "Sterk in matching" in html and "2.0" in html and "verbinden" in html


def test_onderwerp_namen_waar_persoonsgegevens_mogen(geplant) -> None:
    geplant.application.config["PERSOONSGEGEVENS_OPENBAAR"] = True
    try:
        data = geplant.get("/afwegingskader/initiatief/wsp.json").get_json()
    finally:
        geplant.application.config["PERSOONSGEGEVENS_OPENBAAR"] = False
    assert data["onderwerp"]["beoordelaars"] == ["Anna Beoordeelster", "Piet Adviseur"]


def test_niet_beoordeeld_en_onbekend(geplant) -> None:
    html = geplant.get("/afwegingskader/initiatief/rmt").get_data(as_text=True)
    assert "Nog niet beoordeeld" in html
    assert geplant.get("/afwegingskader/initiatief/bestaat-niet").status_code == 404
    assert geplant.get("/afwegingskader/doel/subdoel-1").status_code == 404


def test_json_tweeling(geplant) -> None:
    data = geplant.get("/afwegingskader.json").get_json()
    assert set(data) == {"criteria", "regel", "uitleg_score", "rangorde", "niet_beoordeeld"}
    assert [(o["id"], o["advies"]) for o in data["rangorde"]] == [
        ("wsp", "verbinden"), ("uwv", "niet verbinden")]
    assert data["rangorde"][0]["besluit"]["besluit"] == "verbinden"
    assert geplant.get("/afwegingskader", headers={"Accept": "application/json"}).get_json() == data


def test_entiteit_linkt_en_rapport_toont(geplant) -> None:
    html = geplant.get("/doc/initiatief/wsp").get_data(as_text=True)
    assert 'href="/afwegingskader/initiatief/wsp"' in html
    rapport = geplant.get("/rapport").get_data(as_text=True)
    sectie = rapport[rapport.index('id="afweging-kop"'):rapport.index('id="versie-kop"')]
    assert "Werkgeversservicepunt" in sectie and "78%" in sectie and "Regionaal Beraad" in sectie
    assert geplant.get("/rapport.json").get_json()["afwegingskader"]["rangorde"][0]["id"] == "wsp"
