"""Reading a scan given as RDF (Turtle, N-Triples, N-Quads, TriG).

Only syntaxes that cannot make the parser fetch anything are accepted:
RDF/XML (entities) and JSON-LD (remote contexts) are refused by suffix.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from graaf.fouten import ScanFout
from graaf.vocab import DEFAULT_BASE

FORMATEN = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}


def lees_rdf(pad: Path, base: str = DEFAULT_BASE):
    from ingest import Resultaat, shacl, standaardregio

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
    _controleer_termen(g, pad.name)
    standaardregio.vul_aan(g, base)
    return Resultaat(g, shacl.valideer(g, {}))


def _controleer_termen(g: Graph, naam: str) -> None:
    """Refuse terms the parser accepts but the store cannot hold: a lone UTF-16 half
    (``\\uD800``), a malformed language tag (``@x``); fuzzing found both crashes."""
    from graaf.store import naar_ox

    for triple in g:
        for term in triple:
            try:
                naar_ox(term)
            except (ValueError, UnicodeEncodeError) as e:
                onderwerp = str(triple[0]).encode("utf-8", "replace").decode()
                raise ScanFout(f"Het RDF-bestand bevat een ongeldige term bij het onderwerp "
                               f"'{onderwerp}' (bijvoorbeeld een losse UTF-16-helft zoals "
                               f"\\uD800 of een taalcode zoals @x): {e}", naam) from None
