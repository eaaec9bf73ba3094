"""Page latency and endpoint throughput: ``python -m bench.paginas [--regios 1 35]``.

Serves the real app with waitress on 127.0.0.1 (a free port) on a store with
the synthetic scan, then measures every argument-less page (p50/p95 over
``--herhaal`` requests each, one keep-alive client) and the SPARQL endpoint's
requests/s on the mix of check queries (``--clients`` threads, ``--seconden``).

With several regions the region pages (``REGIOPAGINAS``) are measured three
ways: as a visitor gets them (``/dekking``: the default region, warm after the
first request), ``koud`` (each request another region, ``?regio=ID``: every
request is a region's first visit) and the first request of all (``eerste``).
Pages that need a login (a redirect) are skipped.
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.genereer import schrijf, werkboek
from graaf import queries
from graaf.scan import laad
from graaf.store import Store


def _server(store_map: Path):
    from waitress import create_server

    from web import create_app

    app = create_app({"STORE": str(store_map), "SECRET_KEY": "bench"})
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=server.run, daemon=True).start()
    return app, server


#: Pages that show one region at a time (``?regio=ID``).
REGIOPAGINAS = ("/", "/dekking", "/bevindingen", "/overlap", "/netwerk", "/rapport", "/din",
                "/invloedssfeer")


def _paden(app) -> list[str]:
    return sorted({r.rule for r in app.url_map.iter_rules()
                   if "GET" in r.methods and not r.arguments and r.endpoint != "static"
                   and not r.rule.endswith(".json") and r.rule != "/sparql"})


def _tijden(poort: int, paden: list[str]) -> list[float] | int:
    """Seconds per request; a status other than 200 (a login redirect) instead."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=120)
    uit = []
    for pad in paden:
        t = time.perf_counter()
        verbinding.request("GET", pad)
        antwoord = verbinding.getresponse()
        antwoord.read()
        uit.append(time.perf_counter() - t)
        if antwoord.status != 200:
            return antwoord.status
    return uit


def _regels(regios: int, pad: str, t: list[float] | int, soort: str = "") -> None:
    naam = f"{pad} {soort}".strip()
    if isinstance(t, int):
        print(f"{regios:>7} {naam:<28} overgeslagen (status {t})", flush=True)
        return
    p95 = statistics.quantiles(t, n=20)[-1] if len(t) >= 2 else t[0]
    print(f"{regios:>7} {naam:<28} p50 {statistics.median(t) * 1000:7.1f} ms "
          f"p95 {p95 * 1000:7.1f} ms", flush=True)


def _regio_ids(n: int) -> list[str]:
    """The synthetic regions other than the first (the default one a visitor gets)."""
    from bench.genereer import regio_id

    return [regio_id(r) for r in range(2, n + 1)]


def _sparql_per_seconde(poort: int, clients: int, seconden: float) -> tuple[float, int]:
    mix = [q.sparql for q in queries.alle() if q.groep == "checks"]
    teller, fouten, einde = [0], [0], time.perf_counter() + seconden

    def werk(start: int) -> None:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        i = start
        while time.perf_counter() < einde:
            verbinding.request("POST", "/sparql", urlencode({"query": mix[i % len(mix)]}),
                               {"Content-Type": "application/x-www-form-urlencoded",
                                "Accept": "application/sparql-results+json"})
            antwoord = verbinding.getresponse()
            antwoord.read()
            teller[0] += 1
            fouten[0] += antwoord.status != 200
            i += 1
    draden = [threading.Thread(target=werk, args=(k,)) for k in range(clients)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return teller[0] / seconden, fouten[0]


def meet(regios: int, args, tmp: Path) -> None:
    store = Store(tmp / f"store-{regios}")
    laad(store, schrijf(werkboek(regios), tmp / f"wb-{regios}"), door="bench")
    store.close()
    app, server = _server(tmp / f"store-{regios}")
    poort = server.effective_port
    try:
        if regios > 1:
            for pad in REGIOPAGINAS:  # before anything warmed a cache
                _regels(regios, pad, _tijden(poort, [pad]), "eerste")
        for pad in _paden(app):
            _regels(regios, pad, _tijden(poort, [pad] * args.herhaal))
            if regios > 1 and pad in REGIOPAGINAS:
                andere = _regio_ids(regios)[:args.herhaal]
                _regels(regios, pad, _tijden(poort, [f"{pad}?regio={r}" for r in andere]),
                        "koud")
        rps, fouten = _sparql_per_seconde(poort, args.clients, args.seconden)
        print(f"{regios:>7} /sparql (check-mix, {args.clients} clients)  {rps:7.1f} verzoeken/s, "
              f"{fouten} niet-200", flush=True)
    finally:
        server.close()
        if "sparql_werkers" in app.extensions:
            app.extensions["sparql_werkers"].sluit()
        app.extensions["scan"].close()


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__)
    a.add_argument("--regios", type=int, nargs="+", default=[1, 35])
    a.add_argument("--herhaal", type=int, default=20)
    a.add_argument("--clients", type=int, default=4)
    a.add_argument("--seconden", type=float, default=10.0)
    args = a.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.regios:
            meet(n, args, Path(tmp))


if __name__ == "__main__":
    main()
