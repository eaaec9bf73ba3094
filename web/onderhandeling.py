"""Content negotiation for linked data: which format a request wants, and the answers.

A URI of the scan is used by people (a browser: HTML) and by programs
(Turtle, JSON-LD, N-Triples, or the page's JSON twin). The W3C "Cool URIs"
practice lets both use the same URI: the ``Accept`` header or a file suffix
(``.ttl``) picks the format, and a request that accepts none of them gets a
406 that says in Dutch which formats there are, instead of a wrong format.
"""
from __future__ import annotations

from flask import Response, current_app, request

from graaf.vocab import DEFAULT_BASE

#: Format code → media type, in order of preference when ``Accept`` allows several.
MEDIATYPEN: dict[str, str] = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "json": "application/json",
}
_ALIASSEN = {"application/xhtml+xml": "html", "application/x-turtle": "ttl"}
RDF = ("ttl", "jsonld", "nt")


def basis() -> str:
    """The base of the data URIs this site serves (config ``BASE``, else the default)."""
    return (current_app.config.get("BASE") or DEFAULT_BASE).rstrip("/")


def splits(naam: str) -> tuple[str, str | None]:
    """``uwv.ttl`` → (``uwv``, ``ttl``); a name without a known suffix stays whole."""
    stam, punt, achter = naam.rpartition(".")
    if punt and achter in MEDIATYPEN and achter != "html":
        return stam, achter
    return naam, None


def kies(achtervoegsel: str | None = None) -> str | None:
    """The format to answer in: the suffix if given, else the best match of ``Accept``."""
    if achtervoegsel:
        return achtervoegsel
    if not request.accept_mimetypes:
        return "html"  # no Accept header: anything goes (RFC 9110 §12.5.1)
    aanbod = list(MEDIATYPEN.values()) + list(_ALIASSEN)
    beste = request.accept_mimetypes.best_match(aanbod)
    if beste is None:
        return None
    return _ALIASSEN.get(beste) or next(k for k, v in MEDIATYPEN.items() if v == beste)


def rdf_antwoord(inhoud: bytes | str, formaat: str) -> Response:
    """RDF bytes with the right media type (UTF-8 for the text formats)."""
    mediatype = MEDIATYPEN[formaat]
    if formaat in ("ttl", "nt"):
        mediatype += "; charset=utf-8"
    return Response(inhoud, status=200, content_type=mediatype)


def niet_aanvaardbaar() -> Response:
    """406 with a Dutch explanation and the formats this URI does have."""
    tekst = ("Dit formaat kan deze site niet leveren. Beschikbaar zijn: "
             + ", ".join(MEDIATYPEN.values())
             + ". Vraag er een van aan met de Accept-header, of gebruik de extensie "
               ".ttl, .jsonld, .nt of .json.\n")
    return Response(tekst, status=406, content_type="text/plain; charset=utf-8")
