"""Bound values as a VALUES block (graaf/sparqlstore_tekst.py), checked on the embedded engine.

The remote store cannot send bindings beside the query, so it writes them
into the text. Every saved query with parameters must then answer exactly
as the embedded engine's own substitution does: compared here on the
example scan, without a server.
"""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graaf import queries
from graaf.sparqlstore_tekst import met_waarden, vorm


def _waarden_voor(q, store) -> list[dict]:
    """Bindings for every parameter: a date, the first region, and several things."""
    regio = store.waarden("SELECT ?r WHERE { ?r a <https://w3id.org/360-scan/def#Regio> }")
    dingen = [r["s"] for r in store.waarden(
        "SELECT DISTINCT ?s WHERE { ?s <http://purl.org/dc/terms/identifier> ?id } "
        "ORDER BY ?s LIMIT 3")]
    mogelijk = {"peildatum": [Literal("2026-05-07", datatype=XSD.date)],
                "regio": [URIRef(r["r"]) for r in regio[:1]],
                "ding": [URIRef(d) for d in dingen]}
    return [{p: w} for p in q.parameters for w in mogelijk.get(p, [])]


@pytest.mark.parametrize("q", [q for q in queries.alle() if q.parameters], ids=lambda q: q.code)
def test_values_blok_geeft_hetzelfde_als_substitutie(q, voorbeeld_store):
    gevallen = _waarden_voor(q, voorbeeld_store)
    assert gevallen, f"geen testwaarden voor {q.parameters}"
    for bindings in gevallen:
        tekst = met_waarden(q.sparql, bindings)
        if vorm(q.sparql) in ("CONSTRUCT", "DESCRIBE"):
            verwacht = voorbeeld_store.query(q.sparql, bindings=bindings)
            assert voorbeeld_store.query(tekst).isomorphic(verwacht), bindings
        else:
            verwacht = voorbeeld_store.waarden(q.sparql, bindings=bindings)
            assert _los(voorbeeld_store.waarden(tekst)) == _los(verwacht), bindings


def _los(rijen: list[dict]) -> list[dict]:
    """GROUP_CONCAT's order is not defined by SPARQL (it follows the plan): compare parts."""
    return [{k: sorted(w.split(" ")) for k, w in r.items()} for r in rijen]


def test_accolades_in_teksten_iris_en_commentaar_tellen_niet():
    vraag = ('# { commentaar\nPREFIX ex: <urn:ex#{}>\n'
             'CONSTRUCT { ?s ex:p "}{" } WHERE { ?s ex:q "{" }')
    uit = met_waarden(vraag, {"s": URIRef("urn:a")})
    assert uit.endswith('WHERE {\nVALUES (?s) { (<urn:a>) }\n ?s ex:q "{" }')


def test_waarden_worden_als_termen_geschreven():
    uit = met_waarden("SELECT * WHERE { ?s ?p ?o }",
                      {"o": Literal('a" } ; DROP ALL #', lang="nl"), "p": URIRef("urn:p")})
    assert 'VALUES (?o ?p) { ("a\\" } ; DROP ALL #"@nl <urn:p>) }' in uit
    with pytest.raises(ValueError):
        met_waarden("SELECT * WHERE { ?s ?p ?o }", {"o } DROP": Literal("x")})


def test_vorm_na_de_proloog():
    assert vorm("# x\nBASE <urn:b>\nPREFIX a: <urn:a#>\n  select * {}") == "SELECT"
    assert vorm("PREFIX : <urn:a>\nASK {}") == "ASK"
    assert vorm("INSERT DATA { <urn:a> <urn:b> <urn:c> }") is None
    assert vorm("PREFIX a: <urn:a>\nDROP ALL") is None
