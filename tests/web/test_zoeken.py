"""Search over names and descriptions: grouped by kind, linked, case- and accent-blind."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graaf import zoeken
from graaf.scan import VOORBEELD, laad
from graaf.store import Store
from graaf.vocab import DEFAULT_BASE


def _namen(client, vraag: str) -> dict[str, list[str]]:
    data = client.get("/zoeken.json", query_string={"q": vraag}).get_json()
    return {g["soort"]: [t["naam"] for t in g["treffers"]] for g in data["groepen"]}


def test_werkgevers_vindt_de_initiatieven(client) -> None:
    namen = _namen(client, "werkgevers")
    assert list(namen)[0] == "initiatief"  # the unit of the scan comes first
    for naam in ("Werkgeversservicepunt (WSP)", "Ondersteuning werkgevers bij de Banenafspraak",
                 "Doorontwikkeling en werkplan werkgeversdienstverlening"):
        assert naam in namen["initiatief"]
    assert "Werkgevers" in namen["doelgroep"]


def test_html_groepeert_en_linkt_naar_de_paginas(client) -> None:
    html = client.get("/zoeken?q=werkgevers").get_data(as_text=True)
    assert '<h2 id="groep-1">Initiatief (' in html
    assert '<a href="/doc/initiatief/wsp">Werkgeversservicepunt (WSP)</a>' in html
    assert "<mark>" in html  # the snippet marks the match
    assert 'value="werkgevers"' in html


def test_hoofdletters_en_accenten_maken_niet_uit(client) -> None:
    assert _namen(client, "WERKGEVERS") == _namen(client, "werkgevers")
    for vraag in ("commerciele", "COMMERCIËLE", "Commerciële beroepen", "commerciële"):
        assert "Commerciële beroepen" in _namen(client, vraag).get("sector", []), vraag


def test_alle_woorden_moeten_voorkomen(client) -> None:
    namen = _namen(client, "werkgevers banenafspraak")
    assert "Ondersteuning werkgevers bij de Banenafspraak" in namen["initiatief"]
    assert "Werkgeversservicepunt (WSP)" not in namen["initiatief"]


def test_lege_en_onvindbare_vraag(client) -> None:
    assert client.get("/zoeken").status_code == 200
    assert client.get("/zoeken.json?q=%20%20").get_json()["totaal"] == 0
    html = client.get("/zoeken?q=xyzzyquux").get_data(as_text=True)
    assert "Niets gevonden" in html


def test_personen_niet_vindbaar_voor_anonieme_bezoekers(client, site_app, monkeypatch) -> None:
    assert client.get("/zoeken.json?q=spoelstra").get_json()["totaal"] == 0
    monkeypatch.setitem(site_app.config, "PERSOONSGEGEVENS_OPENBAAR", True)
    assert "Nienke Spoelstra" in _namen(client, "spoelstra")["persoon"]


def test_zoekvak_in_de_kop_van_elke_pagina(client) -> None:
    for pad in ("/", "/doc/organisatie/uwv", "/def"):
        html = client.get(pad).get_data(as_text=True)
        assert '<label for="kop-zoeken-q">Zoeken</label>' in html, pad
        assert 'id="kop-zoeken-q" name="q"' in html


def test_vouw_en_fragment() -> None:
    assert zoeken.vouw("Creatiëve ÉÉN Straße") == "creatieve een strasse"
    delen = zoeken.fragment("De Commerciële beroepen", ["commerciele"])
    assert ("Commerciële", True) in delen
    assert "".join(t for t, _ in delen) == "De Commerciële beroepen"


def test_nieuwe_versie_geeft_nieuwe_index() -> None:
    store = Store()
    laad(store, VOORBEELD, door="test")
    assert zoeken.zoek(store, "quuxinitiatief", DEFAULT_BASE, False)["totaal"] == 0
    g = store.graaf()
    g.add((URIRef(f"{DEFAULT_BASE}/id/initiatief/wsp"), RDFS.label, Literal("Quuxinitiatief")))
    store.nieuwe_versie(iter(g), door="test")
    assert zoeken.zoek(store, "quuxinitiatief", DEFAULT_BASE, False)["totaal"] == 1
