"""The network map /netwerk through Flask's test client: filters, legend, text, JSON twin."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from flask import Flask

from graaf.rijen import rijen
from ingest.contract import LOPEND

DATA = re.compile(r'<script type="application/json" id="netwerk-data">(.*?)</script>', re.S)


def kaart(client, query: str = "") -> dict:
    antwoord = client.get("/netwerk.json" + query)
    assert antwoord.status_code == 200
    return antwoord.get_json()


def initiatieven(data: dict) -> set[str]:
    return {k["werkboek_id"] for k in data["knopen"] if k["soort"] == "initiatief"}


def vis_knopen(html: str) -> list[dict]:
    """The nodes the page hands to vis-network (the JSON block netwerk.js draws)."""
    return json.loads(DATA.search(html).group(1))["nodes"]


def test_pagina_in_menu_met_titel_en_taal(client) -> None:
    html = client.get("/netwerk").get_data(as_text=True)
    assert '<html lang="nl">' in html and "<title>Netwerk ·" in html
    assert 'href="/netwerk" aria-current="page">Netwerk</a>' in html


def test_standaard_alleen_lopende_initiatieven(client) -> None:
    standaard = kaart(client)
    statussen = {k["status"] for k in standaard["knopen"] if k["soort"] == "initiatief"}
    assert statussen and statussen <= set(LOPEND)
    assert standaard["filters"]["gekozen"]["status"] == list(LOPEND)
    alle = kaart(client, "?status=lopend&status=gepland&status=afgerond&status=gestopt"
                         "&status=opgegaan-in")
    assert initiatieven(standaard) < initiatieven(alle)


@pytest.fixture(scope="module")
def regio_app(tmp_path_factory) -> Iterator[Flask]:
    """The site on one synthetic region (bench/genereer.py): unlike the example scan,
    whose initiatives all cover the whole region, it has initiatives in some gemeenten."""
    from bench.genereer import schrijf, werkboek
    from graaf.scan import laad
    from graaf.store import Store
    from web import create_app

    map_ = tmp_path_factory.mktemp("netwerk-regio")
    store = Store(map_ / "store")
    laad(store, schrijf(werkboek(1, 40), map_ / "werkboek"), door="test")
    store.close()
    del store
    app = create_app({"STORE": str(map_ / "store"), "SECRET_KEY": "test", "TESTING": True})
    yield app
    app.extensions["scan"].close()


def test_gemeentefilter_laat_initiatieven_elders_weg(regio_app) -> None:
    """Filtering on a gemeente keeps exactly the initiatives that work there or in the
    whole region; the others drop off the map."""
    client = regio_app.test_client()
    kenmerken: dict[str, set[str]] = {}
    for r in rijen(regio_app.extensions["scan"], "netwerkkaart-kenmerken"):
        if r["kenmerk"] == "gemeente":
            kenmerken.setdefault(r["initiatief"], set()).add(r["waarde"])
    alle = kaart(client)
    gekrompen = False
    for g in alle["filters"]["keuzes"]["gemeente"]:
        gefilterd = kaart(client, f"?gemeente={g['id']}")
        verwacht = {i for i in initiatieven(alle) if kenmerken.get(i, set()) & {g["id"], "regio"}}
        assert initiatieven(gefilterd) == verwacht, g["id"]
        gekrompen |= len(gefilterd["knopen"]) < len(alle["knopen"])
        html = client.get(f"/netwerk?gemeente={g['id']}").get_data(as_text=True)
        assert len(vis_knopen(html)) == len(gefilterd["knopen"])
    assert gekrompen, "geen enkele gemeente laat een initiatief weg: test zegt niets"


def test_filter_zonder_treffers_geeft_lege_kaart(client) -> None:
    data = kaart(client, "?doelgroep=bestaat-niet")
    assert data["knopen"] == [] and data["clusters"] == [] and data["centraliteit"]["partners"] == []
    assert "Geen initiatieven met een organisatie" in client.get(
        "/netwerk?doelgroep=bestaat-niet").get_data(as_text=True)


@pytest.mark.parametrize("filter_", ["opgave", "subdoel", "doelgroep"])
def test_doelfilters_geven_een_deel(client, filter_: str) -> None:
    alle = kaart(client)
    delen = [initiatieven(kaart(client, f"?{filter_}={o['id']}"))
             for o in alle["filters"]["keuzes"][filter_]]
    assert all(d <= initiatieven(alle) for d in delen)
    assert any(d and d < initiatieven(alle) for d in delen)


def test_organisatiesoort_laat_alleen_die_soort_zien(client) -> None:
    data = kaart(client, "?organisatiesoort=gemeente")
    soorten = {k["organisatiesoort"] for k in data["knopen"] if k["soort"] == "organisatie"}
    assert soorten == {"gemeente"}
    assert all(d > 0 for d in _graden(data).values()), "een initiatief zonder gemeente bleef staan"


def _graden(data: dict) -> dict[str, int]:
    graad = {k["id"]: 0 for k in data["knopen"]}
    for v in data["verbindingen"]:
        graad[v["van"]] += 1
        graad[v["naar"]] += 1
    return graad


def test_egonetwerk_van_een_partner(client) -> None:
    alle = kaart(client)
    ego = kaart(client, "?partner=uwv")
    assert ego["ego"]["id"] == "uwv" and ego["melding"] is None
    assert "organisatie:uwv" in {k["id"] for k in ego["knopen"]}
    assert len(ego["knopen"]) < len(alle["knopen"])
    onbekend = kaart(client, "?partner=bestaat-niet")
    assert onbekend["ego"] is None and "bestaat-niet" in onbekend["melding"]
    assert len(onbekend["knopen"]) == len(alle["knopen"])


def test_centraliteit_en_clusters(client) -> None:
    data = kaart(client)
    partners = data["centraliteit"]["partners"]
    assert partners and data["centraliteit"]["exact"]
    assert [p["waarde"] for p in partners] == sorted((p["waarde"] for p in partners), reverse=True)
    orgs = {k["werkboek_id"] for k in data["knopen"] if k["soort"] == "organisatie"}
    assert data["clusters"] and all(o["id"] in orgs for c in data["clusters"] for o in c)


def test_legenda_en_tekstalternatief(client) -> None:
    html = client.get("/netwerk").get_data(as_text=True)
    data = kaart(client)
    assert 'id="legenda-kop">Legenda</h2>' in html
    for regel in data["legenda"]["vormen"] + data["legenda"]["lijnen"]:
        assert regel["tekst"] in html
    for soort in data["legenda"]["organisatiesoorten"]:
        assert soort["tekst"] in html
    assert "Het netwerk als tekst" in html
    for p in data["partners"]:
        assert f'href="/doc/organisatie/{p["id"]}"' in html
        for i in p["initiatieven"]:
            assert f'href="/doc/initiatief/{i["id"]}"' in html


def test_json_telt_evenveel_knopen_als_de_kaart(client) -> None:
    for query in ("", "?gemeente=hilversum", "?partner=uwv"):
        html = client.get("/netwerk" + query).get_data(as_text=True)
        data = kaart(client, query)
        knopen = vis_knopen(html)
        assert len(knopen) == len(data["knopen"]) == data["totalen"]["knopen"]
        assert f'data-knopen="{len(knopen)}"' in html
        assert {k["id"] for k in knopen} == {k["id"] for k in data["knopen"]}
        assert set(data) >= {"knopen", "verbindingen", "filters", "centraliteit", "clusters"}


def test_knopen_openen_hun_pagina(client) -> None:
    knopen = vis_knopen(client.get("/netwerk").get_data(as_text=True))
    for k in knopen:
        segment = "organisatie" if k["id"].startswith("organisatie:") else "initiatief"
        assert k["url"] == f"/doc/{segment}/{k['id'].split(':', 1)[1]}"
    assert client.get(knopen[0]["url"]).status_code == 200


@pytest.mark.parametrize("query", ["", "?partner=uwv", "?status=afgerond&organisatiesoort=uwv"])
def test_geen_cdn_en_geen_inline_script(client, query: str) -> None:
    html = client.get("/netwerk" + query).get_data(as_text=True)
    for woord in ("cdn", "jsdelivr", "cdnjs", "unpkg"):
        assert woord not in html.lower(), woord
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert 'src="/static/vendor/vis-network/vis-network.min.js"' in html
