"""Every write route, enumerated from the URL map: no login → refused, no token → refused.

So a write route added later is covered without anyone adding it here;
only the read-only SPARQL endpoint and the login form itself are exempt
from the login requirement (the login form still needs its token).
"""
from __future__ import annotations

import re

import pytest

from accounthulp import csrf_token

SCHRIJVEN = ("POST", "PUT", "PATCH", "DELETE")
ZONDER_CSRF = {"/sparql"}
OPENBAAR = {"/inloggen"}  # writes nothing but a session




def _weigert_anoniem(antwoord) -> bool:
    if antwoord.status_code in (401, 403):
        return True
    return antwoord.status_code in (302, 303) and \
        antwoord.headers["Location"].startswith("/inloggen")


def test_er_zijn_schrijfroutes(site_app) -> None:
    routes = {url for _, url in _routes(site_app)}
    assert {"/inloggen", "/uitloggen"} <= routes


def _routes(site_app) -> list[tuple[str, str]]:
    uit = []
    for regel in site_app.url_map.iter_rules():
        if regel.rule in ZONDER_CSRF:
            continue
        url = re.sub(r"<(?:int|float):[^>]+>", "1", regel.rule)
        url = re.sub(r"<[^>]+>", "x", url)
        uit += [(m, url) for m in SCHRIJVEN if m in (regel.methods or ())]
    return sorted(uit)


def test_zonder_login_geweigerd_ook_met_geldig_token(site_app, client) -> None:
    token = csrf_token(client)
    for methode, url in _routes(site_app):
        if url in OPENBAAR:
            continue
        antwoord = client.open(url, method=methode, data={"csrf_token": token},
                               headers={"X-CSRFToken": token})
        assert _weigert_anoniem(antwoord), f"{methode} {url}: {antwoord.status_code}"


@pytest.mark.parametrize("rol", ["lezer", "beheerder"])
def test_ingelogd_zonder_token_geweigerd(site_app, client, log_in, rol) -> None:
    log_in(rol)
    for methode, url in _routes(site_app):
        for data in ({}, {"csrf_token": "vervalst"}):
            antwoord = client.open(url, method=methode, data=data)
            assert antwoord.status_code in (400, 403), f"{methode} {url}: {antwoord.status_code}"
            assert "CSRF" in antwoord.get_data(as_text=True)


def test_inlogformulier_zonder_token_geweigerd_in_het_nederlands(client) -> None:
    antwoord = client.post("/inloggen", data={"gebruikersnaam": "x", "wachtwoord": "y"})
    assert antwoord.status_code == 400
    assert "Dit formulier is verlopen" in antwoord.get_data(as_text=True)
    json_ = client.post("/inloggen", headers={"Accept": "application/json"})
    assert json_.status_code == 400 and "CSRF" in json_.json["fout"]


def test_token_van_een_andere_sessie_geweigerd(site_app, client, log_in) -> None:
    ander = site_app.test_client()
    vreemd = csrf_token(ander)
    log_in("beheerder")
    antwoord = client.post("/uitloggen", data={"csrf_token": vreemd})
    assert antwoord.status_code == 400


def test_sparql_post_zonder_token_werkt(client) -> None:
    antwoord = client.post("/sparql", data={"query": "ASK {}"},
                           headers={"Accept": "application/sparql-results+json"})
    assert antwoord.status_code == 200 and antwoord.json["boolean"] is True
