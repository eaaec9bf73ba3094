"""The sync's Cypher replayed on the in-process MERGE model (conftest): counts, idempotence,
batching and removal, all without a Neo4j server (none is installable here)."""
from __future__ import annotations

import math
from collections import Counter

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF

from graaf.neo4j import cypher
from graaf.neo4j.projectie import projecteer_graaf
from graaf.neo4j.sync import synchroniseer
from graaf.termen import ontologie
from graaf.vocab import SCAN


def _rdf_tellingen(g):
    """Counts straight from the RDF: subjects per class, triples per object-valued predicate."""
    klassen = Counter(o for _, _, o in g.triples((None, RDF.type, None)))
    onderwerpen = set(g.subjects())
    objectprops = set(ontologie().subjects(RDF.type, OWL.ObjectProperty))
    predicaten = Counter(p for s, p, o in g if p != RDF.type and isinstance(o, URIRef)
                         and (o in onderwerpen or p in objectprops))
    return klassen, predicaten


def test_counts_per_label_and_type_equal_the_rdf(voorbeeld_projectie, voorbeeld_exportgraaf,
                                                 merge_model):
    p = voorbeeld_projectie
    verslag = synchroniseer(p, merge_model)
    klassen, predicaten = _rdf_tellingen(voorbeeld_exportgraaf)
    for klasse, aantal in klassen.items():
        assert verslag.labels[p.klasselabels[str(klasse)]] == aantal, klasse
    for predicaat, aantal in predicaten.items():
        assert verslag.typen[p.reltypen[str(predicaat)]] == aantal, predicaat
    assert verslag.labels["Ding"] == len(set(voorbeeld_exportgraaf.subjects()))
    assert sum(verslag.typen.values()) == sum(predicaten.values())
    assert merge_model.constraints == {("Ding", "uri")}


def test_values_arrive_typed_as_in_the_rdf(voorbeeld_projectie, voorbeeld_exportgraaf,
                                           merge_model):
    synchroniseer(voorbeeld_projectie, merge_model)
    props = {d["props"]["uri"]: d["props"] for _, d in merge_model.g.nodes(data=True)}
    gezien = 0
    for s, o in voorbeeld_exportgraaf.subject_objects(SCAN.start):
        assert props[str(s)]["start"] == o.toPython()
        gezien += 1
    for s, o in voorbeeld_exportgraaf.subject_objects(SCAN.budgetEur):
        assert props[str(s)]["budgetEur"] == float(o)
        gezien += 1
    assert gezien > 0


def test_running_the_statements_twice_gives_the_same_graph(voorbeeld_projectie, merge_model):
    eerste = synchroniseer(voorbeeld_projectie, merge_model, batch=50)
    na_een = merge_model.momentopname()
    tweede = synchroniseer(voorbeeld_projectie, merge_model, batch=50)
    assert (eerste.labels, eerste.typen) == (tweede.labels, tweede.typen)
    assert merge_model.momentopname() == na_een
    assert merge_model.g.number_of_nodes() == len(voorbeeld_projectie.knopen)
    assert merge_model.g.number_of_edges() == len(voorbeeld_projectie.relaties)


def test_batches_respect_the_size_and_cover_every_row_once(voorbeeld_projectie):
    opdrachten = list(cypher.schrijf_opdrachten(voorbeeld_projectie, 7))
    rijen = [r for o in opdrachten for r in o.parameters.get("rows", [])]
    assert all(len(o.parameters.get("rows", [])) <= 7 for o in opdrachten)
    knopen = Counter(r["uri"] for r in rijen if "uri" in r)
    assert knopen == Counter(list(voorbeeld_projectie.knopen))  # each node exactly once
    typen = {o.tekst: o.tekst.rsplit("`", 2)[1] for o in opdrachten if "MERGE (a)" in o.tekst}
    relaties = Counter((r["start"], typen[o.tekst], r["end"]) for o in opdrachten
                       if o.tekst in typen for r in o.parameters["rows"])
    assert relaties == Counter((r.start, r.type, r.eind) for r in voorbeeld_projectie.relaties)
    groepen = Counter(k.labels for k in voorbeeld_projectie.knopen.values())
    per_type = Counter(r.type for r in voorbeeld_projectie.relaties)
    verwacht = 1 + sum(math.ceil(n / 7) for n in [*groepen.values(), *per_type.values()])
    assert len(opdrachten) == verwacht


