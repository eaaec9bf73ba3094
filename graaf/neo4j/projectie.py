"""One version of the scan as nodes and relationships, by the rules of ``mapping``.

The projection is computed once and is the single input of both the Bolt
sync and the CSV files, so the two exports cannot disagree. It is a pure
function of the RDF graph and the ontology: the same version always gives
the same nodes, properties and relationships, which is what makes
re-running the sync idempotent.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from graaf.neo4j import mapping as m
from graaf.neo4j.mapping import Lit

#: (subject, predicate, object): URIs as strings, a literal as ``Lit``.
Drietal = tuple[str, str, "str | Lit"]


@dataclass(frozen=True)
class Knoop:
    uri: str
    labels: tuple[str, ...]  # sorted, without the common label Ding
    eigenschappen: dict[str, object]

    def props(self) -> dict[str, object]:
        """All properties as written to Neo4j: the URI first."""
        return {m.URI: self.uri, **self.eigenschappen}


@dataclass(frozen=True, order=True)
class Relatie:
    start: str
    type: str
    eind: str


@dataclass
class Projectie:
    knopen: dict[str, Knoop]
    relaties: list[Relatie]
    eigenschappen: dict[str, m.Eigenschap]
    #: predicate → relationship type / property key, class → label (for docs and tests)
    reltypen: dict[str, str] = field(default_factory=dict)
    sleutels: dict[str, str] = field(default_factory=dict)
    klasselabels: dict[str, str] = field(default_factory=dict)
    met_personen: bool = False
    overgeslagen: int = 0  # triples with a blank node: no stable identity in Neo4j


_GEEN_LABEL = {str(OWL.NamedIndividual), str(OWL.Thing)}
_TYPE, _IN_SCHEME = str(RDF.type), str(SKOS.inScheme)


def uit_graaf(g: Graph) -> tuple[list[Drietal], int]:
    """An rdflib graph as triples for ``projecteer``, and how many had a blank node."""
    uit = [(str(s), str(p), Lit(str(o), str(o.datatype) if o.datatype else None)
            if isinstance(o, Literal) else str(o)) for s, p, o in g
           if not isinstance(s, BNode) and not isinstance(o, BNode)]
    return uit, len(g) - len(uit)


def projecteer_graaf(g: Graph, ontologie: Graph, met_personen: bool = False) -> Projectie:
    drietallen, overgeslagen = uit_graaf(g)
    return projecteer(drietallen, ontologie, met_personen, overgeslagen)


def projecteer(drietallen: list[Drietal], ontologie: Graph, met_personen: bool = False,
               overgeslagen: int = 0) -> Projectie:
    """Nodes for every subject and every object of a relationship; see module doc."""
    onderwerpen = {s for s, _, _ in drietallen}
    objectprops = {str(p) for p in m.objecteigenschappen(ontologie)}
    typen, literals, relaties = [], [], []
    for s, p, o in drietallen:
        if p == _TYPE:
            typen.append((s, o))
        elif isinstance(o, Lit):
            literals.append((s, p, o))
        elif o in onderwerpen or p in objectprops:
            relaties.append((s, p, o))
        else:  # a link to something outside the scan (a homepage): kept as text
            literals.append((s, p, Lit(o)))
    labels, klasselabels = _labels(typen, relaties, ontologie)
    reltypen = m.namen({p for _, p, _ in relaties}, m.upper_snake)
    eigenschappen, sleutels, waarden = _eigenschappen(literals, ontologie)
    uris = sorted(onderwerpen | {o for _, _, o in relaties})
    knopen = {u: Knoop(u, tuple(sorted(labels.get(u, ()))), waarden.get(u, {})) for u in uris}
    rels = [Relatie(*r) for r in sorted({(s, reltypen[p], o) for s, p, o in relaties})]
    return Projectie(knopen, rels, eigenschappen, reltypen, sleutels, klasselabels,
                     met_personen, overgeslagen)


def _labels(typen: list, relaties: list,
            ontologie: Graph) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Labels per node: one per type, plus the scheme of a SKOS concept
    (``Begrip`` appended if that name is a class label of the data or ontology)."""
    klasselabels = {t: m.label(t) for _, t in typen if t not in _GEEN_LABEL}
    labels: dict[str, set[str]] = defaultdict(set)
    for s, t in typen:
        if t in klasselabels:
            labels[s].add(klasselabels[t])
    bezet = set(klasselabels.values()) | {m.DING}
    bezet |= {m.label(k) for k in ontologie.subjects(RDF.type, OWL.Class)
              if isinstance(k, URIRef)}
    for s, p, schema in relaties:
        if p == _IN_SCHEME:
            naam = m.schema_label(schema)
            labels[s].add(naam + "Begrip" if naam in bezet else naam)
    return labels, klasselabels


def _eigenschappen(literals: list, ontologie: Graph):
    """Key and type per predicate, and per node its (list-)values."""
    per_predicaat: dict[str, list[Lit]] = defaultdict(list)
    per_paar: dict[tuple[str, str], list[Lit]] = defaultdict(list)
    for s, p, o in literals:
        if o.lex == "":
            continue  # an empty cell is no value (and CSV cannot tell "" from none)
        per_predicaat[p].append(o)
        per_paar[(s, p)].append(o)
    sleutels = m.namen(set(per_predicaat), m.veilig, frozenset({m.URI}))
    lijst = {p for (_, p), w in per_paar.items() if len(w) > 1}
    specs = {p: m.Eigenschap(sleutels[p],
                             m.soort_van(w, m.soort_uit_ontologie(ontologie, URIRef(p))),
                             p in lijst)
             for p, w in per_predicaat.items()}
    waarden: dict[str, dict[str, object]] = defaultdict(dict)
    for (s, p), lits in sorted(per_paar.items(), key=lambda paar: paar[0]):
        spec = specs[p]
        omgezet = sorted({m.waarde(lit, spec.soort) for lit in lits}, key=str)
        waarden[s][spec.sleutel] = omgezet if spec.lijst else omgezet[0]
    return {s.sleutel: s for s in specs.values()}, sleutels, waarden
