"""An in-process model of the Neo4j semantics of exactly the statements the sync generates.

No Neo4j server can be installed on this machine, so the idempotence and the
counts of the sync are checked by replaying the generated Cypher here: a
small interpreter that recognises each statement shape the sync emits (and
refuses anything else), applied to a networkx MultiDiGraph with MERGE
semantics (find-or-create by label and key; a relationship of a type exists
at most once between two nodes). It also refuses property values the Bolt
protocol cannot store as a property (maps, None, mixed lists).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

import networkx as nx
import pytest

from graaf.neo4j import cypher

_CONSTRAINT = re.compile(r"CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) "
                         r"REQUIRE n\.(\w+) IS UNIQUE")
_KNOOP = re.compile(r"UNWIND \$rows AS row\nMERGE \(n:(\w+) \{(\w+): row\.(\w+)\}\)\n"
                    r"SET n = row\.props(?:, n((?::`[^`]+`)+))?")
_RELATIE = re.compile(r"UNWIND \$rows AS row\nMATCH \(a:(\w+) \{(\w+): row\.start\}\)\n"
                      r"MATCH \(b:\1 \{\2: row\.end\}\)\nMERGE \(a\)-\[:`([^`]+)`\]->\(b\)")
_LABEL_WEG = re.compile(r"UNWIND \$uris AS uri\nMATCH \(n:(\w+) \{(\w+): uri\}\)\n"
                        r"REMOVE n((?::`[^`]+`)+)")
_SCALAIR = (str, bool, int, float, date, datetime)


def _eigenschapswaarde(w: object) -> None:
    if isinstance(w, list):
        assert w and len({type(x) for x in w}) == 1, f"mixed or empty list: {w!r}"
        assert isinstance(w[0], _SCALAIR), w
    else:
        assert isinstance(w, _SCALAIR), f"not a property value: {w!r}"


class MergeModel:
    """A property graph with the Uitvoerder interface (``schrijf``/``lees``)."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self.constraints: set[tuple[str, str]] = set()
        self.uitgevoerd: list[cypher.Opdracht] = []
        self._volgende = 0

    def _zoek(self, label: str, sleutel: str, waarde: object) -> int | None:
        gevonden = [n for n, d in self.g.nodes(data=True)
                    if label in d["labels"] and d["props"].get(sleutel) == waarde]
        assert len(gevonden) <= 1, "uniqueness violated"
        return gevonden[0] if gevonden else None

    def schrijf(self, o: cypher.Opdracht) -> None:
        self.uitgevoerd.append(o)
        if m := _CONSTRAINT.fullmatch(o.tekst):
            self.constraints.add((m[2], m[3]))
        elif m := _KNOOP.fullmatch(o.tekst):
            self._merge_knopen(o.parameters["rows"], m[1], m[2], m[3], m[4] or "")
        elif m := _RELATIE.fullmatch(o.tekst):
            self._merge_relaties(o.parameters["rows"], m[1], m[2], m[3])
        elif m := _LABEL_WEG.fullmatch(o.tekst):
            for uri in o.parameters["uris"]:
                if (n := self._zoek(m[1], m[2], uri)) is not None:
                    self.g.nodes[n]["labels"] -= set(re.findall(r"`([^`]+)`", m[3]))
        elif o.tekst == cypher.VERWIJDER_KNOPEN:
            for uri in o.parameters["uris"]:
                if (n := self._zoek("Ding", "uri", uri)) is not None:
                    self.g.remove_node(n)  # DETACH DELETE: its edges go too
        elif o.tekst == cypher.VERWIJDER_RELATIES:
            self._verwijder_relaties(o.parameters["rows"])
        else:
            raise AssertionError(f"statement shape the model does not know:\n{o.tekst}")

    def _merge_knopen(self, rijen, label, sleutel, rijsleutel, extra) -> None:
        labels = set(re.findall(r"`([^`]+)`", extra))
        for rij in rijen:
            for w in rij["props"].values():
                _eigenschapswaarde(w)
            assert rij["props"][sleutel] == rij[rijsleutel], "SET n = props would drop the key"
            n = self._zoek(label, sleutel, rij[rijsleutel])
            if n is None:
                n, self._volgende = self._volgende, self._volgende + 1
                self.g.add_node(n, labels={label}, props={sleutel: rij[rijsleutel]})
            self.g.nodes[n]["props"] = dict(rij["props"])
            self.g.nodes[n]["labels"] |= labels

    def _merge_relaties(self, rijen, label, sleutel, type_) -> None:
        for rij in rijen:
            a, b = self._zoek(label, sleutel, rij["start"]), self._zoek(label, sleutel, rij["end"])
            if a is None or b is None:
                continue  # MATCH finds nothing: the row produces no relationship
            if not self.g.has_edge(a, b, key=type_):
                self.g.add_edge(a, b, key=type_)

    def _verwijder_relaties(self, rijen) -> None:
        for rij in rijen:
            a = self._zoek("Ding", "uri", rij["uri"])
            if a is None:
                continue
            for _, b, type_ in list(self.g.out_edges(a, keys=True)):
                if "Ding" in self.g.nodes[b]["labels"] and \
                        f"{type_} {self.g.nodes[b]['props']['uri']}" not in rij["keep"]:
                    self.g.remove_edge(a, b, key=type_)

    def lees(self, o: cypher.Opdracht) -> list[dict]:
        knopen = [d for _, d in self.g.nodes(data=True) if "Ding" in d["labels"]]
        if o.tekst == cypher.ALLE_URIS:
            return [{"uri": d["props"]["uri"], "labels": sorted(d["labels"])} for d in knopen]
        if o.tekst == cypher.TEL_LABELS:
            tel = Counter(l for d in knopen for l in d["labels"])
            return [{"label": l, "aantal": n} for l, n in tel.items()]
        if o.tekst == cypher.TEL_TYPEN:
            tel = Counter(k for _, _, k in self.g.edges(keys=True))
            return [{"type": t, "aantal": n} for t, n in tel.items()]
        raise AssertionError(f"read the model does not know:\n{o.tekst}")

    def momentopname(self) -> tuple:
        """Everything observable: nodes (labels, properties) and relationships, by URI."""
        uri = {n: d["props"]["uri"] for n, d in self.g.nodes(data=True)}
        knopen = sorted((uri[n], tuple(sorted(d["labels"])), repr(sorted(d["props"].items())))
                        for n, d in self.g.nodes(data=True))
        return knopen, sorted((uri[a], k, uri[b]) for a, b, k in self.g.edges(keys=True))


@pytest.fixture
def merge_model() -> MergeModel:
    return MergeModel()


@pytest.fixture(scope="session")
def voorbeeld_projectie(voorbeeld_store):
    from graaf.neo4j.opdracht import projectie

    return projectie(voorbeeld_store, None, met_personen=False)


@pytest.fixture(scope="session")
def voorbeeld_exportgraaf(voorbeeld_store):
    """The oracle: what the export should contain, built straight with rdflib (the whole
    version minus every triple about or pointing at a scan:Persoon, plus the concept
    schemes of the ontology), independent of the export's own SPARQL."""
    from rdflib.namespace import RDF, SKOS

    from graaf.termen import ontologie
    from graaf.vocab import SCAN

    g = voorbeeld_store.graaf()
    personen = set(g.subjects(RDF.type, SCAN.Persoon))
    for s, p, o in list(g):
        if s in personen or o in personen:
            g.remove((s, p, o))
    for klasse in (SKOS.ConceptScheme, SKOS.Concept):
        for s in set(ontologie().subjects(RDF.type, klasse)):
            for p, o in ontologie().predicate_objects(s):
                g.add((s, p, o))
    return g
