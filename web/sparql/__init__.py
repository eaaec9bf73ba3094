"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint over the scan.

Queries run in worker processes (``graaf.werkers``) on a read-only snapshot of
the store, so a query past its time limit is killed and answered with 503,
never with a partial 200. The check that refuses SERVICE and updates parses
the untrusted text with rdflib, also in a worker under the same deadline
(``web.sparql.ontleden``); parsed texts are remembered, so repeated queries
(the named checks, an editor) skip that step. Works for the on-disk store and
for the in-memory one (the snapshot is then a temporary on-disk copy, made
once per write). Dataset: the default graph is the current version; FROM /
FROM NAMED and ``default-graph-uri``/``named-graph-uri`` choose among the
version graphs (``urn:graaf:versie:N``) and the fixed graphs
(``Store.zet_vaste_graaf``); any other URI is an empty graph. Personal data
(``graaf.privacy``: persons and every reference to them) lives in each
version's ``urn:graaf:versie:N:personen`` graph, which is part of the dataset
(default graph, named graphs, service description) only for visitors who may
see personal data (``web.toegang``); for everyone else it does not exist.

Status codes, each with a short Dutch text (JSON when Accept prefers it):
400 syntax or parameter error (with the parser's line and column), 403 for
updates, LOAD and SERVICE (read-only, no federation), 405 other methods,
406 no acceptable format, 415 wrong Content-Type or charset, 422 a result
over the row cap (refused whole rather than cut off, so no client mistakes a
partial answer for the full one), 429 over the client's budget or cap on
queries at once (with ``Retry-After``; ``web.sparql.grens``), 503 time limit
reached or no worker free.

Parameters beyond the protocol: ``timeout`` (seconds) and ``max-rows`` or
``limit`` (rows) may lower ``SPARQL_TIJDSLIMIET``/``SPARQL_MAX_RIJEN``, never
raise them; ``format``/``output``/``results`` choose the format as
SPARQLWrapper sends them. Config ``SPARQL_WERKERS`` (default 2) sizes the pool.
"""
from __future__ import annotations

from flask import Flask


def installeer(app: Flask) -> None:
    """Register the endpoint (imported here, so workers can import web.sparql.* cheaply)."""
    from web.sparql.endpoint import bp

    app.register_blueprint(bp)