def _versie(g, zonder: URIRef):
    nieuw = type(g)()
    for t in g:
        if zonder not in (t[0], t[2]):
            nieuw.add(t)
    return nieuw


def test_removal_flag_deletes_what_vanished_and_only_then(voorbeeld_exportgraaf, merge_model):
    weg = next(iter(voorbeeld_exportgraaf.subjects(RDF.type, SCAN.Initiatief)))
    synchroniseer(projecteer_graaf(voorbeeld_exportgraaf, ontologie()), merge_model)
    later = projecteer_graaf(_versie(voorbeeld_exportgraaf, weg), ontologie())
    zonder_verwijderen = synchroniseer(later, merge_model)
    assert zonder_verwijderen.labels["Ding"] == len(later.knopen) + 1
    verslag = synchroniseer(later, merge_model, verwijder=True)
    assert verslag.verwijderd == 1 and verslag.labels["Ding"] == len(later.knopen)
    assert sum(verslag.typen.values()) == len(later.relaties)
    schoon = type(merge_model)()  # the same version synced into an empty database
    synchroniseer(later, schoon)
    assert merge_model.momentopname() == schoon.momentopname()


def test_a_dropped_property_or_relationship_disappears_on_removal_sync(merge_model):
    s = URIRef("https://w3id.org/360-scan/id/initiatief/x")
    o = URIRef("https://w3id.org/360-scan/id/organisatie/y")
    g = type(ontologie())()
    for t in [(s, RDF.type, SCAN.Initiatief), (s, SCAN.budgetEur, Literal("5.0")),
              (o, RDF.type, SCAN.Organisatie), (s, SCAN.partner, o)]:
        g.add(t)
    synchroniseer(projecteer_graaf(g, ontologie()), merge_model)
    g.remove((s, SCAN.budgetEur, None))
    g.remove((s, SCAN.partner, None))
    verslag = synchroniseer(projecteer_graaf(g, ontologie()), merge_model, verwijder=True)
    props = [d["props"] for _, d in merge_model.g.nodes(data=True) if d["props"]["uri"] == str(s)]
    assert props == [{"uri": str(s)}] and "PARTNER" not in verslag.typen


def test_a_type_the_scan_dropped_loses_its_label_on_removal_sync(merge_model):
    from rdflib.namespace import PROV

    s = URIRef("https://w3id.org/360-scan/id/initiatief/x")
    g = type(ontologie())()
    g.add((s, RDF.type, SCAN.Initiatief))
    g.add((s, RDF.type, PROV.Entity))
    synchroniseer(projecteer_graaf(g, ontologie()), merge_model)
    g.remove((s, RDF.type, PROV.Entity))
    assert synchroniseer(projecteer_graaf(g, ontologie()), merge_model).labels["Entity"] == 1
    verslag = synchroniseer(projecteer_graaf(g, ontologie()), merge_model, verwijder=True)
    assert "Entity" not in verslag.labels and verslag.labels["Initiatief"] == 1


def test_blank_nodes_are_skipped_and_counted():
    g = type(ontologie())()
    s = URIRef("https://w3id.org/360-scan/id/initiatief/x")
    g.add((s, RDF.type, SCAN.Initiatief))
    g.add((s, SCAN.partner, BNode()))
    p = projecteer_graaf(g, ontologie())
    assert p.overgeslagen == 1 and not [r for r in p.relaties if r.type == "PARTNER"]


def test_the_store_path_gives_the_same_graph_as_the_rdflib_oracle(voorbeeld_projectie,
                                                                  voorbeeld_exportgraaf):
    orakel = projecteer_graaf(voorbeeld_exportgraaf, ontologie())
    assert voorbeeld_projectie.knopen == orakel.knopen
    assert voorbeeld_projectie.relaties == orakel.relaties
    assert voorbeeld_projectie.eigenschappen == orakel.eigenschappen
