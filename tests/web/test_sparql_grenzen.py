"""The endpoint's limits and refusals, on a real server: time, rows, SERVICE, updates.

What a public endpoint on a government network must never do: run a query
forever, answer a cut-off result as if complete, call out to another host, or
change data. Plus the protocol details clients rely on (formats, CORS, errors).
"""
from __future__ import annotations

import io
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef

KRUIS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
TELLING = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def vraag(url: str, methode: str = "GET", params: dict | None = None, body: bytes | None = None,
          kop: dict | None = None) -> tuple[int, dict, bytes]:
    """One HTTP request; (status, headers, body) also for 4xx/5xx."""
    if params:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    verzoek = urllib.request.Request(url, data=body, method=methode, headers=kop or {})
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            return antwoord.status, dict(antwoord.headers), antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, dict(fout.headers), fout.read()


def aantal(url: str, **params: str) -> int:
    status, _, data = vraag(url, params={"query": TELLING, **params})
    assert status == 200, data
    return int(json.loads(data)["results"]["bindings"][0]["n"]["value"])


def _pool(sparql_server):
    aantal(sparql_server.url)  # the pool starts with the first query
    return sparql_server.app.extensions["sparql_werkers"]


def test_query_over_de_tijdslimiet_wordt_gestopt_met_503(sparql_server) -> None:
    pool = _pool(sparql_server)
    voor = set(pool.pids())
    begin = time.monotonic()
    status, kop, data = vraag(sparql_server.url, params={"query": KRUIS, "timeout": "1"})
    duur = time.monotonic() - begin
    assert status == 503 and duur < 1 + 2, (status, duur)
    assert "gestopt" in data.decode() and kop["Content-Type"].startswith("text/plain")
    gestopt = pool.gestopt[-1]
    assert gestopt in voor and gestopt not in pool.pids()
    assert not os.path.exists(f"/proc/{gestopt}")  # killed and reaped: no zombie either
    assert aantal(sparql_server.url) > 0  # the replacement answers


def test_een_verzoek_kan_de_tijdslimiet_niet_verhogen(sparql_server) -> None:
    begin = time.monotonic()
    status, _, _ = vraag(sparql_server.url, params={"query": KRUIS, "timeout": "600"})
    duur = time.monotonic() - begin
    assert status == 503 and 3.5 < duur < 4 + 2, duur  # the configured 4 s, not 600


def test_ook_het_ontleden_valt_onder_de_tijdslimiet(sparql_server) -> None:
    """The SERVICE check parses untrusted text (13 s for this 60 kB filter): in a worker,
    under the same deadline. A long but ordinary query still works."""
    waarden = " ".join(f"<urn:a{i}>" for i in range(300))
    status, _, _ = vraag(sparql_server.url, "POST", body=(
        f"SELECT ?s WHERE {{ ?s a ?t VALUES ?x {{ {waarden} }} }} LIMIT 1").encode(),
        kop={"Content-Type": "application/sparql-query"})
    assert status == 200
    filter_ = " || ".join(f"?t = <urn:a{i}>" for i in range(3000))
    begin = time.monotonic()
    status, _, data = vraag(sparql_server.url, "POST", params={"timeout": "0.5"}, body=(
        f"SELECT ?s WHERE {{ ?s a ?t FILTER({filter_}) }}").encode(),
        kop={"Content-Type": "application/sparql-query"})
    assert status == 503 and time.monotonic() - begin < 0.5 + 2, data


def test_resultaat_boven_de_rijengrens_wordt_geweigerd_niet_afgekapt(sparql_server) -> None:
    rijen = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT "
    status, _, data = vraag(sparql_server.url, params={"query": rijen + "10", "max-rows": "5"})
    assert status == 422 and "meer dan 5 rijen" in data.decode()
    status, _, data = vraag(sparql_server.url, params={"query": rijen + "1001",
                                                       "max-rows": "100000"})
    assert status == 422 and "meer dan 1000 rijen" in data.decode()  # not raised past 1000
    status, _, data = vraag(sparql_server.url, params={"query": rijen + "1000"})
    assert status == 200 and len(json.loads(data)["results"]["bindings"]) == 1000
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    status, _, _ = vraag(sparql_server.url, params={"query": construct, "limit": "3"})
    assert status == 422


