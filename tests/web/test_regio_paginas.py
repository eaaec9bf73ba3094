"""The region as a first-class filter on the site: with several regions every overview
page shows one region (chosen, remembered, or the default); with one nothing changes."""
from __future__ import annotations

from datetime import date

import pytest
from regio_werkboek import regio_rijen

from graaf import checks, kerncijfers

PAGINAS = ("/", "/dekking", "/bevindingen", "/overlap", "/netwerk", "/rapport", "/din",
           "/invloedssfeer")
JSON = {"/": "/index.json"}


def _json(pad: str) -> str:
    return JSON.get(pad, pad + ".json")


@pytest.fixture(scope="module")
def app(eigen_site):
    return eigen_site("regio-site", regio_rijen())


@pytest.mark.parametrize("pad", [p for p in PAGINAS if p != "/netwerk"])
def test_elke_pagina_heeft_regiokeuze_en_standaard_de_eerste(app, pad) -> None:
    client = app.test_client()
    html = client.get(pad).get_data(as_text=True)
    assert '<label for="regiokeuze-lijst">Regio</label>' in html
    keuze = html[html.index('id="regiokeuze-lijst"'):]
    assert keuze[:keuze.index("</select>")].count("<option ") == 3
    assert '<option value="r03" selected>Friesland</option>' in html  # first by name
    data = client.get(_json(pad)).get_json()
    assert data["regio"] == {"id": "r03", "naam": "Friesland"}
    assert [r["id"] for r in data["regios"]] == ["r03", "r01", "r02"]


def test_netwerkkaart_kan_alle_regios_tonen_op_verzoek(app) -> None:
    """The map opens on one region like every page; partners cross region borders, so
    'Alle regio's' is one of the choices there (and only there), never remembered."""
    client = app.test_client()
    standaard = client.get("/netwerk.json").get_json()
    assert standaard["regio"]["id"] == "r03" and [r["id"] for r in standaard["regios"]][0] == "alle"
    alle = client.get("/netwerk.json?regio=alle").get_json()
    assert alle["regio"]["id"] == "alle"
    assert 0 < len(standaard["knopen"]) < len(alle["knopen"])
    assert client.get("/netwerk.json").get_json()["regio"]["id"] == "r03"  # 'alle' not kept
    client.get("/netwerk.json?regio=r01")
    assert client.get("/netwerk.json").get_json()["regio"]["id"] == "r01"  # a region is kept
    assert client.get("/dekking?regio=alle").status_code == 404  # elsewhere one region


@pytest.mark.parametrize("pad", PAGINAS)
def test_gekozen_regio_en_onthouden(app, pad) -> None:
    client = app.test_client()
    assert client.get(f"{_json(pad)}?regio=r02").get_json()["regio"]["id"] == "r02"
    assert client.get(_json(pad)).get_json()["regio"]["id"] == "r02"  # remembered
    html = client.get(pad).get_data(as_text=True)
    assert '<option value="r02" selected>Groningen</option>' in html


def test_dashboard_toont_de_cijfers_van_de_regio(app) -> None:
    scan = app.extensions["scan"]
    client = app.test_client()
    per = {r: client.get(f"/index.json?regio={r}").get_json() for r in ("r01", "r02", "r03")}
    totaal = kerncijfers.tel(scan)
    assert sum(p["cijfers"]["initiatieven"] for p in per.values()) == totaal["initiatieven"]
    assert len({p["cijfers"]["initiatieven"] for p in per.values()}) > 1
    gemeenten = {r["id"]: r["gemeenten"] for r in per["r01"]["regios"]}
    html = client.get("/?regio=r01").get_data(as_text=True)
    assert "Alle regio's in deze scan" in html and f'<td class="getal">{gemeenten["r02"]}</td>' in html


def test_bevindingen_zijn_die_van_graaf_check_regio(app) -> None:
    scan = app.extensions["scan"]
    client = app.test_client()
    for regio in ("r01", "r03"):
        pagina = client.get(f"/bevindingen.json?regio={regio}&peildatum=2026-05-07").get_json()
        verwacht = checks.draai(scan, date(2026, 5, 7), regio=regio)
        assert pagina["bevindingen"] == verwacht["bevindingen"] and verwacht["bevindingen"]


def test_dekking_heeft_alleen_de_gemeenten_van_de_regio(app) -> None:
    data = app.test_client().get("/dekking.json?regio=r02").get_json()
    kolommen = [k["id"] for k in data["doelgroep_gemeente"]["kolommen"] if k["id"]]
    assert kolommen and all(k.startswith("r02-") for k in kolommen)
    assert all(r["id"].startswith("r02-") for r in data["doel_doelgroep"]["rijen"])


def test_netwerk_en_din_blijven_in_de_regio(app) -> None:
    client = app.test_client()
    kaart = client.get("/netwerk.json?regio=r03").get_json()
    ids = [k["id"] for k in kaart["knopen"] if k.get("soort") == "initiatief"]
    assert ids and all(i.startswith("initiatief:r03-") for i in ids)
    din = client.get("/din.json?regio=r03").get_data(as_text=True)
    assert "r03-subdoel-1" in din and "r01-subdoel-1" not in din


def test_onbekende_regio_is_404_in_het_nederlands(app) -> None:
    antwoord = app.test_client().get("/dekking?regio=atlantis")
    assert antwoord.status_code == 404
    assert "Er is geen regio" in antwoord.get_data(as_text=True)


def test_ingestelde_standaardregio(app) -> None:
    app.config["REGIO"] = "r01"
    try:
        assert app.test_client().get("/din.json").get_json()["regio"]["id"] == "r01"
    finally:
        app.config.pop("REGIO")


@pytest.mark.parametrize("pad", PAGINAS)
def test_een_regio_verandert_niets(client, pad) -> None:
    """The example scan (one region): no selector, no extra JSON keys."""
    html = client.get(pad).get_data(as_text=True)
    assert "regiokeuze" not in html
    data = client.get(_json(pad)).get_json()
    assert "regio" not in data and "regios" not in data
