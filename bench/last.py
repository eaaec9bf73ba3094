"""Load on the site and ``/sparql``: ``python -m bench.last [--duur 60]``.

Starts a real ``graaf serve`` (waitress) on 127.0.0.1 on a fresh store with
the example scan, then runs, for ``--duur`` seconds, clients that each have
their own address (127.0.0.11 … 127.0.0.15, all loopback, so the per-client
limits of ``web/sparql/grens.py`` see five clients):

- ``pagina``: cheap pages (dashboard, DIN, invloedssfeer, search, a thing's page);
- ``goedkoop``: cheap queries (ASK, a count);
- ``duur``: an expensive query (a five-way cross join) from three threads,
  cut off at the time limit (503); the threads over the per-client cap get
  429 and wait ``Retry-After``, as a polite client does;
- ``fout``: bad queries (syntax error, SERVICE, an update): 400/403;
- ``stortvloed``: cheap queries as fast as possible, ignoring ``Retry-After``.

Prints requests/s, p50/p95 and status counts per class, and checks: the
pages' p95 under load against their p95 alone and the 200 ms target; 429s
(all with ``Retry-After``) for the flood; no 5xx for pages; the expensive
query cut off; worker processes and memory back to baseline afterwards (no
leaked or zombie workers). Exit code 1 when a behaviour check fails (timing
is reported, not judged: the machine is shared).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil

PAGINAS = ["/", "/din", "/invloedssfeer", "/zoeken?q=werkgevers", "/doc/organisatie/uwv"]
GOEDKOOP = ["ASK { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }"]
DUUR = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
        "?m ?n2 ?o }")
FOUT = ["SELEC * WHERE { ?s ?p ?o }",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]
DOEL_P95_MS = 200.0  # ontwerp §7: pages within 200 ms at p95


@dataclass
class Klant:
    """One client identity: its address, threads, pause between requests, requests."""

    naam: str
    adres: str
    draden: int
    pauze: float
    volgt_retry_after: bool = True
    tijden: list[float] = field(default_factory=list)
    statussen: Counter = field(default_factory=Counter)
    zonder_retry_after: int = 0
    slot: threading.Lock = field(default_factory=threading.Lock)

    def verzoek(self) -> tuple[str, str]:
        """(method, path) of this client's next request."""
        if self.naam == "pagina":
            return "GET", random.choice(PAGINAS)
        tekst = {"goedkoop": random.choice(GOEDKOOP), "duur": DUUR, "fout": random.choice(FOUT),
                 "stortvloed": GOEDKOOP[0]}[self.naam]
        return "GET", "/sparql?" + urlencode({"query": tekst})


def klanten() -> list[Klant]:
    return [Klant("pagina", "127.0.0.11", 2, 0.05), Klant("goedkoop", "127.0.0.12", 1, 0.1),
            Klant("duur", "127.0.0.13", 3, 0.0), Klant("fout", "127.0.0.14", 1, 0.1),
            Klant("stortvloed", "127.0.0.15", 2, 0.0, volgt_retry_after=False)]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(map_: Path, tijdslimiet: float, omgeving: dict[str, str]) -> tuple:
    """``graaf serve`` on a free port of 127.0.0.1; (process, port, log file)."""
    poort, log = _vrije_poort(), map_ / "logboek.jsonl"
    env = {**os.environ, "GRAAF_STORE": str(map_ / "store"), "GRAAF_SECRET_KEY": "bench-last",
           "GRAAF_SPARQL_TIJDSLIMIET": str(tijdslimiet), "GRAAF_LOGBOEK": str(log), **omgeving}
    graaf = Path(sys.executable).with_name("graaf")
    with open(map_ / "server.err", "wb") as fout:  # the child keeps its own copy of the fd
        proces = subprocess.Popen([str(graaf), "serve", "--host", "127.0.0.1", "--port",
                                   str(poort), "--threads", "16"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=fout)
    einde = time.monotonic() + 120
    while time.monotonic() < einde:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return proces, poort, log
        except OSError:
            if proces.poll() is not None:
                raise RuntimeError((map_ / "server.err").read_text()) from None
            time.sleep(0.2)
    proces.kill()
    raise RuntimeError("graaf serve startte niet binnen 120 s")


def processen(pid: int) -> dict:
    """The server's worker processes (children), zombies among them, and total RSS in MB."""
    ouder = psutil.Process(pid)
    kinderen = ouder.children(recursive=True)
    zombies = [k.pid for k in kinderen if k.status() == psutil.STATUS_ZOMBIE]
    rss = ouder.memory_info().rss + sum(k.memory_info().rss for k in kinderen
                                       if k.pid not in zombies)
    return {"werkers": len(kinderen) - len(zombies), "zombies": zombies,
            "rss_mb": round(rss / 2**20, 1)}


def _een(verbinding: http.client.HTTPConnection, methode: str, pad: str) -> tuple[int, str | None]:
    verbinding.request(methode, pad, headers={"Accept": "application/sparql-results+json, "
                                                        "text/html;q=0.9"})
    antwoord = verbinding.getresponse()
    antwoord.read()
    return antwoord.status, antwoord.getheader("Retry-After")


def klant_lus(klant: Klant, poort: int, einde: float) -> None:
    """Requests until ``einde``, one keep-alive connection from the client's own address."""
    verbinding = None
    while time.monotonic() < einde:
        if verbinding is None:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60,
                                                    source_address=(klant.adres, 0))
        start = time.perf_counter()
        try:
            status, wacht = _een(verbinding, *klant.verzoek())
        except (OSError, http.client.HTTPException):
            verbinding.close()
            verbinding, status, wacht = None, 0, None
        with klant.slot:
            klant.tijden.append(time.perf_counter() - start)
            klant.statussen[status] += 1
            klant.zonder_retry_after += status == 429 and not wacht
        if status == 429 and klant.volgt_retry_after:
            time.sleep(min(float(wacht or 1), 2.0))
        time.sleep(klant.pauze)


