"""Real SPARQL clients against /sparql on a real server, used as their users use them.

SPARQLWrapper (GET, form POST, direct POST; JSON, XML, CSV; CONSTRUCT with its
default RDF/XML), rdflib's ``SPARQLStore`` and Comunica's command-line client
(which asks text/turtle for CONSTRUCT). Comunica is installed by
``scripts/testomgeving`` into .cache/comunica; the test installs it itself when
missing and skips only when npm is not there at all.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

SCAN = "https://w3id.org/360-scan/def#"
INITIATIEVEN = f"SELECT ?i WHERE {{ ?i a <{SCAN}Initiatief> }} ORDER BY ?i"
VERWACHT = {"https://w3id.org/360-scan/id/initiatief/rmt",
            "https://w3id.org/360-scan/id/initiatief/wsp"}
CONSTRUCT = f"CONSTRUCT {{ ?i a <{SCAN}Initiatief> }} WHERE {{ ?i a <{SCAN}Initiatief> }}"
COMUNICA = Path(__file__).resolve().parents[2] / ".cache" / "comunica"


def _wrapper(url: str, query: str, formaat: str, methode: str = "GET", direct: bool = False):
    from SPARQLWrapper import GET, POST, POSTDIRECTLY, SPARQLWrapper

    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(formaat)
    sw.setMethod(POST if methode == "POST" else GET)
    if direct:
        sw.setRequestMethod(POSTDIRECTLY)
    return sw.queryAndConvert()


def test_sparqlwrapper_get_json(sparql_server) -> None:
    from SPARQLWrapper import JSON

    uit = _wrapper(sparql_server.url, INITIATIEVEN, JSON)
    assert {b["i"]["value"] for b in uit["results"]["bindings"]} == VERWACHT


def test_sparqlwrapper_post_xml(sparql_server) -> None:
    from SPARQLWrapper import XML

    document = _wrapper(sparql_server.url, INITIATIEVEN, XML, "POST")
    assert {u.firstChild.data for u in document.getElementsByTagName("uri")} == VERWACHT


def test_sparqlwrapper_post_direct_csv(sparql_server) -> None:
    from SPARQLWrapper import CSV

    data = _wrapper(sparql_server.url, INITIATIEVEN, CSV, "POST", direct=True)
    rijen = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rijen[0] == ["i"] and {r[0] for r in rijen[1:]} == VERWACHT


def test_sparqlwrapper_construct_standaard_rdfxml(sparql_server) -> None:
    from SPARQLWrapper import XML

    g = _wrapper(sparql_server.url, CONSTRUCT, XML)  # CONSTRUCT + XML = RDF/XML, a Graph
    assert {str(s) for s in g.subjects(RDF.type, URIRef(f"{SCAN}Initiatief"))} == VERWACHT


def test_rdflib_sparqlstore_select(sparql_server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(sparql_server.url))
    assert {str(r[0]) for r in g.query(INITIATIEVEN)} == VERWACHT


@pytest.fixture(scope="module")
def comunica() -> Path:
    """The comunica-sparql binary; installed when missing (same command as scripts/testomgeving)."""
    programma = COMUNICA / "node_modules" / ".bin" / "comunica-sparql"
    if not programma.exists():
        if not shutil.which("npm"):
            pytest.skip("npm ontbreekt: Comunica (@comunica/query-sparql) kan niet worden "
                        "geïnstalleerd")
        subprocess.run(["npm", "install", "--prefix", str(COMUNICA), "--no-audit", "--no-fund",
                        "--loglevel=error", "@comunica/query-sparql@^4"], check=True, timeout=600)
    return programma


def _comunica(programma: Path, url: str, query: str, *extra: str) -> str:
    uit = subprocess.run([str(programma), f"sparql@{url}", query, *extra],
                         capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


def test_comunica_select(sparql_server, comunica) -> None:
    rijen = json.loads(_comunica(comunica, sparql_server.url, INITIATIEVEN))
    assert {r["i"] for r in rijen} == VERWACHT


def test_comunica_construct(sparql_server, comunica) -> None:
    uit = _comunica(comunica, sparql_server.url, CONSTRUCT, "-t", "application/n-triples")
    g = Graph().parse(data=uit, format="nt")
    assert {str(s) for s in g.subjects(RDF.type, URIRef(f"{SCAN}Initiatief"))} == VERWACHT
