"""Which triples of a scan are personal data: the one definition the store applies.

Persons (``scan:Persoon``: name, function, e-mail, organisation) are personal
data under the AVG/GDPR, and so are their URIs, which are made from names
(``…/id/persoon/nienke-spoelstra``). The store therefore keeps, on every
write of a version, these triples in the version's own ``…:personen`` graph
(``graaf.versies.persoon_graaf``) instead of its public graph:

* every triple whose subject is a ``scan:Persoon`` (its type included), and
* every triple whose object is one (``scan:trekker``, ``scan:voorzitter`` …), and
* every triple of a personal property (``PERSOONLIJKE_EIGENSCHAPPEN``): a value
  that names a person without being a ``scan:Persoon``, such as the assessor
  (``scan:beoordelaar``) of an afweging, a free-text name or account name.

Server-side reading (pages, checks, exports, herstel) sees both graphs as one
version; the public SPARQL endpoint gets the personal graph only for visitors
who may see personal data (``web.toegang``). Splitting after loading, inside
the store, works the same for werkboeken, Turtle input and restored versions,
whatever path wrote them.
"""
from __future__ import annotations

from rdflib import URIRef

from graaf.vocab import SCAN

#: Properties whose values are personal data wherever they occur. Pages that show
#: such a value (entity pages, change lists) hide it from anonymous visitors too.
PERSOONLIJKE_EIGENSCHAPPEN: tuple[URIRef, ...] = (SCAN.beoordelaar,)

_WAARDEN = " ".join(f"<{p}>" for p in PERSOONLIJKE_EIGENSCHAPPEN)
#: The graphs holding any triple ``splitsing`` would move (to split versions written
#: before a rule existed, once, when the store opens).
GEMENGD = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{
  {{ ?s a <{SCAN.Persoon}> }} UNION {{ VALUES ?p {{ {_WAARDEN} }} ?s ?p ?o }} }} }}"""


def splitsing(versie: str, personen: str) -> str:
    """SPARQL Update that moves the personal triples of graph ``versie`` to ``personen``."""
    return f"""
PREFIX scan: <{SCAN}>
INSERT {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{versie}> {{ ?s a scan:Persoon ; ?p ?o }} }} ;
INSERT {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{versie}> {{ ?o a scan:Persoon . ?s ?p ?o }} }} ;
INSERT {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
WHERE {{ VALUES ?p {{ {_WAARDEN} }}
        GRAPH <{versie}> {{ ?s ?p ?o }} }} ;
DELETE {{ GRAPH <{versie}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
"""