def _ms(tijden: list[float], q: int) -> float:
    if len(tijden) < 2:
        return round(1000 * (tijden[0] if tijden else 0.0), 1)
    return round(1000 * statistics.quantiles(tijden, n=100)[q - 1], 1)


def laat_lopen(groep: list[Klant], poort: int, duur: float) -> float:
    """Run the clients for ``duur`` seconds; returns the seconds it really took."""
    einde, start = time.monotonic() + duur, time.monotonic()
    draden = [threading.Thread(target=klant_lus, args=(k, poort, einde), daemon=True)
              for k in groep for _ in range(k.draden)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=duur + 120)
    return time.monotonic() - start


def _warm(poort: int) -> None:
    """Every page and the worker pool once, so the baseline has caches and workers."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
    for pad in PAGINAS + ["/sparql?" + urlencode({"query": q}) for q in GOEDKOOP]:
        _een(verbinding, "GET", pad)
    verbinding.close()


def _rust(pid: int, basis: dict, seconden: float = 20.0) -> dict:
    """Wait until the worker count is back at baseline (killed workers are replaced)."""
    einde = time.monotonic() + seconden
    nu = processen(pid)
    while time.monotonic() < einde and (nu["werkers"] != basis["werkers"] or nu["zombies"]):
        time.sleep(0.25)
        nu = processen(pid)
    time.sleep(1.0)
    return processen(pid)


def _logboek(pad: Path) -> dict:
    regels = [json.loads(r) for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]
    return {"regels": len(regels), "429": sum(r.get("status") == 429 for r in regels),
            "redenen": dict(Counter(r["reden"] for r in regels if r.get("reden"))),
            "volledige_ip": sum(str(r.get("van", "")).startswith("127.0.0.1") and
                                "/" not in str(r.get("van")) for r in regels)}


def _klasse(k: Klant, duur: float) -> dict:
    return {"n": len(k.tijden), "per_s": round(len(k.tijden) / duur, 1),
            "p50_ms": _ms(k.tijden, 50), "p95_ms": _ms(k.tijden, 95),
            "statussen": dict(sorted(k.statussen.items())),
            "429_zonder_retry_after": k.zonder_retry_after}


def draai(duur: float = 60.0, tijdslimiet: float = 2.0, budget: int = 120,
          stil: float = 5.0) -> dict:
    """Start the server, measure pages alone, run the mix, measure again; the report.

    ``budget``: SPARQL_BUDGET per 60 s for this run (the default 600 takes longer
    than a short run to use up); the other limits are the defaults."""
    omgeving = {"GRAAF_SPARQL_BUDGET": str(budget), "GRAAF_SPARQL_BUDGET_VENSTER": "60"}
    with tempfile.TemporaryDirectory(prefix="graaf-last-") as tmp:
        proces, poort, log = start_server(Path(tmp), tijdslimiet, omgeving)
        try:
            _warm(poort)
            basis = _rust(proces.pid, {"werkers": processen(proces.pid)["werkers"]}, 5)
            alleen = [Klant("pagina", "127.0.0.11", 2, 0.05)]
            stil_duur = laat_lopen(alleen, poort, stil)
            groep = klanten()
            echt = laat_lopen(groep, poort, duur)
            na = _rust(proces.pid, basis)
            return {"duur_s": round(echt, 1), "tijdslimiet_s": tijdslimiet, "budget": budget,
                    "paginas_alleen": _klasse(alleen[0], stil_duur),
                    "klassen": {k.naam: _klasse(k, echt) for k in groep},
                    "totaal_per_s": round(sum(len(k.tijden) for k in groep) / echt, 1),
                    "voor": basis, "na": na, "logboek": _logboek(log)}
        finally:
            stop_server(proces)


def stop_server(proces: subprocess.Popen) -> None:
    """SIGTERM to our own server (its workers go with it), SIGKILL as a backstop."""
    proces.send_signal(signal.SIGTERM)
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait()


def controles(r: dict) -> list[tuple[str, bool]]:
    """(description, passed) for each behaviour the run must show; timing is not judged."""
    k = r["klassen"]
    vijfxx = lambda s: sum(n for c, n in s.items() if c >= 500 or c == 0)  # noqa: E731
    return [
        ("pagina's: geen 5xx of verbroken verbinding", vijfxx(k["pagina"]["statussen"]) == 0),
        ("stortvloed krijgt 429", k["stortvloed"]["statussen"].get(429, 0) > 0),
        ("elke 429 heeft Retry-After", all(c["429_zonder_retry_after"] == 0 for c in k.values())),
        ("dure query afgekapt (503)", k["duur"]["statussen"].get(503, 0) > 0),
        ("foute queries geweigerd (400, 403; 503 als alle werkers bezet zijn)",
         {400, 403} <= set(k["fout"]["statussen"]) <= {400, 403, 429, 503}),
        ("budget op: 429 met reden budget-op", r["logboek"]["redenen"].get("budget-op", 0) > 0),
        ("werkers terug op basis", r["na"]["werkers"] == r["voor"]["werkers"]),
        ("geen zombie-werkers", not r["na"]["zombies"]),
        ("geheugen terug (≤ basis + 25% + 64 MB)",
         r["na"]["rss_mb"] <= r["voor"]["rss_mb"] * 1.25 + 64),
        ("429's in het logboek met reden", r["logboek"]["429"] > 0 and bool(r["logboek"]["redenen"])),
        ("anonieme adressen ingekort in het logboek", r["logboek"]["volledige_ip"] == 0),
    ]


def druk_af(r: dict) -> None:
    print(f"Duur {r['duur_s']} s, tijdslimiet {r['tijdslimiet_s']} s, budget {r['budget']} "
          f"queries per 60 s per client, "
          f"totaal {r['totaal_per_s']} verzoeken/s")
    print(f"{'klasse':<16}{'n':>7}{'/s':>8}{'p50 ms':>9}{'p95 ms':>9}  statussen")
    for naam, c in [("pagina (alleen)", r["paginas_alleen"]), *r["klassen"].items()]:
        print(f"{naam:<16}{c['n']:>7}{c['per_s']:>8}{c['p50_ms']:>9}{c['p95_ms']:>9}  "
              f"{c['statussen']}")
    print(f"Werkers voor/na: {r['voor']['werkers']}/{r['na']['werkers']}, zombies na: "
          f"{r['na']['zombies']}; RSS voor/na: {r['voor']['rss_mb']}/{r['na']['rss_mb']} MB")
    print(f"Logboek: {r['logboek']}")
    p95 = r["klassen"]["pagina"]["p95_ms"]
    print(f"Pagina-p95 onder last {p95} ms (alleen: {r['paginas_alleen']['p95_ms']} ms; "
          f"doel {DOEL_P95_MS:g} ms: {'gehaald' if p95 <= DOEL_P95_MS else 'NIET gehaald'})")
    for tekst, gelukt in controles(r):
        print(f"  [{'ok' if gelukt else 'NIET OK'}] {tekst}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duur", type=float, default=60.0, help="seconden last (standaard 60)")
    p.add_argument("--tijdslimiet", type=float, default=2.0, help="SPARQL-tijdslimiet in s")
    p.add_argument("--budget", type=int, default=120, help="SPARQL_BUDGET per 60 s")
    p.add_argument("--json", action="store_true", help="het rapport als JSON")
    args = p.parse_args(argv)
    rapport = draai(args.duur, args.tijdslimiet, args.budget)
    print(json.dumps(rapport, indent=2)) if args.json else druk_af(rapport)
    return 0 if all(g for _, g in controles(rapport)) else 1


if __name__ == "__main__":
    sys.exit(main())
