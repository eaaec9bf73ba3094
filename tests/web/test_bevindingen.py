"""The findings pages: every check, its explanation, findings with links, its SPARQL, a peildatum."""
from __future__ import annotations

from datetime import date

import pytest

from beraad_werkboek import beraad_client
from overlap_werkboek import overlap_rijen
from graaf import checks


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("bevindingen-web"), overlap_rijen())


def test_in_menu_alle_controles_in_volgorde_en_groepen(client) -> None:
    html = client.get("/bevindingen").get_data(as_text=True)
    assert '<a href="/bevindingen" aria-current="page">Bevindingen</a>' in html
    plekken = [html.index(f'id="check-{code}"') for code, _ in checks.CHECKS]
    assert plekken == sorted(plekken)
    hiaten, overlap, netwerk = (html.index(f'id="groep-{s}"') for s in ("hiaat", "overlap", "netwerk"))
    assert hiaten < plekken[0] < plekken[7] < overlap < plekken[8] < plekken[10] < netwerk < plekken[11]
    for code, titel in checks.CHECKS:
        assert titel in html and checks.check(code).uitleg.replace("'", "&#39;") in html


def test_geen_bevindingen_en_sparql(client) -> None:
    html = client.get("/bevindingen").get_data(as_text=True)
    blok = html[html.index('id="check-werkgevers-meervoudig-benaderd"'):]
    blok = blok[:blok.index("</section>")]
    assert "(0 bevindingen)" in blok and "Geen bevindingen." in blok
    assert "<details" in blok and "GROUP BY ?sector ?naam" in blok
    assert 'href="/sparql/editor#werkgevers-meervoudig-benaderd"' in blok


def test_bevinding_linkt_naar_wat_het_over_gaat(geplant) -> None:
    html = geplant.get("/bevindingen/dubbel-aanbod").get_data(as_text=True)
    assert "(2 bevindingen)" in html
    assert '<a href="/doc/initiatief/jongerenloket">Jongerenloket Hilversum</a>' in html
    assert '<a href="/doc/doel/subdoel-1">Iedereen doet mee</a>' in html
    assert '<a href="/doc/organisatie/huizen">Gemeente Huizen</a>' in html


def test_json_is_uitvoer_van_de_controles(geplant, site_app, client) -> None:
    dag = "2026-03-01"
    data = client.get(f"/bevindingen.json?peildatum={dag}").get_json()
    store = site_app.extensions["scan"]
    assert data == checks.draai(store, date.fromisoformat(dag))
    een = client.get(f"/bevindingen/verouderd.json?peildatum={dag}").get_json()
    assert een["bevindingen"] == checks.draai(store, date.fromisoformat(dag), ["verouderd"])["bevindingen"]
    assert een["check"]["titel"] == checks.check("verouderd").titel
    assert "SELECT" in een["check"]["queries"][0]["sparql"]


def test_peildatum_verandert_verouderd(geplant) -> None:
    voor = geplant.get("/bevindingen/verouderd.json?peildatum=2026-06-01").get_json()
    na = geplant.get("/bevindingen/verouderd.json?peildatum=2026-07-01").get_json()
    assert ["oud"] not in [b["onderwerpen"] for b in voor["bevindingen"]]
    assert ["oud"] in [b["onderwerpen"] for b in na["bevindingen"]]
    html = geplant.get("/bevindingen?peildatum=2026-07-01").get_data(as_text=True)
    assert 'value="2026-07-01"' in html and "Oud project" in html


def test_standaard_peildatum_is_vandaag(client) -> None:
    assert client.get("/bevindingen.json").get_json()["peildatum"] == date.today().isoformat()


@pytest.mark.parametrize("pad", ["/bevindingen", "/bevindingen/verouderd"])
def test_ongeldige_peildatum(client, pad: str) -> None:
    antwoord = client.get(f"{pad}?peildatum=2026-02-30")
    assert antwoord.status_code == 400
    assert "is geen geldige datum" in antwoord.get_data(as_text=True)


def test_onbekende_controle(client) -> None:
    antwoord = client.get("/bevindingen/bestaat-niet")
    assert antwoord.status_code == 404
    html = antwoord.get_data(as_text=True)
    assert "Er is geen controle &#39;bestaat-niet&#39;." in html
    assert 'href="/bevindingen/dubbel-aanbod"' in html


def test_python_controle_toont_invoerqueries(client) -> None:
    html = client.get("/bevindingen/doel-afhankelijk-van-een-partij").get_data(as_text=True)
    assert "Deze controle vergelijkt de gegevens in het programma zelf." in html
    assert 'href="/sparql/editor#initiatief-organisaties"' in html
    assert 'href="/sparql/editor#doel-initiatieven"' in html
