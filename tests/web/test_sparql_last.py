"""Under load, on a real ``graaf serve``: the per-client limits hold and nothing leaks.

A short run of ``bench.last`` (about 15 s of load): five clients with their own
loopback addresses send cheap pages, cheap, expensive, bad and flooding
queries at once. What a user notices is asserted, never timing (the
machine is shared; ``python -m bench.last`` reports the figures): the page
visitor gets no error, the flooding client gets 429 with ``Retry-After``
and a Dutch reason, the client with parallel expensive queries is capped
and its queries are cut off, and afterwards the server has as many worker
processes as before, none a zombie.
"""
from __future__ import annotations

import pytest

from bench import last


@pytest.fixture(scope="module")
def rapport() -> dict:
    return last.draai(duur=15.0, tijdslimiet=1.5, budget=60, stil=2.0)


def test_paginas_zonder_fouten(rapport) -> None:
    statussen = rapport["klassen"]["pagina"]["statussen"]
    assert statussen and set(statussen) == {200}, statussen


def test_stortvloed_krijgt_429_met_retry_after(rapport) -> None:
    vloed = rapport["klassen"]["stortvloed"]
    assert vloed["statussen"].get(429, 0) > 0 and vloed["statussen"].get(200, 0) > 0
    assert all(k["429_zonder_retry_after"] == 0 for k in rapport["klassen"].values())
    assert rapport["logboek"]["redenen"].get("budget-op", 0) > 0


def test_parallelle_dure_queries_begrensd_en_afgekapt(rapport) -> None:
    duur = rapport["klassen"]["duur"]["statussen"]
    assert duur.get(429, 0) > 0 and duur.get(503, 0) > 0 and not duur.get(200)
    assert rapport["logboek"]["redenen"].get("te-veel-tegelijk", 0) > 0


def test_foute_queries_geweigerd(rapport) -> None:
    fout = rapport["klassen"]["fout"]["statussen"]
    assert {400, 403} <= set(fout) <= {400, 403, 429, 503}, fout


def test_geen_werkerlek(rapport) -> None:
    assert rapport["voor"]["werkers"] >= 1
    assert rapport["na"]["werkers"] == rapport["voor"]["werkers"]
    assert rapport["na"]["zombies"] == []


def test_anonieme_adressen_ingekort(rapport) -> None:
    assert rapport["logboek"]["regels"] > 0 and rapport["logboek"]["volledige_ip"] == 0


def test_budget_per_client_met_nederlandse_melding(tmp_path) -> None:
    """Over budget: 429, Retry-After in whole seconds, a Dutch reason; another address
    is not affected (the budget is per client)."""
    from web import create_app

    app = create_app({"STORE_IN_GEHEUGEN": True, "TESTING": True, "SECRET_KEY": "t",
                      "SPARQL_BUDGET": 3, "SPARQL_BUDGET_VENSTER": 60,
                      "LOGBOEK": str(tmp_path / "log.jsonl")})
    try:
        client, vraag = app.test_client(), {"query": "ASK { ?s ?p ?o }"}
        statussen = [client.get("/sparql", query_string=vraag).status_code for _ in range(4)]
        assert statussen == [200, 200, 200, 429]
        antwoord = client.get("/sparql", query_string=vraag, headers={"Accept": "text/plain"})
        assert 1 <= int(antwoord.headers["Retry-After"]) <= 20
        assert antwoord.get_data(as_text=True).startswith("Te veel queries van uw adres")
        ander = client.get("/sparql", query_string=vraag, environ_base={"REMOTE_ADDR": "192.0.2.5"})
        assert ander.status_code == 200
    finally:
        app.extensions["sparql_werkers"].sluit()
