"""Personal data through the public SPARQL endpoint: hidden unless the visitor may see it.

KLEIN has one person, ``p-jansen`` ("A. Jansen", kwartiermaker), trekker of
``wsp``. For an anonymous visitor no query form, format, dataset clause or
protocol parameter may bring back the name, the function or the person's URI
(made from the name); nor the version metadata (``scan:door`` names the
author). With ``PERSOONSGEGEVENS_OPENBAAR`` they are there, and server-side
checks always see the trekker.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

PREFIX = ("PREFIX scan: <https://w3id.org/360-scan/def#> "
          "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
PERSOON = "https://w3id.org/360-scan/id/persoon/p-jansen"
WSP = "https://w3id.org/360-scan/id/initiatief/wsp"
PERSOONLIJK = ("A. Jansen", "p-jansen", "kwartiermaker")
ALLES = "SELECT * WHERE { ?s ?p ?o }"
OVERAL = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
VERBORGEN = "urn:graaf:versie:1:personen"


def vraag(url: str, params: dict, accept: str | None = None) -> tuple[int, str]:
    verzoek = urllib.request.Request(url + "?" + urllib.parse.urlencode(params, doseq=True),
                                     headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            return antwoord.status, antwoord.read().decode("utf-8")
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode("utf-8")


#: (query, extra protocol parameters): every way in that we know of.
POGINGEN = [
    (PREFIX + "SELECT ?n WHERE { ?p a scan:Persoon ; rdfs:label ?n }", {}),
    (PREFIX + "SELECT ?t WHERE { ?i scan:trekker ?t }", {}),
    (PREFIX + "SELECT ?i ?v WHERE { ?i scan:voorzitter|scan:trekker|^scan:trekker ?v }", {}),
    (ALLES, {}),
    (ALLES, {"format": "csv"}),
    (ALLES, {"format": "tsv"}),
    (ALLES, {"format": "xml"}),
    ("CONSTRUCT WHERE { ?s ?p ?o }", {}),
    ("CONSTRUCT WHERE { ?s ?p ?o }", {"format": "json-ld"}),
    (f"DESCRIBE <{PERSOON}>", {}),
    (f"DESCRIBE <{WSP}>", {}),
    (f"SELECT ?p ?o WHERE {{ <{PERSOON}> ?p ?o }}", {}),
    (f"SELECT * FROM <{VERBORGEN}> WHERE {{ ?s ?p ?o }}", {}),
    (f"SELECT * FROM <urn:graaf:versie:1> FROM <{VERBORGEN}> WHERE {{ ?s ?p ?o }}", {}),
    (f"SELECT * FROM NAMED <{VERBORGEN}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
    (f"SELECT * WHERE {{ GRAPH <{VERBORGEN}> {{ ?s ?p ?o }} }}", {}),
    (OVERAL, {}),
    (ALLES, {"default-graph-uri": VERBORGEN}),
    (ALLES, {"default-graph-uri": ["urn:graaf:versie:1", VERBORGEN]}),
    (OVERAL, {"named-graph-uri": VERBORGEN}),
    (OVERAL, {"named-graph-uri": [VERBORGEN, "urn:graaf:versie:1"]}),
    (f"SELECT * WHERE {{ GRAPH <{VERBORGEN}> {{ ?s ?p ?o }} }}",
     {"named-graph-uri": VERBORGEN}),
    ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": "urn:graaf:versie:1"}),
    ("SELECT * FROM <urn:graaf:versies> WHERE { ?s ?p ?o }", {}),
    ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": "urn:graaf:versies"}),
    ("SELECT * FROM NAMED <urn:graaf:versies> WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
]


@pytest.mark.parametrize(("query", "extra"), POGINGEN)
def test_anoniem_geen_persoonsgegevens(sparql_server, query: str, extra: dict) -> None:
    status, tekst = vraag(sparql_server.url, {"query": query, **extra})
    assert status == 200, tekst
    for woord in PERSOONLIJK:
        assert woord not in tekst, (query, extra, woord)
    assert "scan#door" not in tekst and "360-scan/def#door" not in tekst


def test_anoniem_ask_en_telling(sparql_server) -> None:
    status, tekst = vraag(sparql_server.url, {"query": PREFIX + "ASK { ?p a scan:Persoon }"})
    assert status == 200 and json.loads(tekst)["boolean"] is False
    status, tekst = vraag(sparql_server.url, {"query": PREFIX + "ASK { ?i scan:trekker ?t }"})
    assert status == 200 and json.loads(tekst)["boolean"] is False
    _, tekst = vraag(sparql_server.url, {
        "query": "PREFIX scan: <https://w3id.org/360-scan/def#> "
                 "SELECT (COUNT(*) AS ?n) FROM <urn:graaf:versies> WHERE { ?v scan:door ?d }"})
    assert json.loads(tekst)["results"]["bindings"][0]["n"]["value"] == "0"


def test_anoniem_openbare_gegevens_blijven(sparql_server) -> None:
    """The rest of the scan is untouched: wsp, its name and owner are there."""
    status, tekst = vraag(sparql_server.url, {"query": f"DESCRIBE <{WSP}>"})
    assert status == 200 and "Werkgeversservicepunt" in tekst and "/organisatie/uwv" in tekst


def test_anoniem_beschrijving_noemt_geen_persoonsgraaf(sparql_server) -> None:
    status, tekst = vraag(sparql_server.url, {}, accept="text/turtle")
    assert status == 200 and "urn:graaf:versie:1" in tekst
    assert ":personen" not in tekst and "urn:graaf:versies" not in tekst


@pytest.fixture
def openbaar(sparql_server, monkeypatch):
    """The same server with ``PERSOONSGEGEVENS_OPENBAAR`` on (as for a logged-in user)."""
    monkeypatch.setitem(sparql_server.app.config, "PERSOONSGEGEVENS_OPENBAAR", True)
    return sparql_server


@pytest.mark.parametrize(("query", "extra", "verwacht"), [
    (PREFIX + "SELECT ?n WHERE { ?p a scan:Persoon ; rdfs:label ?n }", {}, "A. Jansen"),
    (PREFIX + "SELECT ?t WHERE { ?i scan:trekker ?t }", {}, "p-jansen"),
    (f"DESCRIBE <{PERSOON}>", {}, "A. Jansen"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", {}, "A. Jansen"),
    (f"SELECT * FROM <{VERBORGEN}> WHERE {{ ?s ?p ?o }}", {}, "kwartiermaker"),
    (f"SELECT * WHERE {{ GRAPH <{VERBORGEN}> {{ ?s ?p ?o }} }}", {}, "A. Jansen"),
    (OVERAL, {}, "A. Jansen"),
    (ALLES, {"default-graph-uri": "urn:graaf:versie:1"}, "A. Jansen"),  # the whole version
    (ALLES, {"default-graph-uri": VERBORGEN}, "A. Jansen"),
])
def test_openbaar_wel_persoonsgegevens(openbaar, query: str, extra: dict, verwacht: str) -> None:
    status, tekst = vraag(openbaar.url, {"query": query, **extra})
    assert status == 200 and verwacht in tekst, tekst


def test_openbaar_maar_versiemetadata_blijft_intern(openbaar) -> None:
    status, tekst = vraag(openbaar.url, {
        "query": "SELECT * FROM <urn:graaf:versies> WHERE { ?s ?p ?o }"})
    assert status == 200 and json.loads(tekst)["results"]["bindings"] == []


def test_openbaar_beschrijving_noemt_persoonsgraaf(openbaar) -> None:
    status, tekst = vraag(openbaar.url, {}, accept="text/turtle")
    assert status == 200 and VERBORGEN in tekst


def test_checks_zien_de_trekker_wel(sparql_server) -> None:
    """Server-side reading is the whole version: wsp has a trekker, so no finding."""
    from graaf import checks

    scan = sparql_server.app.extensions["scan"]
    gevonden = checks.draai(scan, codes=["initiatief-zonder-trekker"])["bevindingen"]
    assert ["wsp"] not in [b["onderwerpen"] for b in gevonden]
    assert any(str(r["t"]) == PERSOON for r in scan.query(
        "SELECT ?t WHERE { ?i <https://w3id.org/360-scan/def#trekker> ?t }"))


def test_editor_waarschuwt_bij_queries_over_personen(client):
    """Anonymous advisers are told why initiatief-zonder-trekker differs via /sparql."""
    data = client.get("/sparql/editor.json").get_json()
    per_code = {q["code"]: q for q in data["queries"]}
    assert per_code["initiatief-zonder-trekker"]["persoonsgegevens_afgeschermd"]
    assert not per_code["doel-zonder-inspanning"]["persoonsgegevens_afgeschermd"]
    assert "afgeschermd voor wie niet is ingelogd" in client.get("/sparql/editor").get_data(
        as_text=True)
