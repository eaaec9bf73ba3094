"""The W3C SPARQL 1.1 test suites against our /sparql endpoint on a real server.

protocol/: each test's HTTP requests are sent as written in the manifest
(method, path with ``/sparql/`` replaced by ours, headers, body) and the
status class, result format and boolean are checked. The endpoint is
read-only: the positive update tests are not applicable (skipped by name,
after checking the endpoint refuses them); the bad-update tests must get 4xx.
service-description/: the three checks the manifest names, in prose there.
json-res/, csv-tsv-res/: queries run over HTTP on the test data (loaded as
fixed graphs) and compared as result sets with the expected files.
"""
from __future__ import annotations

import csv
import http.client
import io
import json
import xml.etree.ElementTree as ET
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

#: Same default as the ``sparql_server`` fixture: tests/conformance (an unedited copy).
W3C = Path(os.environ.get("GRAAF_CONFORMANCE", Path(__file__).resolve().parents[1]
                          / "conformance")) / "w3c-sparql11"

#: Update tests that need a writable endpoint: not applicable to a read-only one.
NIET_VAN_TOEPASSING = {
    "update_dataset_default_graph", "update_dataset_default_graphs",
    "update_dataset_named_graphs", "update_dataset_full", "update_post_form",
    "update_post_direct", "update_base_uri"}
_GEEN_W3C = f"W3C-conformancebestanden niet gevonden in {W3C} (zet GRAAF_CONFORMANCE)"


@lru_cache(maxsize=None)
def _manifest(map_: str) -> tuple[Graph, list]:
    """A manifest's graph and its entries in order (parsed once)."""
    g = Graph().parse(W3C / map_ / "manifest.ttl", format="turtle")
    kop = g.value(predicate=RDF.type, object=MF.Manifest)
    return g, list(Collection(g, g.value(kop, MF.entries)))


def _ids(map_: str) -> list:
    """Test entries by local name, for parametrize; one skip marker when the files are absent."""
    if not (W3C / map_ / "manifest.ttl").is_file():
        if os.environ.get("CI") == "true":  # CI must run them: a missing copy is an error
            raise FileNotFoundError(_GEEN_W3C)
        return [pytest.param(None, marks=pytest.mark.skip(reason=_GEEN_W3C), id="ontbreekt")]
    _, tests = _manifest(map_)
    return [pytest.param(t, id=str(t).split("#")[-1]) for t in tests]


def _verstuur(basis: str, methode: str, pad: str, kop: dict, body: bytes | None):
    delen = urlsplit(basis)
    verbinding = http.client.HTTPConnection(delen.hostname, delen.port, timeout=30)
    verbinding.request(methode, pad, body=body, headers=kop)
    antwoord = verbinding.getresponse()
    data = antwoord.read()
    verbinding.close()
    return antwoord.status, antwoord.getheader("Content-Type") or "", data


def _verzoek(g: Graph, req) -> tuple[str, str, dict, bytes | None]:
    pad = str(g.value(req, HT.absolutePath))
    pad = "/sparql" + pad[len("/sparql/"):] if pad.startswith("/sparql/") else pad
    lijst = g.value(req, HT.headers)
    kop = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
           for h in (Collection(g, lijst) if lijst else [])}
    body = g.value(req, HT.body)
    data = None
    if body is not None:
        codering = str(g.value(body, CNT.characterEncoding) or "UTF-8")
        data = str(g.value(body, CNT.chars)).encode(codering)
    return str(g.value(req, HT.methodName)), pad, kop, data


def _boolean(soort: str, data: bytes) -> bool:
    if "json" in soort:
        return json.loads(data)["boolean"]
    tekst = ET.fromstring(data).find("{http://www.w3.org/2005/sparql-results#}boolean").text
    return tekst.strip() == "true"


def _toets_antwoord(g: Graph, resp, status: int, soort: str, data: bytes) -> None:
    klassen = {str(s)[len(HTS):] for s in g.objects(resp, MF.expectedStatus)}
    assert f"{status // 100}xx" in klassen, (status, data[:300])
    formaat = g.value(resp, MF.expectedFormat)
    if formaat is None:
        return
    mime = soort.split(";")[0].strip()
    if str(formaat) == "boolean":
        assert mime in ("application/sparql-results+json", "application/sparql-results+xml")
        verwacht = g.value(resp, MF.expectedBoolean)
        if verwacht is not None:
            assert _boolean(mime, data) is verwacht.toPython()
    elif str(formaat) == "tabular":
        assert mime in ("application/sparql-results+json", "application/sparql-results+xml",
                        "text/csv", "text/tab-separated-values")
        assert data
    else:
        assert mime in ("application/rdf+xml", "text/turtle", "application/n-triples")
        Graph().parse(data=data, format={"application/rdf+xml": "xml", "text/turtle": "turtle",
                                         "application/n-triples": "nt"}[mime])


