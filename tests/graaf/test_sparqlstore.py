"""The remote store on a real Virtuoso: same answers as the embedded store, safe binding,
credentials never shown, the site and its endpoint on top of it.

The core's check and store tests run on both engines through ``opslag_motor``
(tests/graaf/test_checks.py, test_store.py); the crash test is in
test_sparqlstore_crash.py.
"""
from __future__ import annotations

import json
import logging
from datetime import date

import pytest
from rdflib import Literal, URIRef

import virtuoso as v
from graaf import checks
from graaf.fouten import ScanFout
from graaf.opslag import open_store
from graaf.scan import VOORBEELD, laad
from graaf.store import Store

PEIL = "2026-05-07"


@pytest.fixture
def remote(virtuoso):
    """A fresh remote store on the session's Virtuoso (emptied), with the example scan."""
    v.leeg(virtuoso)
    store = open_store(virtuoso.spec, v.GEBRUIKER, virtuoso.wachtwoord)
    laad(store, VOORBEELD, door="test")
    return store


@pytest.fixture
def login(virtuoso, monkeypatch):
    monkeypatch.setenv("GRAAF_STORE_GEBRUIKER", v.GEBRUIKER)
    monkeypatch.setenv("GRAAF_STORE_WACHTWOORD", virtuoso.wachtwoord)


def test_check_json_van_de_voorbeeldscan_is_gelijk_op_beide_motoren(virtuoso, login, graaf_cli):
    """``graaf check --json`` on the example scan: byte-identical findings on both engines."""
    from click.testing import CliRunner

    from graaf.cli import main

    v.leeg(virtuoso)
    ingebed = graaf_cli("check", "--json", "--peildatum", PEIL)
    op_server = CliRunner().invoke(main, ["--store", virtuoso.spec, "check", "--json",
                                          "--peildatum", PEIL])
    assert ingebed.exit_code == 0 and op_server.exit_code == 0, op_server.output
    assert json.loads(ingebed.output)["bevindingen"], "the example scan has findings"
    assert op_server.output == ingebed.output
    versies = CliRunner().invoke(main, ["--store", virtuoso.spec, "versies"])
    assert versies.exit_code == 0 and "graaf (voorbeeldscan)" in versies.output


def test_versie_inhoud_en_exports_gelijk_aan_ingebed(remote):
    ingebed = Store()
    laad(ingebed, VOORBEELD, door="test")
    assert remote.graaf().isomorphic(ingebed.graaf())
    assert remote.huidige().triples == ingebed.huidige().triples
    assert sorted(remote.dump(formaat="nt").splitlines()) == \
        sorted(ingebed.dump(formaat="nt").splitlines())
    assert remote.dump(formaat="nq").count(b"<urn:graaf:versie:1> .") == remote.huidige().triples
    vraag = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?klasse }"
    assert remote.waarden(vraag) == ingebed.waarden(vraag)


def test_gebonden_waarden_worden_als_rdf_termen_geschreven(remote):
    """A bound value is one RDF term, whatever it contains: no query text gets in."""
    vraag = "SELECT ?naam ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?naam }"
    eerste = remote.waarden(vraag)[0]
    gevonden = remote.query(vraag, bindings={"naam": Literal(eerste["naam"])})
    assert [str(r["s"]) for r in gevonden] == [eerste["s"]]
    aanval = Literal('x" } } ; DROP ALL ; SELECT * { ?s ?p "')
    assert remote.query(vraag, bindings={"naam": aanval}) == []
    assert remote.query(vraag, bindings={"s": URIRef("urn:bestaat-niet")}) == []
    assert remote.huidige().nummer == 1 and len(remote.graaf()) == remote.huidige().triples


def test_alleen_lezen_en_ongeldige_query(remote):
    with pytest.raises(ScanFout, match="Alleen lezen"):
        remote.query("INSERT DATA { GRAPH <urn:graaf:versie:1> { <urn:a> <urn:b> <urn:c> } }")
    with pytest.raises(ScanFout, match="ongeldig"):
        remote.query("SELEKT ?x")
    assert remote.query("ASK { <urn:a> <urn:b> <urn:c> }") is False


def test_wachtwoord_komt_nergens_in_meldingen_of_logs(virtuoso, caplog, capfd):
    geheim = "geheim-" + virtuoso.wachtwoord[::-1]
    store = open_store(virtuoso.spec, v.GEBRUIKER, geheim)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(ScanFout) as fout:
            store.nieuwe_versie(b"<urn:a> <urn:b> <urn:c> .\n", door="test")
    assert "weigert de toegang (401)" in str(fout.value)
    with pytest.raises(ScanFout) as in_adres:
        open_store(virtuoso.spec.replace("//127.0.0.1", f"//graaf:{geheim}@127.0.0.1"))
    assert "GRAAF_STORE_WACHTWOORD" in str(in_adres.value)
    uit = capfd.readouterr()
    for tekst in (str(fout.value), str(in_adres.value), repr(store), caplog.text,
                  uit.out, uit.err):
        assert geheim not in tekst


