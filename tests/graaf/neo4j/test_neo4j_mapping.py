"""The mapping is derived from the ontology and the data, not from a list in the code."""
from __future__ import annotations

from datetime import date

from rdflib import Graph, Literal, Namespace, URIRef
import rdflib.namespace as ns

from graaf.neo4j import mapping as m
from graaf.neo4j.projectie import projecteer_graaf
from graaf.termen import ontologie
from graaf.vocab import SCAN, concept

ID = Namespace("https://w3id.org/360-scan/id/")


def test_names_follow_neo4j_conventions_and_never_collide():
    assert m.upper_snake("draagtBijAan") == "DRAAGT_BIJ_AAN"
    assert m.label(str(SCAN.Initiatief)) == "Initiatief"
    namen = m.namen({str(ns.SKOS.notation), "https://example.org/x#notation", str(ns.RDFS.label)},
                    m.veilig)
    assert namen[str(ns.RDFS.label)] == "label"
    assert namen[str(ns.SKOS.notation)] == "skos_notation"
    assert namen["https://example.org/x#notation"] == "ns_notation"
    assert m.namen({"https://example.org/x#uri"}, m.veilig, frozenset({"uri"})) == {
        "https://example.org/x#uri": "ns_uri"}


def test_example_scan_types_come_from_the_ontology_ranges(voorbeeld_projectie):
    soorten = {k: e.soort for k, e in voorbeeld_projectie.eigenschappen.items()}
    assert soorten["start"] == "date" and soorten["budgetEur"] == "double"
    assert soorten["focus"] == "boolean" and soorten["label"] == "string"
    assert not any(e.lijst for e in voorbeeld_projectie.eigenschappen.values())


def test_enums_are_concept_nodes_one_can_traverse_to(voorbeeld_projectie):
    lopend = voorbeeld_projectie.knopen[concept("status", "lopend")]
    assert set(lopend.labels) >= {"Concept", "Status"}
    assert lopend.eigenschappen["prefLabel"] == "lopend"
    assert any(r.type == "STATUS" and r.eind == lopend.uri for r in voorbeeld_projectie.relaties)
    # scheme 'besluit' shares its name with the class scan:Besluit: the label says 'Begrip'
    assert "BesluitBegrip" in voorbeeld_projectie.knopen[concept("besluit", "verbinden")].labels


def _klein(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def test_a_new_term_in_the_ontology_needs_no_code_change():
    x, y = ID["initiatief/x"], URIRef("https://example.org/buiten")
    ont = Graph()
    ont.add((SCAN.nieuweLink, ns.RDF.type, ns.OWL.ObjectProperty))
    ont.add((SCAN.aantalDeelnemers, ns.RDFS.range, ns.XSD.integer))
    g = _klein((x, ns.RDF.type, SCAN.Initiatief), (x, ns.RDF.type, ns.PROV.Entity),
               (x, SCAN.nieuweLink, y), (x, SCAN.andereLink, y),
               (x, SCAN.aantalDeelnemers, Literal("12")),
               (x, SCAN.peil, Literal("2025-01-02", datatype=ns.XSD.date)))
    p = projecteer_graaf(g, ont)
    knoop = p.knopen[str(x)]
    assert knoop.labels == ("Entity", "Initiatief")
    assert [(r.type, r.eind) for r in p.relaties] == [("NIEUWE_LINK", str(y))]
    assert knoop.eigenschappen == {"aantalDeelnemers": 12, "andereLink": str(y),
                                   "peil": date(2025, 1, 2)}
    assert p.knopen[str(y)].labels == ()  # a node all the same: only the common label


def test_ill_typed_values_fall_back_to_text_and_lists_stay_lists():
    x, z = ID["indicator/x"], ID["indicator/z"]
    g = _klein((x, SCAN.waarde, Literal("veel")), (z, SCAN.waarde, Literal("3.5")),
               (x, ns.RDFS.label, Literal("a", lang="nl")),
               (x, ns.RDFS.label, Literal("b", lang="en")),
               (z, ns.RDFS.label, Literal("c")))
    p = projecteer_graaf(g, ontologie())
    assert p.eigenschappen["waarde"].soort == "string"
    assert p.eigenschappen["label"].kop == "label:string[]"
    assert p.knopen[str(z)].eigenschappen == {"waarde": "3.5", "label": ["c"]}


def test_persons_only_when_asked(voorbeeld_store):
    from graaf.neo4j.opdracht import projectie

    zonder, met = (projectie(voorbeeld_store, None, keuze) for keuze in (False, True))
    personen = set(voorbeeld_store.graaf().subjects(ns.RDF.type, SCAN.Persoon))
    assert personen and not personen & set(map(URIRef, zonder.knopen))
    assert not {r.type for r in zonder.relaties} & {"TREKKER", "VOORZITTER"}
    assert sum("Persoon" in k.labels for k in met.knopen.values()) == len(personen)
    assert any(r.type == "TREKKER" for r in met.relaties)


def test_docs_describe_every_label_and_type_of_the_example(voorbeeld_projectie):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "neo4j.md").read_text(encoding="utf-8")
    labels = {l for k in voorbeeld_projectie.knopen.values() for l in k.labels}
    typen = {r.type for r in voorbeeld_projectie.relaties}
    assert not [n for n in labels | typen if f"`{n}`" not in doc]
