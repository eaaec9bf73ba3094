"""The ontology at its namespace URI: ``/def``, ``/def/shapes``, schemes and concepts."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from graaf.vocab import SCAN, SH, concept

LOPEND = URIRef(concept("status", "lopend"))


@pytest.mark.parametrize("pad", ["/def", "/def/"])
def test_html_pagina_met_ankers_voor_de_hash_uris(client, pad: str) -> None:
    antwoord = client.get(pad, headers={"Accept": "text/html"})
    assert antwoord.status_code == 200
    html = antwoord.get_data(as_text=True)
    assert "<h1>Ontologie: 360-graden scan</h1>" in html
    for anker in ("Initiatief", "Organisatie", "eigenaar", "heleRegio", "schema-status"):
        assert f'id="{anker}"' in html, anker  # scan:eigenaar = /def#eigenaar


@pytest.mark.parametrize("verzoek", [("/def", {"Accept": "text/turtle"}), ("/def.ttl", {}),
                                     ("/def/", {"Accept": "text/turtle"})])
def test_turtle_is_ontologie_plus_schemas(client, verzoek) -> None:
    antwoord = client.get(verzoek[0], headers=verzoek[1])
    assert antwoord.status_code == 200 and antwoord.mimetype == "text/turtle"
    g = Graph().parse(data=antwoord.data, format="turtle")
    assert (SCAN.Initiatief, RDF.type, OWL.Class) in g
    assert (LOPEND, SKOS.prefLabel, Literal("lopend", lang="nl")) in g


@pytest.mark.parametrize("formaat, rdflib_naam", [("jsonld", "json-ld"), ("nt", "nt")])
def test_andere_rdf_formaten(client, formaat: str, rdflib_naam: str) -> None:
    g = Graph().parse(data=client.get(f"/def.{formaat}").data, format=rdflib_naam)
    assert (SCAN.eigenaar, RDF.type, OWL.ObjectProperty) in g


def test_shapes(client) -> None:
    antwoord = client.get("/def/shapes", headers={"Accept": "text/turtle"})
    assert antwoord.mimetype == "text/turtle"
    assert any(Graph().parse(data=antwoord.data, format="turtle").subjects(RDF.type, SH.NodeShape))
    assert client.get("/def/shapes.ttl").data == antwoord.data
    html = client.get("/def/shapes").get_data(as_text=True)
    assert "Regels van een geldige scan" in html and "sh:NodeShape" in html


def test_begrip(client) -> None:
    html = client.get("/def/status/lopend").get_data(as_text=True)
    assert "<h1>Lopend</h1>" in html and "status van een initiatief" in html
    g = Graph().parse(data=client.get("/def/status/lopend.ttl").data, format="turtle")
    assert (LOPEND, SKOS.inScheme, URIRef(concept("status", "")[:-1])) in g
    turtle = client.get("/def/status/lopend", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"


def test_schema_toont_zijn_codes(client) -> None:
    html = client.get("/def/status").get_data(as_text=True)
    for code in ("gepland", "lopend", "afgerond", "gestopt", "opgegaan-in"):
        assert f"<code>{code}</code>" in html
    assert client.get("/def/status.json").get_json()["schema"]["naam"] == "status"


def test_onbekend_en_niet_aanvaardbaar(client) -> None:
    assert client.get("/def/status/bestaat-niet").status_code == 404
    assert "Niet gevonden" in client.get("/def/geen-schema").get_data(as_text=True)
    assert client.get("/def.xml").status_code == 404
    assert client.get("/def", headers={"Accept": "image/png"}).status_code == 406


def test_json_tweeling(client) -> None:
    data = client.get("/def.json").get_json()
    assert {"klassen", "eigenschappen", "schemas"} <= set(data)
    assert any(k["id"] == "Initiatief" and k["kolommen"] for k in data["klassen"])
