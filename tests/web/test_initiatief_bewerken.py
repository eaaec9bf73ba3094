"""Editing one initiative through the form: its fields and links, validated like an upload.

On its own app and store (KLEIN as version 1), so the versions made here stay here.
"""
from __future__ import annotations

import re

import pytest

from accounthulp import csrf_token

FORMULIER = "/beheer/initiatief/wsp"


@pytest.fixture(scope="module")
def site_app(eigen_site):
    return eigen_site("initiatief-bewerken")


def _nummer(site_app) -> int:
    return site_app.extensions["scan"].huidige().nummer


def _velden(html: str) -> dict[str, list[str]]:
    """The form's submitted values as the browser would send them (inputs, checked boxes,
    selected options, textareas)."""
    velden: dict[str, list[str]] = {}
    for naam, waarde in re.findall(r'<input id="veld-[^"]+" name="([^"]+)" type="(?:text|date)" value="([^"]*)"', html):
        velden.setdefault(naam, []).append(waarde)
    for naam, waarde in re.findall(r'type="checkbox" id="[^"]+" name="([^"]+)" value="([^"]+)" checked', html):
        velden.setdefault(naam, []).append(waarde)
    for naam, opties in re.findall(r'<select id="veld-[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        gekozen = re.findall(r'<option value="([^"]*)" selected>', opties)
        velden[naam] = gekozen or [""]
    for naam, tekst in re.findall(r'<textarea id="veld-[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        velden[naam] = [tekst]
    return velden


def _stuur(client, velden: dict[str, list[str]], **wijziging):
    data = {**velden, **{k: v if isinstance(v, list) else [v] for k, v in wijziging.items()}}
    data["csrf_token"] = [csrf_token(client)]
    return client.post(FORMULIER, data=data)


def test_bewerken_link_alleen_voor_beheerder(client, log_in) -> None:
    assert 'href="/beheer/initiatief/wsp"' not in client.get("/doc/initiatief/wsp").get_data(as_text=True)
    log_in("adviseur")
    assert 'href="/beheer/initiatief/wsp"' not in client.get("/doc/initiatief/wsp").get_data(as_text=True)
    assert client.get(FORMULIER).status_code == 403
    client.post("/uitloggen", data={"csrf_token": csrf_token(client)})
    log_in("beheerder")
    assert 'href="/beheer/initiatief/wsp">Bewerken' in client.get("/doc/initiatief/wsp").get_data(as_text=True)
    assert client.get("/beheer/initiatief/bestaat-niet").status_code == 404


def test_formulier_toont_huidige_waarden(client, log_in) -> None:
    log_in("beheerder")
    velden = _velden(client.get(FORMULIER).get_data(as_text=True))
    assert velden["naam"] == ["Werkgeversservicepunt"] and velden["status"] == ["lopend"]
    assert velden["doelgroepen"] == ["jongeren"] and velden["inspanningen"] == ["matching"]
    assert sorted(velden["partners"]) == ["hilversum", "huizen"] and velden["trekker"] == ["p-jansen"]
    assert velden["start"] == ["2020-01-01"] and velden["werkgeversbenadering"] == ["ja"]


def test_wijzigen_maakt_een_versie_met_alleen_die_wijziging(site_app, client, log_in) -> None:
    naam = log_in("beheerder")
    voor = _nummer(site_app)
    velden = _velden(client.get(FORMULIER).get_data(as_text=True))
    antwoord = _stuur(client, velden, naam="Werkgeversservicepunt Gooi", doelgroepen=["jongeren", "werkzoekenden"],
                      werkgebied=["hilversum", "huizen"], budget_eur="130000", beschrijving="Eén loket")
    assert antwoord.status_code == 303 and antwoord.headers["Location"] == "/doc/initiatief/wsp"
    versie = site_app.extensions["scan"].huidige()
    assert (versie.nummer, versie.door) == (voor + 1, naam) and "Werkgeversservicepunt Gooi" in versie.notitie
    pagina = client.get("/doc/initiatief/wsp").get_data(as_text=True)
    assert "<h1>Werkgeversservicepunt Gooi</h1>" in pagina and "Eén loket" in pagina
    assert ">Werkzoekenden</a>" in pagina and ">Gemeente Huizen</a>" in pagina
    verschil = client.get(f"/versies/{voor}/{voor + 1}.json").get_json()
    gewijzigd = [(b["blad"], g["id"]) for b in verschil["bladen"] for g in b["gewijzigd"]]
    assert gewijzigd == [("initiatieven", "wsp")]
    assert all(not b["toegevoegd"] and not b["verwijderd"] for b in verschil["bladen"])
    regels, _ = site_app.extensions["audit"].lees(1, 3)
    assert regels[0]["actie"] == "initiatief: bewerken" and regels[0]["wie"] == naam


def test_ongeldige_invoer_meldingen_bij_het_veld(site_app, client, log_in) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    velden = _velden(client.get(FORMULIER).get_data(as_text=True))
    antwoord = _stuur(client, velden, naam="", start="2030-01-01", eind="2021-01-01",
                      doelgroepen=["jongeren", "marsmannetjes"], budget_eur="veel")
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 422 and "Niet opgeslagen" in html
    fouten = dict(re.findall(r'class="veldfout" id="fout-([a-z_]+)">([^<]+)<', html))
    assert "verplicht" in fouten["naam"]
    assert "marsmannetjes" in fouten["doelgroepen"] and "Onbekende verwijzing" in fouten["doelgroepen"]
    assert "veel" in fouten["budget_eur"]
    assert _nummer(site_app) == voor
    assert 'value="veel"' in html  # what was typed stays on the form


def test_verouderd_formulier_geweigerd(site_app, client, log_in) -> None:
    log_in("beheerder")
    html = client.get(FORMULIER).get_data(as_text=True)
    velden = _velden(html)
    velden["op_versie"] = [re.search(r'name="op_versie" value="(\d+)"', html).group(1)]
    assert _stuur(client, velden, bron="eerste").status_code == 303
    antwoord = _stuur(client, velden, bron="tweede, op een oude stand")
    assert antwoord.status_code == 409 and "gewijzigd nadat u dit formulier opende" in antwoord.get_data(as_text=True)


def test_ongewijzigd_opslaan_maakt_geen_versie(site_app, client, log_in) -> None:
    log_in("beheerder")
    voor = _nummer(site_app)
    antwoord = _stuur(client, _velden(client.get(FORMULIER).get_data(as_text=True)))
    assert antwoord.status_code == 303 and _nummer(site_app) == voor
    assert "Er was niets te wijzigen" in client.get("/doc/initiatief/wsp").get_data(as_text=True)
