"""Which triples of a scan are personal data: the one definition the store applies.

Persons (``scan:Persoon``: name, function, e-mail, organisation) are personal
data under the AVG/GDPR, and so are their URIs, which are made from names
(``…/id/persoon/nienke-spoelstra``). The store therefore keeps, on every
write of a version, these triples in the version's own ``…:personen`` graph
(``graaf.versies.persoon_graaf``) instead of its public graph:

* every triple whose subject is a ``scan:Persoon`` (its type included), and
* every triple whose object is one (``scan:trekker``, ``scan:voorzitter`` …).

Server-side reading (pages, checks, exports, herstel) sees both graphs as one
version; the public SPARQL endpoint gets the personal graph only for visitors
who may see personal data (``web.toegang``). Splitting after loading, inside
the store, works the same for werkboeken, Turtle input and restored versions,
whatever path wrote them.
"""
from __future__ import annotations

from graaf.vocab import SCAN


def splitsing(versie: str, personen: str) -> str:
    """SPARQL Update that moves the personal triples of graph ``versie`` to ``personen``."""
    return f"""
PREFIX scan: <{SCAN}>
INSERT {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{versie}> {{ ?s a scan:Persoon ; ?p ?o }} }} ;
INSERT {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{versie}> {{ ?o a scan:Persoon . ?s ?p ?o }} }} ;
DELETE {{ GRAPH <{versie}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{personen}> {{ ?s ?p ?o }} }}
"""
