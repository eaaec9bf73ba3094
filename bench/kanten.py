"""The sides of ``python -m bench``, each run in a process of its own.

Why a process per side: the peak memory (``ru_maxrss``, the RSS high-water
mark) of one side must not include another's stores and caches, and a side
must not profit from caches another side warmed. Every side returns plain
numbers (seconds, MB), so the parent only prints.

The check workload is exactly what ``graaf.checks.draai`` runs for all
regions: every ``checks/*.rq`` plus the three ``netwerk`` queries the two
Python checks read (``CHECK_QUERIES``), with the same bindings (``peildatum``;
``regio`` unbound means all regions). "Raw" sides run only those queries and
read every row; ours also builds the findings (duplicate texts, networkx).
The first run of each side is a warm-up and is not counted (our embedded
store builds its in-memory read copy then, Virtuoso plans each query).
"""
from __future__ import annotations

import json
import multiprocessing as mp
import resource
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Callable

PEILDATUM = date(2026, 5, 7)
NETWERK = ("initiatief-teksten", "doel-initiatieven", "initiatief-organisaties")
_JSON = "application/sparql-results+json"


def in_eigen_proces(functie: Callable[..., dict], *args) -> dict:
    """Run ``functie(*args)`` in a fresh (spawned) Python process; its result dict."""
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as uitvoerder:
        return uitvoerder.submit(functie, *args).result()


def piek_mb() -> float:
    """This process's RSS high-water mark in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def mediaan(f: Callable[[], object], herhaal: int, opwarmen: bool = True) -> float:
    """Median seconds of ``herhaal`` runs, after one uncounted warm-up run if asked."""
    if opwarmen:
        f()
    tijden = []
    for _ in range(herhaal):
        t = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def check_queries() -> list[tuple[str, str, dict]]:
    """(code, SPARQL, bindings) of the check workload, bindings as rdflib terms."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from graaf import queries

    waarden = {"peildatum": Literal(PEILDATUM.isoformat(), datatype=XSD.date)}
    uit = []
    for q in [*queries.alle("checks"), *(queries.get(c) for c in NETWERK)]:
        uit.append((q.code, q.sparql, {k: v for k, v in waarden.items() if k in q.parameters}))
    return uit


def als_tekst(sparql: str, bindings: dict) -> str:
    """The query as one text for an HTTP endpoint: bindings as a VALUES block, the
    way our remote store sends them (``graaf.sparqlstore_tekst``)."""
    from graaf.sparqlstore_tekst import met_waarden

    return met_waarden(sparql, bindings or None)


# -- (a) our code on the embedded store --------------------------------------

def ons_ingebed(bron: str, pad: str, nt: str, herhaal: int, checks_ook: bool) -> dict:
    """Ingest the werkboek into a fresh on-disk store (validate, load, version), then
    all checks; writes the version's N-Triples to ``nt`` for the raw sides."""
    from graaf import checks
    from graaf.scan import laad
    from graaf.store import Store

    store = Store(Path(pad))
    t = time.perf_counter()
    laad(store, bron, door="bench")
    uit = {"ingest": time.perf_counter() - t, "triples": store.huidige().triples}
    Path(nt).write_bytes(store.dump(formaat="nt"))
    if checks_ook:
        uit["checks"] = mediaan(lambda: (checks.vergeet(), checks.draai(store, PEILDATUM)),
                                herhaal)
        uit["bevindingen"] = len(checks.draai(store, PEILDATUM)["bevindingen"])
    store.close()
    return uit | {"piek_mb": piek_mb()}


# -- (b) raw pyoxigraph: the same N-Triples, the same SPARQL -------------------

def ruw_pyoxigraph(nt: str, pad: str | None, herhaal: int, checks_ook: bool) -> dict:
    """``bulk_load`` into a store on disk (``pad``) or in memory (None), then the
    check queries with pyoxigraph's own substitutions, every row read."""
    import pyoxigraph as ox

    from graaf.store import naar_ox  # rdflib term -> pyoxigraph term, nothing else

    store = ox.Store(pad) if pad else ox.Store()
    t = time.perf_counter()
    store.bulk_load(path=nt, format=ox.RdfFormat.N_TRIPLES)
    if pad:
        store.flush()
    uit = {"ingest": time.perf_counter() - t}
    if checks_ook:
        werk = [(s, {ox.Variable(k): naar_ox(v) for k, v in b.items()} or None)
                for _, s, b in check_queries()]
        uit["checks"] = mediaan(
            lambda: [sum(1 for _ in store.query(s, substitutions=b)) for s, b in werk], herhaal)
    return uit | {"piek_mb": piek_mb()}


# -- (c) our code on the remote store (Virtuoso) -------------------------------

def ons_virtuoso(bron: str, spec: str, gebruiker: str, wachtwoord: str) -> dict:
    """The same ingest as (a), through ``open_store`` on a SPARQL server."""
    from graaf.opslag import open_store
    from graaf.scan import laad

    store = open_store(spec, gebruiker, wachtwoord)
    t = time.perf_counter()
    versie = laad(store, bron, door="bench")
    uit = {"ingest": time.perf_counter() - t, "triples": versie.triples,
           "grafen": [versie.graaf, versie.personen]}
    store.close()
    return uit | {"piek_mb": piek_mb()}


def ons_virtuoso_checks(spec: str, gebruiker: str, wachtwoord: str, herhaal: int) -> dict:
    """All checks as (a), on the server's current version (a process of its own, so
    the parent can let Virtuoso's bulk load and checkpoint run before both (c) and (d))."""
    from graaf import checks
    from graaf.opslag import open_store

    store = open_store(spec, gebruiker, wachtwoord)
    uit = {"checks": mediaan(lambda: (checks.vergeet(), checks.draai(store, PEILDATUM)),
                             herhaal),
           "bevindingen": len(checks.draai(store, PEILDATUM)["bevindingen"])}
    store.close()
    return uit | {"piek_mb": piek_mb()}


# -- (d) the same check queries straight to Virtuoso's /sparql -----------------

def virtuoso_direct(query_url: str, grafen: list[str], herhaal: int) -> dict:
    """Each check query as one text (VALUES block) to the server's own endpoint, with
    our remote store's HTTP client (urllib, form POST, JSON results, parsed), on the
    same graphs (c) reads: the difference (c) - (d) is our layer."""
    from graaf.sparqlstore_http import Adressen, SparqlHttp

    http = SparqlHttp(Adressen(query_url, query_url, None))
    teksten = [als_tekst(s, b) for _, s, b in check_queries()]

    def alles() -> int:
        return sum(len(json.loads(http.query(t, _JSON, grafen, grafen).inhoud)
                       ["results"]["bindings"]) for t in teksten)

    return {"checks": mediaan(alles, herhaal), "rijen": alles(), "piek_mb": piek_mb()}