@pytest.mark.parametrize("test", _ids("protocol"))
def test_protocol(sparql_server, test) -> None:
    g, _ = _manifest("protocol")
    naam = str(test).split("#")[-1]
    verzoeken = list(Collection(g, g.value(g.value(test, MF.action), HT.requests)))
    if naam in NIET_VAN_TOEPASSING:
        status, _, data = _verstuur(sparql_server.basis, *_verzoek(g, verzoeken[0]))
        assert 400 <= status < 500, (status, data)  # refused, and nothing changed
        pytest.skip("read-only endpoint")
    for req in verzoeken:
        status, soort, data = _verstuur(sparql_server.basis, *_verzoek(g, req))
        _toets_antwoord(g, g.value(req, HT.resp), status, soort, data)


# -- service description ---------------------------------------------------------

def _beschrijving(sparql_server) -> tuple[int, str, Graph]:
    status, soort, data = _verstuur(sparql_server.basis, "GET", "/sparql",
                                    {"Accept": "text/turtle, application/rdf+xml;q=0.9"}, None)
    mime = soort.split(";")[0]
    formaat = {"text/turtle": "turtle", "application/rdf+xml": "xml"}[mime]
    return status, mime, Graph().parse(data=data, format=formaat)


def _returns_rdf(sparql_server) -> None:
    status, _, g = _beschrijving(sparql_server)
    assert status == 200 and len(g) > 0


def _has_endpoint_triple(sparql_server) -> None:
    _, _, g = _beschrijving(sparql_server)
    assert (None, SD.endpoint, URIRef(sparql_server.url)) in g


def _conforms_to_schema(sparql_server) -> None:
    _, _, g = _beschrijving(sparql_server)
    for dienst in g.subjects(RDF.type, SD.Service):
        assert g.value(dienst, SD.endpoint) is not None
        assert SD.SPARQL11Query in set(g.objects(dienst, SD.supportedLanguage))
    datasets = list(g.subjects(RDF.type, SD.Dataset))
    grafen = list(g.subjects(RDF.type, SD.NamedGraph))
    assert datasets and grafen
    assert all(g.value(d, SD.defaultGraph) is not None for d in datasets)
    assert all(isinstance(g.value(n, SD.name), URIRef) for n in grafen)
    namen = {str(g.value(n, SD.name)) for n in grafen}
    assert {"urn:graaf:versie:1", "http://kasei.us/2009/09/sparql/data/data1.rdf"} <= namen


_BESCHRIJVINGSTESTS = {"returns-rdf": _returns_rdf, "has-endpoint-triple": _has_endpoint_triple,
                       "conforms-to-schema": _conforms_to_schema}


@pytest.mark.parametrize("test", _ids("service-description"))
def test_service_description(sparql_server, test) -> None:
    _BESCHRIJVINGSTESTS[str(test).split("#")[-1]](sparql_server)


# -- result formats: json-res, csv-tsv-res ------------------------------------------

def _actie(map_: str, test) -> tuple[Graph, str, str, str]:
    g, _ = _manifest(map_)
    actie = g.value(test, MF.action)
    query = urlsplit(str(g.value(actie, QT.query))).path
    return g, open(query, encoding="utf-8").read(), str(g.value(actie, QT.data)), \
        urlsplit(str(g.value(test, MF.result))).path


def _vraag(sparql_server, query: str, graaf: str, accept: str) -> bytes:
    pad = f"/sparql?default-graph-uri={quote(graaf, safe='')}"
    status, soort, data = _verstuur(sparql_server.basis, "POST", pad, {
        "Content-Type": "application/sparql-query", "Accept": accept}, query.encode())
    assert status == 200, data
    assert soort.startswith(accept)
    return data


