"""The versioned store: versions are complete, immutable and switched atomically.

Tests taking ``opslag_motor`` run on both engines (embedded and Virtuoso, see
tests/conftest.py); the others are about the embedded engine's folder.
"""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from graaf.fouten import ScanFout
from graaf.store import Store

S, P = URIRef("https://w3id.org/360-scan/id/initiatief/wsp"), URIRef("urn:p")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """This module's own Virtuoso for ``opslag_motor``. Measured: after the personal-data
    test below ran on the session's server, Virtuoso 7.2.5 stopped answering the
    'verouderd' check on a later scan (no CPU, every HTTP thread blocked); a server of
    its own keeps that out of the other modules. See docs/opslag.md."""
    import virtuoso as v

    yield from v.server_voor_tests(tmp_path_factory.mktemp("virtuoso-store"))


def _graaf(waarde: str) -> Graph:
    g = Graph()
    g.add((S, P, Literal(waarde)))
    return g


def _waarden(store: Store, versie: int | None = None) -> list[str]:
    return [str(r["o"]) for r in store.query("SELECT ?o WHERE { ?s ?p ?o }", versie=versie)]


def test_elke_ingest_is_een_nieuwe_versie_en_oude_blijven_leesbaar(opslag_motor):
    store = opslag_motor(blijvend=True)
    store.nieuwe_versie(_graaf("een"), door="ans", notitie="eerste", bronbestand="a.xlsx")
    store.nieuwe_versie(_graaf("twee"), door="bert")
    assert _waarden(store) == ["twee"]
    assert _waarden(store, versie=1) == ["een"]
    eerste = store.versies()[0]
    assert (eerste.door, eerste.notitie, eerste.bronbestand, eerste.triples) == (
        "ans", "eerste", "a.xlsx", 1)


def test_herstel_maakt_een_nieuwe_versie_met_oude_inhoud(opslag_motor):
    store = opslag_motor(blijvend=True)
    store.nieuwe_versie(_graaf("een"), door="ans")
    store.nieuwe_versie(_graaf("twee"), door="ans")
    nieuw = store.herstel(1, door="carla")
    assert (nieuw.nummer, nieuw.herstel_van, nieuw.door) == (3, 1, "carla")
    assert _waarden(store) == ["een"] and _waarden(store, versie=2) == ["twee"]


def test_versies_overleven_heropenen(opslag_motor):
    store = opslag_motor(blijvend=True)
    store.nieuwe_versie(_graaf("een"), door="ans")
    store.close()
    opnieuw = opslag_motor(heropen=True)
    assert [v.nummer for v in opnieuw.versies()] == [1] and _waarden(opnieuw) == ["een"]


def test_tweede_proces_krijgt_nederlandse_melding(tmp_path):
    store = Store(tmp_path / "s")
    with pytest.raises(ScanFout, match="in gebruik"):
        Store(tmp_path / "s")
    store.close()


def test_updates_worden_geweigerd_en_bindingen_werken(opslag_motor):
    store = opslag_motor()
    store.nieuwe_versie(_graaf("een"), door="ans")
    with pytest.raises(ScanFout, match="Alleen lezen"):
        store.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(ScanFout, match="ongeldig"):
        store.query("SELEKT ?x")
    rijen = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"s": S})
    assert [str(r["o"]) for r in rijen] == ["een"]
    assert store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"s": URIRef("urn:x")}) == []


def test_onbekende_versie(opslag_motor):
    store = opslag_motor()
    with pytest.raises(ScanFout, match="bestaat niet"):
        store.graaf(7)


# -- personal data in each version's own graph (graaf.privacy) ---------------------

PERSOON = URIRef("https://w3id.org/360-scan/id/persoon/p-jansen")


def _met_persoon() -> Graph:
    from rdflib.namespace import RDF, RDFS

    from graaf.vocab import SCAN

    g = _graaf("een")
    g.add((S, SCAN.trekker, PERSOON))
    g.add((PERSOON, RDF.type, SCAN.Persoon))
    g.add((PERSOON, RDFS.label, Literal("A. Jansen")))
    return g


