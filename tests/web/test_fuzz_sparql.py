"""Fuzzing the SPARQL endpoint's checks before a query runs (``web.sparql``): protocol
(method, Content-Type, charset), parameters (timeout, max-rows, format, dataset), Accept
headers and the query text, through the real app. Bad input never gets a 5xx and every
refusal is a Dutch text; a 503 is allowed only as the time limit of a valid query."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzhulp import FIXTURES, cases, is_nederlands

pytestmark = pytest.mark.volledig  # the full loop: GRAAF_VOLLEDIG=1 -m volledig

DELEN = ["SELECT * WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s a ?k } LIMIT 5", "ASK { ?s ?p ?o }",
         "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", "DESCRIBE <urn:x>",
         "SELECT * FROM <urn:graaf:versies> WHERE { ?s ?p ?o }",
         "SELECT * FROM NAMED <urn:graaf:versie:1:personen> WHERE { GRAPH ?g { ?s ?p ?o } }",
         "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
         "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
         "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "LOAD <http://127.0.0.1:9/x>", "CLEAR ALL",
         "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
         'SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), "(a+)+$")) }',
         "SELECT (1/0 AS ?x) WHERE {}", 'SELECT (xsd:date("2026-13-01") AS ?d) WHERE {}',
         'SELECT (IRI("::") AS ?i) WHERE {}', "SELECT * WHERE { ?s <urn:p>* ?o }",
         "BASE <relatief> SELECT * WHERE { <x> ?p ?o }", "PREFIX : <urn:> SELECT * WHERE { :a ?p ?o }",
         "SELECT * WHERE { VALUES ?x { 1 2 } }", "SELECT ?x WHERE { BIND(?x AS ?x) }",
         "# alleen commentaar", "", " ", "{" * 300 + "}" * 300,
         "SELECT * WHERE " + "{ " * 60 + "?s ?p ?o" + " }" * 60]
STUKJES = ["{", "}", ".", "?", "<", ">", '"', "'", "#", "\\", "\x00", "\\uD800", "SERVICE",
           "GRAPH", "FILTER(", "LIMIT -1", "OFFSET 99999999999999999999", "é", "\U0001f600"]


@st.composite
def query(draw) -> str | None:
    soort = draw(st.integers(0, 5))
    if soort == 0:
        return None
    if soort == 1:
        return draw(st.text(max_size=60))
    tekst = draw(st.sampled_from(DELEN))
    for _ in range(draw(st.integers(0, 2 if soort < 4 else 0))):
        plek = draw(st.integers(0, len(tekst)))
        tekst = tekst[:plek] + draw(st.sampled_from(STUKJES)) + tekst[plek:]
    return tekst


GETAL = st.one_of(st.sampled_from(["nan", "NaN", "inf", "-inf", "-1", "0", "1e309", "0.001",
                                   "abc", "", " 2 ", "\u0661", "0x10", "1_0", "2"]),
                  st.integers(-10**30, 10**30).map(str), st.floats().map(str))
GRAAF = st.sampled_from(["urn:graaf:versie:1", "urn:graaf:versie:1:personen", "urn:graaf:versies",
                         "urn:graaf:vaste-grafen", "", "niet een uri", "urn:x"])
FORMAAT = st.sampled_from(["json", "xml", "csv", "tsv", "turtle", "jsonld", "text/csv", "srj",
                           "application/sparql-results+json", "x", "", ";", "JSON ; q=0"])
TEKST = st.text(st.characters(codec="latin-1", exclude_characters="\r\n"), max_size=30)
ACCEPT = st.one_of(st.sampled_from([
    "*/*", "text/csv", "application/sparql-results+json", "text/turtle", "application/json",
    "text/html", "text/csv;q=0", "text/csv;q=abc", "image/png", "application/*", ",", ";;",
    "text/*;q=0.5, application/rdf+xml", "*/*;q=0"]), TEKST)
CONTENT_TYPE = st.one_of(st.sampled_from([
    "application/x-www-form-urlencoded", "application/sparql-query",
    "application/sparql-query; charset=latin-1", "application/sparql-query; charset=UTF-8",
    "application/sparql-update", "text/plain", "multipart/form-data; boundary=x", "",
    "application/x-www-form-urlencoded; charset=utf8"]), TEKST)
PARAMETERS = st.dictionaries(st.sampled_from([
    "timeout", "max-rows", "limit", "format", "output", "results", "default-graph-uri",
    "named-graph-uri", "update", "using-graph-uri", "query"]), st.one_of(GETAL, GRAAF, FORMAAT),
    max_size=3)


@st.composite
def verzoek(draw) -> dict:
    methode = draw(st.sampled_from(["GET", "GET", "POST", "POST", "POST-direct", "HEAD",
                                    "PUT", "DELETE", "PATCH", "OPTIONS"]))
    q, parameters = draw(query()), draw(PARAMETERS)
    kop = {"Accept": draw(ACCEPT)} if draw(st.booleans()) else {}
    if methode == "POST-direct":
        kop["Content-Type"] = draw(st.sampled_from(
            ["application/sparql-query", "application/sparql-query; charset=utf-8"]))
        body = (q or "").encode("utf-8", "surrogatepass") + draw(st.sampled_from([b"", b"\xff"]))
        return {"method": "POST", "query_string": parameters, "data": body, "headers": kop}
    if methode == "POST":
        kop["Content-Type"] = draw(CONTENT_TYPE)
        vorm = dict(parameters, **({"query": q} if q is not None else {}))
        return {"method": methode, "data": vorm, "headers": kop}
    vorm = dict(parameters, **({"query": q} if q is not None else {}))
    return {"method": methode, "query_string": vorm, "headers": kop}


@pytest.fixture(scope="module")
def app():
    from web import create_app
    from werkboeken import KLEIN, schrijf_csv

    with tempfile.TemporaryDirectory() as tmp:
        from graaf.scan import laad
        from graaf.store import Store

        store = Store(Path(tmp) / "store")
        laad(store, schrijf_csv(Path(tmp) / "werkboek", KLEIN), door="fuzz")
        store.close()
        app = create_app({"STORE": str(Path(tmp) / "store"), "SECRET_KEY": "fuzz",
                          "SPARQL_TIJDSLIMIET": 10.0, "SPARQL_MAX_RIJEN": 200,
                          "SPARQL_WERKERS": 2, "SPARQL_BUDGET": 10**9})
        for _ in range(5):  # start and warm the worker pool: a cold start is no finding
            if app.test_client().get("/sparql?query=ASK{}").status_code == 200:
                break
        yield app
        if "sparql_werkers" in app.extensions:
            app.extensions["sparql_werkers"].sluit()
        app.extensions["scan"].close()


def _melding(antwoord) -> str:
    tekst = antwoord.get_data(as_text=True)
    if antwoord.mimetype == "application/json":
        return json.loads(tekst)["fout"]
    return tekst


def _geldige_query(tekst: str | None) -> bool:
    from web.sparql.ontleden import ontleed

    try:
        ontleed(tekst or "")
        return True
    except Exception:  # noqa: BLE001 - any refusal means: not a valid, allowed query
        return False


def _query_van(v: dict) -> str | None:
    if isinstance(v.get("data"), bytes):
        return v["data"].decode("utf-8", "replace")
    return (v.get("data") or {}).get("query") or (v.get("query_string") or {}).get("query")


def _verlaagd(v: dict) -> bool:
    """The request lowered the time limit (``timeout``): parsing is inside that limit
    too (web.sparql.ontleden), so even a syntax error may meet it first."""
    for vorm in (v.get("query_string"), v.get("data")):
        if isinstance(vorm, dict) and "timeout" in vorm:
            try:
                return float(vorm["timeout"]) < 10.0
            except ValueError:
                return False
    return False


def toets_verzoek(app, v: dict) -> None:
    """One request: no 5xx for bad input, every refusal Dutch (shared with the regressions)."""
    antwoord = app.test_client().open("/sparql", **v)
    status, hoofd = antwoord.status_code, v["method"] == "HEAD"  # HEAD: no body to read
    if status >= 400 and not hoofd:
        assert is_nederlands(_melding(antwoord)), (status, _melding(antwoord)[:300])
    if status == 503:  # only the time limit: of a valid query, or one the caller lowered
        assert hoofd or "Tijdslimiet" in _melding(antwoord), _melding(antwoord)
        assert _geldige_query(_query_van(v)) or _verlaagd(v), (status, v)
    else:
        assert status < 500, (status, antwoord.get_data(as_text=True)[:500])


@cases(standaard=100, volledig=3000)
@given(v=verzoek())
def test_slechte_verzoeken_krijgen_geen_5xx_en_een_nederlandse_weigering(app, v):
    toets_verzoek(app, v)


REGRESSIES = sorted((FIXTURES / "sparql").glob("*.json"))


@pytest.mark.parametrize("pad", REGRESSIES, ids=lambda p: p.stem)
def test_gevonden_verzoek_krijgt_geen_5xx(app, pad):
    """Requests the fuzzing found a 5xx for (tests/data/fuzz/sparql/), replayed; each
    twice, since one of them also lost a worker for every request after it."""
    verzoek = json.loads(pad.read_text(encoding="utf-8"))
    toets_verzoek(app, verzoek)
    toets_verzoek(app, verzoek)
    toets_verzoek(app, {"method": "GET", "query_string": {"query": "ASK {}"}})