SERVICES = [
    "SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "select * where {{ service <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SeRvIcE\t\n  <{u}>{{?s ?p ?o}} }}",
    "SELECT * WHERE {{ ?x ?y ?z .SERVICE<{u}>{{?s ?p ?o}} }}",
    "SELECT * WHERE {{ SERVICE # een opmerking\n <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{u}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
]


@pytest.fixture
def luisteraar():
    """A socket on 127.0.0.1 that records whether anything connected to it."""
    sok = socket.socket()
    sok.bind(("127.0.0.1", 0))
    sok.listen(8)
    # An attempt would be made while the endpoint handles the request, so by the time the
    # answer is in, a connection would wait in the backlog: no need to wait long.
    sok.settimeout(0.05)
    yield sok, f"http://127.0.0.1:{sok.getsockname()[1]}/sparql"
    sok.close()


def _verbonden(sok: socket.socket) -> bool:
    try:
        verbinding, _ = sok.accept()
    except TimeoutError:
        return False
    verbinding.close()
    return True


def test_zonder_onze_controle_ziet_de_luisteraar_de_aanroep(luisteraar) -> None:
    """Control: the engine itself does call out, so the refusal test below can see a call."""
    from graaf.store import Store

    sok, url = luisteraar
    sok.settimeout(5)
    gezien: list[bool] = []
    draad = threading.Thread(target=lambda: gezien.append(_verbonden(sok)))
    draad.start()
    with pytest.raises(Exception):  # the listener hangs up without an HTTP answer
        Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    draad.join()
    assert gezien == [True]


