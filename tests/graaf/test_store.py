"""The versioned store: versions are complete, immutable and switched atomically."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from graaf.fouten import ScanFout
from graaf.store import Store

S, P = URIRef("https://w3id.org/360-scan/id/initiatief/wsp"), URIRef("urn:p")


def _graaf(waarde: str) -> Graph:
    g = Graph()
    g.add((S, P, Literal(waarde)))
    return g


def _waarden(store: Store, versie: int | None = None) -> list[str]:
    return [str(r["o"]) for r in store.query("SELECT ?o WHERE { ?s ?p ?o }", versie=versie)]


def test_elke_ingest_is_een_nieuwe_versie_en_oude_blijven_leesbaar(tmp_path):
    store = Store(tmp_path / "s")
    store.nieuwe_versie(_graaf("een"), door="ans", notitie="eerste", bronbestand="a.xlsx")
    store.nieuwe_versie(_graaf("twee"), door="bert")
    assert _waarden(store) == ["twee"]
    assert _waarden(store, versie=1) == ["een"]
    eerste = store.versies()[0]
    assert (eerste.door, eerste.notitie, eerste.bronbestand, eerste.triples) == (
        "ans", "eerste", "a.xlsx", 1)


def test_herstel_maakt_een_nieuwe_versie_met_oude_inhoud(tmp_path):
    store = Store(tmp_path / "s")
    store.nieuwe_versie(_graaf("een"), door="ans")
    store.nieuwe_versie(_graaf("twee"), door="ans")
    nieuw = store.herstel(1, door="carla")
    assert (nieuw.nummer, nieuw.herstel_van, nieuw.door) == (3, 1, "carla")
    assert _waarden(store) == ["een"] and _waarden(store, versie=2) == ["twee"]


def test_versies_overleven_heropenen(tmp_path):
    store = Store(tmp_path / "s")
    store.nieuwe_versie(_graaf("een"), door="ans")
    store.close()
    opnieuw = Store(tmp_path / "s")
    assert [v.nummer for v in opnieuw.versies()] == [1] and _waarden(opnieuw) == ["een"]


def test_tweede_proces_krijgt_nederlandse_melding(tmp_path):
    store = Store(tmp_path / "s")
    with pytest.raises(ScanFout, match="in gebruik"):
        Store(tmp_path / "s")
    store.close()


def test_updates_worden_geweigerd_en_bindingen_werken(tmp_path):
    store = Store()
    store.nieuwe_versie(_graaf("een"), door="ans")
    with pytest.raises(ScanFout, match="Alleen lezen"):
        store.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(ScanFout, match="ongeldig"):
        store.query("SELEKT ?x")
    rijen = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"s": S})
    assert [str(r["o"]) for r in rijen] == ["een"]
    assert store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"s": URIRef("urn:x")}) == []


def test_onbekende_versie(tmp_path):
    store = Store()
    with pytest.raises(ScanFout, match="bestaat niet"):
        store.graaf(7)
