"""Reading a scan given as RDF (Turtle, N-Triples, N-Quads, TriG).

Only syntaxes that cannot make the parser fetch anything are accepted:
RDF/XML (entities) and JSON-LD (remote contexts) are refused by suffix.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from graaf.fouten import ScanFout

FORMATEN = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}


def lees_rdf(pad: Path):
    from ingest import Resultaat, shacl

    formaat = FORMATEN.get(pad.suffix.lower())
    if formaat is None:
        raise ScanFout("Alleen Turtle (.ttl), N-Triples, N-Quads of TriG wordt gelezen; "
                       "RDF/XML en JSON-LD worden om veiligheidsredenen geweigerd.", pad.name)
    g = Graph()
    try:
        if formaat in ("nquads", "trig"):
            ds = Dataset()
            ds.parse(pad, format=formaat)
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
        else:
            g.parse(pad, format=formaat)
    except Exception as e:  # noqa: BLE001 - parser errors are the user's syntax
        raise ScanFout(f"Het RDF-bestand kan niet gelezen worden: {e}", pad.name) from e
    return Resultaat(g, shacl.valideer(g, {}))