@pytest.mark.parametrize("sjabloon", SERVICES, ids=[f"service{i}" for i in range(len(SERVICES))])
def test_service_wordt_geweigerd_zonder_verbinding(sparql_server, luisteraar, sjabloon) -> None:
    sok, url = luisteraar
    query = sjabloon.format(u=url)
    for methode, params, body, kop in (
            ("GET", {"query": query}, None, {}),
            ("POST", None, urllib.parse.urlencode({"query": query}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
            ("POST", None, query.encode(), {"Content-Type": "application/sparql-query"})):
        status, _, data = vraag(sparql_server.url, methode, params, body, kop)
        assert 400 <= status < 500, (query, status, data)
    assert not _verbonden(sok)


def test_wijzigingen_worden_geweigerd(sparql_server) -> None:
    url = sparql_server.url
    voor = aantal(url)
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for methode, params, body, kop in (
            ("GET", {"update": update}, None, {}),
            ("GET", {"query": update}, None, {}),
            ("GET", {"query": "LOAD <http://127.0.0.1:9/x.ttl>"}, None, {}),
            ("POST", None, urllib.parse.urlencode({"update": update}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
            ("POST", None, urllib.parse.urlencode({"query": "CLEAR ALL"}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
            ("POST", None, update.encode(), {"Content-Type": "application/sparql-update"}),
            ("POST", None, update.encode(), {"Content-Type": "application/sparql-query"})):
        status, _, data = vraag(url, methode, params, body, kop)
        assert 400 <= status < 500 and "alleen-lezen" in data.decode(), (methode, status, data)
    assert aantal(url) == voor


@pytest.mark.parametrize("accept,soort", [
    ("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv")])
def test_select_formaten_via_accept(sparql_server, accept, soort) -> None:
    from rdflib.query import Result

    status, kop, data = vraag(sparql_server.url, params={"query": "SELECT ?n WHERE { BIND(42 AS ?n) }"},
                              kop={"Accept": accept})
    assert status == 200 and kop["Content-Type"].startswith(accept)
    rij = list(Result.parse(source=io.BytesIO(data), format=soort))[0]
    assert int(str(rij[0])) == 42


@pytest.mark.parametrize("accept,formaat", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_construct_formaten(sparql_server, accept, formaat) -> None:
    query = "CONSTRUCT { <urn:a> <urn:b> ?n } WHERE { BIND('één' AS ?n) }"
    status, kop, data = vraag(sparql_server.url, params={"query": query}, kop={"Accept": accept})
    assert status == 200 and kop["Content-Type"].startswith(accept)
    g = Graph().parse(data=data, format=formaat)
    assert set(g) == {(URIRef("urn:a"), URIRef("urn:b"), Literal("één"))}


def test_format_parameter_gaat_voor_accept(sparql_server) -> None:
    status, kop, _ = vraag(sparql_server.url, params={"query": "ASK {}", "format": "xml",
                                                      "output": "xml"},
                           kop={"Accept": "application/sparql-results+json"})
    assert status == 200 and kop["Content-Type"].startswith("application/sparql-results+xml")
    status, _, data = vraag(sparql_server.url, params={"query": "ASK {}"},
                            kop={"Accept": "image/png"})
    assert status == 406 and "kies uit" in data.decode()


def test_dataset_versie_vaste_graaf_en_onbekende_graaf(sparql_server) -> None:
    url = sparql_server.url
    huidig = aantal(url)
    assert aantal(url, **{"default-graph-uri": "urn:graaf:versie:1"}) == huidig > 0
    assert aantal(url, **{"default-graph-uri": "urn:graaf:versies"}) == 0  # bookkeeping: hidden
    assert aantal(url, **{"default-graph-uri": "http://example.org/onbekend"}) == 0
    status, _, data = vraag(url, params={"query": "SELECT * FROM <urn:graaf:versies> "
                                                  "WHERE { ?s ?p ?o }"})
    assert status == 200 and json.loads(data)["results"]["bindings"] == []


def test_nieuwe_gegevens_zijn_bij_de_volgende_query_zichtbaar(sparql_server) -> None:
    scan = sparql_server.app.extensions["scan"]
    graaf = "http://example.org/test/nieuw"
    scan.zet_vaste_graaf(graaf, [(URIRef("urn:a"), URIRef("urn:b"), Literal(1))])
    assert aantal(sparql_server.url, **{"default-graph-uri": graaf}) == 1
    scan.zet_vaste_graaf(graaf, [(URIRef("urn:a"), URIRef("urn:b"), Literal(n)) for n in range(3)])
    assert aantal(sparql_server.url, **{"default-graph-uri": graaf}) == 3


def test_fouten_zijn_korte_nederlandse_teksten(sparql_server) -> None:
    status, kop, data = vraag(sparql_server.url, params={"query": "SELECT * WHERE { ?s ?p"})
    assert status == 400 and "regel 1, kolom" in data.decode()
    assert kop["Content-Type"].startswith("text/plain")
    status, kop, data = vraag(sparql_server.url, params={"query": "SELEKT *"},
                              kop={"Accept": "application/json"})
    assert status == 400 and "ongeldig" in json.loads(data)["fout"]
    status, kop, data = vraag(sparql_server.url, "PUT", body=b"ASK {}",
                              kop={"Content-Type": "application/sparql-query"})
    assert status == 405 and "GET" in kop["Allow"] and "niet ondersteund" in data.decode()
    status, _, data = vraag(sparql_server.url, params={"query": "ASK {}", "timeout": "snel"})
    assert status == 400 and "getal" in data.decode()


def test_cors(sparql_server) -> None:
    status, kop, _ = vraag(sparql_server.url, params={"query": "ASK {}"},
                           kop={"Origin": "https://elders.example"})
    assert status == 200 and kop["Access-Control-Allow-Origin"] == "*"
    status, kop, _ = vraag(sparql_server.url, "OPTIONS", kop={
        "Origin": "https://elders.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and kop["Access-Control-Allow-Origin"] == "*"
    assert "POST" in kop["Access-Control-Allow-Methods"]
    assert "content-type" in kop["Access-Control-Allow-Headers"].lower()
    status, kop, _ = vraag(sparql_server.url, params={"query": "ASK {"})
    assert status == 400 and kop["Access-Control-Allow-Origin"] == "*"


def test_geheugenopslag_werkt_via_een_momentopname(tmp_path) -> None:
    """STORE_IN_GEHEUGEN: workers can't share that store, so they read a temporary copy."""
    from graaf.scan import laad
    from graaf.store import Store, persoon_graaf, versie_graaf
    from graaf.werkers import Taak, Werkerpool
    from werkboeken import KLEIN, schrijf_csv

    store = Store()
    laad(store, schrijf_csv(tmp_path / "wb", KLEIN), door="test")
    pool = Werkerpool(1)
    try:
        grafen = (versie_graaf(1), persoon_graaf(1))  # the whole version: both its graphs
        taak = Taak(str(store.momentopname()), TELLING, grafen, (), "json", 10)
        uit = json.loads(pool.voer_uit(taak, 10))
        assert int(uit["results"]["bindings"][0]["n"]["value"]) == store.huidige().triples
    finally:
        pool.sluit()
