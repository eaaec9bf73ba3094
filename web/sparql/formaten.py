"""Which serialisation a request gets: ``format``/``output``/``results`` first, then Accept.

Why the parameters win: SPARQLWrapper (and Virtuoso-minded clients) send
``format=json&output=json&results=json`` next to an Accept header, sometimes
with a MIME type as a second value. A parameter value that doesn't fit the
query form (``format=csv`` on CONSTRUCT) is ignored and Accept decides. The
answer's Content-Type is the type the client asked for (Comunica and
SPARQLWrapper check it), so aliases map to one engine format each.
"""
from __future__ import annotations

from werkzeug.datastructures import MIMEAccept

#: (MIME type, engine format) in order of preference; the first is the default.
TABEL = [("application/sparql-results+json", "json"), ("application/json", "json"),
         ("application/sparql-results+xml", "xml"), ("application/xml", "xml"),
         ("text/xml", "xml"), ("text/csv", "csv"), ("text/tab-separated-values", "tsv")]
JA_NEE = [t for t in TABEL if t[1] in ("json", "xml")]  # CSV/TSV are for SELECT only
RDF = [("text/turtle", "ttl"), ("application/turtle", "ttl"), ("application/x-turtle", "ttl"),
       ("application/n-triples", "nt"), ("application/ld+json", "jsonld"),
       ("application/rdf+xml", "xml"), ("application/n-quads", "nt"),
       ("application/trig", "ttl"), ("text/n3", "ttl"), ("text/plain", "nt")]

_NAMEN = {
    "json": ["application/sparql-results+json", "application/ld+json"], "srj": ["application/sparql-results+json"],
    "xml": ["application/sparql-results+xml", "application/rdf+xml"], "srx": ["application/sparql-results+xml"],
    "csv": ["text/csv"], "tsv": ["text/tab-separated-values"],
    "turtle": ["text/turtle"], "ttl": ["text/turtle"], "n3": ["text/turtle"],
    "nt": ["application/n-triples"], "ntriples": ["application/n-triples"],
    "n-triples": ["application/n-triples"], "json-ld": ["application/ld+json"],
    "jsonld": ["application/ld+json"], "rdf+xml": ["application/rdf+xml"],
    "rdf": ["application/rdf+xml"], "rdfxml": ["application/rdf+xml"],
}


def kies(vorm: str, parameters: list[str], accept: MIMEAccept) -> tuple[str, str] | None:
    """(MIME type, engine format) for a query form, or None when nothing fits (406)."""
    mogelijk = RDF if vorm in ("construct", "describe") else JA_NEE if vorm == "ask" else TABEL
    return kies_uit(mogelijk, parameters, accept)


def kies_uit(mogelijk: list[tuple[str, str]], parameters: list[str],
             accept: MIMEAccept) -> tuple[str, str] | None:
    """The first parameter value that fits, else the best Accept match, else None."""
    bekend = dict(mogelijk)
    for waarde in parameters:
        waarde = waarde.strip().lower()
        for mime in _NAMEN.get(waarde, [waarde.split(";")[0].strip()]):
            if mime in bekend:
                return mime, bekend[mime]
    if not accept:
        return mogelijk[0]
    beste = accept.best_match([m for m, _ in mogelijk])
    return (beste, bekend[beste]) if beste else None


def lijst(mogelijk: list[tuple[str, str]]) -> str:
    """The supported types as a short list for the 406 message."""
    return ", ".join(dict.fromkeys(m for m, _ in mogelijk))
