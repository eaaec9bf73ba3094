"""The check-query mix on a SPARQL endpoint: requests/s, p50/p95, errors, rows.

One HTTP client for every endpoint (ours embedded, ours on Virtuoso,
Virtuoso's own): ``http.client`` keep-alive connections, one per client
thread, each from its own loopback address (127.0.0.21, .22, …) so our
per-client limits see several visitors, each request a form POST of one
check query (bindings as a VALUES block) asking for SPARQL JSON results,
read to the end (a partial answer Virtuoso marks with ``X-SQL-State`` at its
time limit counts as an error, as our remote store refuses it). Every client
walks the mix in order from its own offset, so all endpoints get the same
queries in the same proportions.

Our endpoint runs as ``graaf serve`` (waitress) started here on 127.0.0.1
(``bench.last.start_server``) with the per-client budget and the row cap
raised, because this measures throughput, not the limits
(``bench/last.py`` does that); its query time limit is kept at 30 s.
"""
from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psutil

from bench.last import start_server, stop_server

_ACCEPT = "application/sparql-results+json"
OMGEVING = {"GRAAF_SPARQL_BUDGET": "1000000", "GRAAF_SPARQL_MAX_RIJEN": "1000000",
            "GRAAF_SPARQL_TIJDSLIMIET": "30"}


@dataclass
class Doel:
    """An endpoint: URL and the dataset fields every request carries (may be none)."""

    url: str
    dataset: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Uitslag:
    tijden: list[float] = field(default_factory=list)
    fouten: int = 0
    slot: threading.Lock = field(default_factory=threading.Lock)


def _vraag(verbinding: http.client.HTTPConnection, doel: Doel, tekst: str) -> tuple[int, bytes]:
    lichaam = urlencode([("query", tekst), *doel.dataset])
    verbinding.request("POST", urlsplit(doel.url).path, body=lichaam, headers={
        "Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
    antwoord = verbinding.getresponse()
    inhoud = antwoord.read()
    if antwoord.getheader("X-SQL-State"):  # Virtuoso's partial answer at its time limit
        return 504, inhoud
    return antwoord.status, inhoud


def _verbinding(doel: Doel, adres: str) -> http.client.HTTPConnection:
    deel = urlsplit(doel.url)
    return http.client.HTTPConnection(deel.hostname, deel.port, timeout=120,
                                      source_address=(adres, 0))


def rijen(doel: Doel, teksten: list[str]) -> list[int]:
    """Rows per query (-1 for an error): run once before measuring, as a warm-up and
    to check that every endpoint gives the same answers."""
    verbinding, uit = _verbinding(doel, "127.0.0.20"), []
    for tekst in teksten:
        status, inhoud = _vraag(verbinding, doel, tekst)
        uit.append(len(json.loads(inhoud)["results"]["bindings"]) if status == 200 else -1)
    verbinding.close()
    return uit


def _klant(doel: Doel, teksten: list[str], nummer: int, einde: float, uit: _Uitslag) -> None:
    verbinding, i = None, nummer
    while time.monotonic() < einde:
        if verbinding is None:
            verbinding = _verbinding(doel, f"127.0.0.{21 + nummer}")
        t = time.perf_counter()
        try:
            status, _ = _vraag(verbinding, doel, teksten[i % len(teksten)])
        except (OSError, http.client.HTTPException):
            verbinding.close()
            verbinding, status = None, 0
        with uit.slot:
            uit.tijden.append(time.perf_counter() - t)
            uit.fouten += status != 200
        i += 1
    if verbinding is not None:
        verbinding.close()


def mix(doel: Doel, teksten: list[str], klanten: int, duur: float) -> dict:
    """``klanten`` clients for ``duur`` seconds; requests/s, p50/p95 ms, errors."""
    uit, start = _Uitslag(), time.monotonic()
    draden = [threading.Thread(target=_klant, args=(doel, teksten, n, start + duur, uit),
                               daemon=True) for n in range(klanten)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=duur + 180)
    echt, tijden = time.monotonic() - start, sorted(uit.tijden)
    kwantiel = (statistics.quantiles(tijden, n=100) if len(tijden) > 1 else tijden * 99) or [0]
    return {"per_s": len(tijden) / echt, "n": len(tijden), "fouten": uit.fouten,
            "p50_ms": 1000 * kwantiel[49], "p95_ms": 1000 * kwantiel[94]}


def start_graaf(map_: Path, store: str, omgeving: dict[str, str] | None = None
                ) -> tuple[subprocess.Popen, Doel]:
    """``graaf serve`` on ``store`` (a folder or a ``sparql+http://`` spec), 127.0.0.1."""
    map_.mkdir(parents=True, exist_ok=True)
    proces, poort, _ = start_server(map_, 30.0, {**OMGEVING, "GRAAF_STORE": store,
                                                  **(omgeving or {})})
    return proces, Doel(f"http://127.0.0.1:{poort}/sparql")


def piek_mb(pid: int) -> float:
    """The sum of VmHWM over the server and its worker processes (an upper bound of its
    peak: the processes need not peak at the same moment)."""
    from bench.virtuoso_kant import piek_mb as hwm

    try:
        kinderen = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    return hwm(pid) + sum(hwm(k.pid) for k in kinderen)


stop_graaf = stop_server