def _json_term(t: dict | None):
    if t is None:
        return None
    if t["type"] == "uri":
        return URIRef(t["value"])
    if t["type"] == "bnode":
        return BNode("b")
    return Literal(t["value"], lang=t.get("xml:lang"), datatype=t.get("datatype"))


def _json_rijen(data: bytes) -> tuple[list, object]:
    doc = json.loads(data)
    if "boolean" in doc:
        return [], doc["boolean"]
    namen = doc["head"]["vars"]
    return namen, [tuple(_json_term(r.get(n)) for n in namen) for r in doc["results"]["bindings"]]


def _zelfde(namen: list, verwacht: list, g_namen: list, gekregen: list, geordend: bool) -> None:
    """Equal as result sets: the same variables (SELECT * leaves their order open: the
    engine sorts them), the same rows (in order when the query fixes it); blank nodes
    match blank nodes."""
    assert sorted(namen) == sorted(g_namen)
    plek = [g_namen.index(n) for n in namen]
    gekregen = [tuple(rij[i] for i in plek) for rij in gekregen]
    if geordend:
        assert gekregen == verwacht
    assert Counter(gekregen) == Counter(verwacht)


@pytest.mark.parametrize("test", _ids("json-res"))
def test_json_resultaten(sparql_server, test) -> None:
    _, query, graaf, verwacht = _actie("json-res", test)
    gekregen = _vraag(sparql_server, query, graaf, "application/sparql-results+json")
    namen, rijen = _json_rijen(open(verwacht, "rb").read())
    g_namen, g_rijen = _json_rijen(gekregen)
    if isinstance(rijen, bool):
        assert g_rijen is rijen
    else:
        _zelfde(namen, rijen, g_namen, g_rijen, "ORDER BY" in query.upper())


_XSD = "http://www.w3.org/2001/XMLSchema#"
_FAMILIE = {**{f"{_XSD}{t}": "integer" for t in (
    "integer", "negativeInteger", "nonPositiveInteger", "nonNegativeInteger", "positiveInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}, f"{_XSD}decimal": "decimal", f"{_XSD}double": "double",
    f"{_XSD}float": "double"}


def _tsv_term(cel: str):
    """A TSV cell as an RDF term (Turtle syntax); numbers by XSD value.

    Why by value: the engine stores numbers canonically, so ``"-3"^^xsd:negativeInteger``
    comes back as ``-3`` (xsd:integer) and ``"1.0E6"^^xsd:double`` as
    ``"1000000"^^xsd:double`` — the same values (SPARQL ``=`` holds), other terms.
    """
    if not cel:
        return None
    if cel.startswith("_:"):
        return BNode("b")
    g = Graph().parse(data=f"<urn:s> <urn:p> {cel} .", format="turtle")
    term = next(iter(g.objects()))
    if isinstance(term, Literal) and str(term.datatype) in _FAMILIE:
        return (_FAMILIE[str(term.datatype)], term.toPython())
    return term


def _csv_cel(cel: str):
    """A CSV cell (no types in CSV): blank nodes match blank nodes, numbers by value."""
    if cel.startswith("_:"):
        return "_:"
    try:
        return float(cel)
    except ValueError:
        return cel


@pytest.mark.parametrize("test", _ids("csv-tsv-res"))
def test_csv_tsv_resultaten(sparql_server, test) -> None:
    _, query, graaf, verwacht = _actie("csv-tsv-res", test)
    ordening = "ORDER BY" in query.upper()
    if verwacht.endswith(".csv"):
        gekregen = _vraag(sparql_server, query, graaf, "text/csv").decode()
        lees = lambda tekst: [[_csv_cel(c) for c in r] for r in csv.reader(io.StringIO(tekst))]
        v, k = lees(open(verwacht, encoding="utf-8").read()), lees(gekregen)
        _zelfde(v[0], [tuple(r) for r in v[1:]], k[0], [tuple(r) for r in k[1:]], ordening)
    else:
        gekregen = _vraag(sparql_server, query, graaf, "text/tab-separated-values").decode()
        lees = lambda tekst: [r.split("\t") for r in tekst.rstrip("\n").split("\n")]
        v, k = lees(open(verwacht, encoding="utf-8").read()), lees(gekregen)
        _zelfde(v[0], [tuple(map(_tsv_term, r)) for r in v[1:]],
                k[0], [tuple(map(_tsv_term, r)) for r in k[1:]], ordening)