def _zichtbaar(store: Store, grafen: list[str]) -> str:
    """What the endpoint would answer for a dataset of exactly these graphs."""
    return store.query_begrensd("SELECT * WHERE { ?s ?p ?o }", grafen, grafen, "csv", 100).decode()


def test_persoonsgegevens_staan_apart_maar_horen_bij_de_versie(opslag_motor):
    from graaf.store import persoon_graaf, versie_graaf

    store = opslag_motor(blijvend=True)
    v = store.nieuwe_versie(_met_persoon(), door="ans")
    assert v.triples == 4 and v.personen == persoon_graaf(1)
    assert store.grafen() == [versie_graaf(1)]
    assert store.grafen(persoonsgegevens=True) == [versie_graaf(1), persoon_graaf(1)]
    openbaar, persoonlijk = _zichtbaar(store, [versie_graaf(1)]), _zichtbaar(store, [v.personen])
    assert "een" in openbaar and "jansen" not in openbaar.lower() and "Persoon" not in openbaar
    assert "A. Jansen" in persoonlijk and "trekker" in persoonlijk and "een" not in persoonlijk
    # every server-side read sees the whole version: read copy, older version, exports
    vraag = ("SELECT ?n WHERE { ?s <https://w3id.org/360-scan/def#trekker>/"
             "<http://www.w3.org/2000/01/rdf-schema#label> ?n }")
    assert [str(r["n"]) for r in store.query(vraag)] == ["A. Jansen"]
    assert [str(r["n"]) for r in store.query(vraag, versie=1)] == ["A. Jansen"]
    assert store.waarden(vraag) == [{"n": "A. Jansen"}]
    assert len(store.graaf()) == 4
    nq = store.dump(formaat="nq").decode()
    assert nq.count(f"<{versie_graaf(1)}> .") == 4 and ":personen" not in nq
    for formaat, rdflib_naam in (("nt", "nt"), ("ttl", "turtle"), ("jsonld", "json-ld")):
        terug = Graph().parse(data=store.dump(formaat=formaat), format=rdflib_naam)
        assert terug.isomorphic(_met_persoon()), formaat


def test_herstel_en_heropenen_houden_persoonsgegevens_apart(opslag_motor):
    from graaf.store import versie_graaf

    store = opslag_motor(blijvend=True)
    store.nieuwe_versie(_met_persoon(), door="ans")
    store.nieuwe_versie(_graaf("twee"), door="ans")
    nieuw = store.herstel(1, door="carla")
    assert "Jansen" not in _zichtbaar(store, [versie_graaf(3)])
    assert "A. Jansen" in _zichtbaar(store, [nieuw.personen])
    assert store.graaf().isomorphic(_met_persoon()) and nieuw.triples == 4
    store.close()
    opnieuw = opslag_motor(heropen=True)
    assert "Jansen" not in _zichtbaar(opnieuw, [versie_graaf(1), versie_graaf(3)])
    assert opnieuw.graaf(1).isomorphic(_met_persoon())


def test_oude_gemengde_versie_wordt_bij_openen_gesplitst(tmp_path):
    """A store written before the split: its versions are split when it is opened."""
    from graaf.store import persoon_graaf, versie_graaf

    store = Store(tmp_path / "s")
    store.nieuwe_versie(_met_persoon(), door="ans")
    store._ox.update(f"ADD <{persoon_graaf(1)}> TO <{versie_graaf(1)}> ; "
                     f"DROP GRAPH <{persoon_graaf(1)}>")  # as an older store left it
    assert "A. Jansen" in _zichtbaar(store, [versie_graaf(1)])
    store.close()
    opnieuw = Store(tmp_path / "s")
    assert "Jansen" not in _zichtbaar(opnieuw, [versie_graaf(1)])
    assert opnieuw.graaf(1).isomorphic(_met_persoon())
