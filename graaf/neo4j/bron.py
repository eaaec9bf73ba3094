"""What an export to Neo4j contains: one version, the concept schemes, persons or not.

The version's triples come from the store through the saved query
``neo4j-drietallen`` (graaf/queries/export), as plain strings: building
rdflib terms for a national-scale scan cost several times the rest of the
export. Persons are left out unless asked for, by the definition the store
uses to keep them apart (``graaf.privacy``): every triple about a
``scan:Persoon`` and every triple pointing at one. The concept schemes of
``schemas.ttl`` and the named individuals the scan points at
(``scan:heleRegio``) are added, so enum values are nodes one can traverse to
and every relationship ends in a node that exists.
"""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, SKOS

from graaf import queries
from graaf.neo4j.mapping import Lit
from graaf.neo4j.projectie import Drietal, uit_graaf
from graaf.termen import ontologie


def versie_drietallen(store, versie: int | None,
                      met_personen: bool) -> tuple[list[Drietal], int]:
    """The version's triples (persons only if asked) and the number with a blank node."""
    rijen = [r for r in store.waarden(queries.get("neo4j-drietallen").sparql, versie=versie)
             if met_personen or r["persoonlijk"] != "true"]
    uit = [(r["s"], r["p"], Lit(r["o"], r.get("datatype")) if r["soort"] == "literal"
            else r["o"]) for r in rijen if r["soort"] != "blanco"]
    return uit, len(rijen) - len(uit)


def begrippen(drietallen: list[Drietal], bron: Graph | None = None) -> list[Drietal]:
    """The concept schemes, and the named individuals the triples refer to."""
    bron = ontologie() if bron is None else bron
    onderwerpen = set(bron.subjects(RDF.type, SKOS.ConceptScheme))
    onderwerpen |= set(bron.subjects(RDF.type, SKOS.Concept))
    verwezen = {o for _, _, o in drietallen if isinstance(o, str)}
    onderwerpen |= {i for i in bron.subjects(RDF.type, OWL.NamedIndividual)
                    if str(i) in verwezen}
    g = Graph()
    for s in onderwerpen:
        for p, o in bron.predicate_objects(s):
            g.add((s, p, o))
    return uit_graaf(g)[0]


def exportdrietallen(store, versie: int | None,
                     met_personen: bool) -> tuple[list[Drietal], int]:
    """What the Neo4j export maps (see the module docstring), and the skipped count."""
    drietallen, overgeslagen = versie_drietallen(store, versie, met_personen)
    return drietallen + begrippen(drietallen), overgeslagen
