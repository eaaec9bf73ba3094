"""``graaf sparql``: read-only queries from the command line, as a table or a format."""
from __future__ import annotations

from rdflib import Graph, URIRef

from graaf.store import Store
from graaf.vocab import PREFIXES, sparql_prefixes

_FORMATEN = {"csv": "csv", "json": "json", "tsv": "tsv", "xml": "xml"}


def voer_uit(store: Store, tekst: str, formaat: str, versie: int | None) -> bytes:
    """Results as bytes; queries without PREFIX lines get the scan's prefixes."""
    if "prefix" not in tekst.lower():
        tekst = sparql_prefixes() + tekst
    if formaat != "tabel":
        return store.query_formaat(tekst, formaat, versie)
    resultaat = store.query(tekst, versie=versie)
    if isinstance(resultaat, bool):
        return ("ja\n" if resultaat else "nee\n").encode()
    if isinstance(resultaat, Graph):
        return resultaat.serialize(format="turtle").encode()
    return tabel(resultaat).encode()


def kort(term: object) -> str:
    """A URI as prefix:name where a known prefix fits; other terms as text."""
    if isinstance(term, URIRef):
        for p, ns in PREFIXES.items():
            if str(term).startswith(ns):
                return f"{p}:{str(term)[len(ns):]}"
    return "" if term is None else str(term)


def tabel(rijen: list[dict]) -> str:
    if not rijen:
        return "(geen resultaten)\n"
    kolommen = list(dict.fromkeys(k for r in rijen for k in r))
    cellen = [[kort(r.get(k)) for k in kolommen] for r in rijen]
    breed = [max(len(k), *(len(c[i]) for c in cellen)) for i, k in enumerate(kolommen)]
    regel = lambda waarden: "  ".join(w.ljust(b) for w, b in zip(waarden, breed)).rstrip()
    uit = [regel(kolommen), regel(["-" * b for b in breed])] + [regel(c) for c in cellen]
    return "\n".join(uit) + f"\n({len(rijen)} rijen)\n"