def test_onbereikbare_server_geeft_nederlandse_melding(virtuoso):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    store = open_store(f"sparql+http://127.0.0.1:{poort}/sparql")
    with pytest.raises(ScanFout, match="niet bereikbaar"):
        store.huidige()


def test_checks_op_server_gelijk_aan_ingebed_voor_eerdere_versie(remote):
    """Checks on an older version read that version's graphs, not the current ones."""
    ingebed = Store()
    laad(ingebed, VOORBEELD, door="test")
    remote.nieuwe_versie(b"<urn:a> <urn:b> <urn:c> .\n", door="test")
    peil = date(2026, 5, 7)
    assert checks.draai(remote, peil, versie=1) == checks.draai(ingebed, peil, versie=1)
    assert checks.draai(remote, peil)["bevindingen"] == []


# -- the site on the remote store ------------------------------------------------------

@pytest.fixture
def sites(virtuoso, tmp_path):
    """The same site twice: on an embedded store and on Virtuoso, both with the example."""
    from web import create_app

    v.leeg(virtuoso)
    apps = {naam: create_app({"STORE": spec, "SECRET_KEY": "test", "TESTING": True,
                              "STORE_GEBRUIKER": v.GEBRUIKER,
                              "STORE_WACHTWOORD": virtuoso.wachtwoord,
                              "SPARQL_WERKERS": 1, "GEBRUIKERS": str(tmp_path / f"{naam}.db"),
                              "AUDITLOG": str(tmp_path / f"{naam}.jsonl")})
            for naam, spec in (("ingebed", str(tmp_path / "store")), ("server", virtuoso.spec))}
    yield apps
    for app in apps.values():
        if "sparql_werkers" in app.extensions:
            app.extensions["sparql_werkers"].sluit()
        app.extensions["scan"].close()


def test_dashboard_op_server_gelijk_aan_ingebed(sites):
    antwoorden = {naam: app.test_client().get(f"/?peildatum={PEIL}",
                                               headers={"Accept": "application/json"})
                  for naam, app in sites.items()}
    assert {a.status_code for a in antwoorden.values()} == {200}
    assert type(sites["server"].extensions["scan"]).__name__ == "SparqlStore"
    ingebed, server = (antwoorden[n].get_json() for n in ("ingebed", "server"))
    assert server["bevindingen"] and server["bevindingen"] == ingebed["bevindingen"]
    assert server["cijfers"] == ingebed["cijfers"]
    html = sites["server"].test_client().get("/").get_data(as_text=True)
    assert "Dubbel aanbod" in html


def test_sparql_endpoint_op_server(sites):
    vraag = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?s ?naam WHERE { ?s a scan:Organisatie ; rdfs:label ?naam } ORDER BY ?s")
    antwoorden = {naam: app.test_client().post(
        "/sparql", data={"query": vraag}, headers={"Accept": "application/sparql-results+json"})
        for naam, app in sites.items()}
    assert {a.status_code for a in antwoorden.values()} == {200}, \
        antwoorden["server"].get_data(as_text=True)
    rijen = {n: a.get_json()["results"]["bindings"] for n, a in antwoorden.items()}
    assert len(rijen["server"]) > 10 and rijen["server"] == rijen["ingebed"]
    client = sites["server"].test_client()
    csv = client.post("/sparql", data={"query": vraag}, headers={"Accept": "text/csv"})
    assert csv.status_code == 200 and csv.get_data(as_text=True).startswith("s,naam")
    update = client.post("/sparql", data={"query": "DROP ALL"})
    assert update.status_code in (400, 403)
    assert sites["server"].extensions["scan"].huidige().nummer == 1


def test_tijdslimiet_geeft_geen_half_antwoord(remote, virtuoso):
    """Past the time limit Virtuoso answers with what it has ("anytime" query): refused."""
    import time

    from graaf.sparqlstore import SparqlStore
    from graaf.sparqlstore_http import ServerTijdslimiet

    kort = SparqlStore(virtuoso.spec, tijdslimiet=1.0)
    begin = time.monotonic()
    with pytest.raises(ServerTijdslimiet, match="tijdslimiet"):
        kort.waarden("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert time.monotonic() - begin < 30
    assert kort.waarden("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?k }")[0]["n"] != "0"


def test_omschakeling_alleen_als_het_nummer_nog_vrij_is(remote):
    """The ONE switching update is conditional: a second writer of version N changes
    nothing, so two writers can never both make the same version."""
    from graaf.sparqlstore import _schakel
    from graaf.versies import metadata

    remote._http.update(_schakel(1, metadata(1, 5, "indringer", "", "", None, None)))
    opnieuw = open_store(remote.spec)
    assert [(v.nummer, v.door) for v in opnieuw.versies()] == [(1, "test")]
    assert opnieuw.huidige().triples == remote.huidige().triples
