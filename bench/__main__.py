"""Benchmarks, side by side in one run: ``python -m bench [--regios 1 10 35]``.

For each size: ingest through our code (validate + load + version) next to a
raw pyoxigraph bulk load of the same triples, and all named checks through
``graaf.checks`` next to raw pyoxigraph (on disk and in memory) running the
same ``.rq`` texts with the same bindings. Ours includes the Python parts
(networkx, duplicate detection, findings); raw only runs the SPARQL. Ratios
are ours / raw. Medians of ``--herhaal`` runs. ``--per-regio 10000
--regios 1`` gives the 10,000-initiative werkboek of ontwerp §7.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox  # the raw baseline; the product itself goes through graaf.store

from bench.genereer import schrijf, werkboek
from graaf import checks, queries
from graaf.scan import laad
from graaf.store import Store, naar_ox

PEILDATUM = date(2026, 5, 7)


def _mediaan(f, herhaal: int) -> float:
    tijden = []
    for _ in range(herhaal):
        t = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def _raw_checks(raw: ox.Store) -> None:
    for q in queries.alle():
        if q.groep not in ("checks", "netwerk"):
            continue
        subst = {ox.Variable(p): naar_ox(_waarde(p)) for p in q.parameters}
        list(raw.query(q.sparql, substitutions=subst or None))


def _waarde(parameter: str):
    from rdflib import Literal
    from rdflib.namespace import XSD

    if parameter == "peildatum":
        return Literal(PEILDATUM.isoformat(), datatype=XSD.date)
    raise ValueError(f"onbekende parameter in bench: {parameter}")


def meet(regios: int, per_regio: int, herhaal: int, map_: Path, checks_ook: bool = True
         ) -> dict:
    bron = schrijf(werkboek(regios, per_regio), map_ / f"wb-{regios}")
    store = Store(map_ / f"store-{regios}")
    t = time.perf_counter()
    laad(store, bron, door="bench")
    ingest = time.perf_counter() - t
    nt = store.dump(formaat="nt")
    raw = ox.Store(str(map_ / f"raw-{regios}"))
    t = time.perf_counter()
    raw.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
    raw.flush()
    raw_laden = time.perf_counter() - t
    r = {"regios": regios, "triples": store.huidige().triples, "ingest": ingest,
         "raw_laden": raw_laden}
    if not checks_ook:
        return r
    geheugen = ox.Store()
    geheugen.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
    ons = _mediaan(lambda: (checks.vergeet(), checks.draai(store, PEILDATUM)), herhaal)
    ruw = _mediaan(lambda: _raw_checks(raw), herhaal)
    ruw_mem = _mediaan(lambda: _raw_checks(geheugen), herhaal)
    return r | {"checks": ons, "raw_checks": ruw, "raw_mem": ruw_mem}


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__)
    a.add_argument("--regios", type=int, nargs="+", default=[1, 10, 35])
    a.add_argument("--per-regio", type=int, default=40, help="initiatieven per regio")
    a.add_argument("--herhaal", type=int, default=5)
    a.add_argument("--alleen-ingest", action="store_true",
                   help="only ingest (e.g. 10,000 initiatives in one region, where the "
                        "pairwise overlap check is quadratic by definition)")
    args = a.parse_args()
    print(f"{'regio’s':>7} {'triples':>8} | {'ingest s':>8} {'raw laden s':>11} "
          f"{'ratio':>6} | {'checks s':>8} {'raw disk s':>10} {'ratio':>6} "
          f"{'raw mem s':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.regios:
            r = meet(n, args.per_regio, args.herhaal, Path(tmp), not args.alleen_ingest)
            if args.alleen_ingest:
                print(f"{r['regios']:>7} {r['triples']:>8} | {r['ingest']:>8.2f} "
                      f"{r['raw_laden']:>11.2f} {r['ingest'] / r['raw_laden']:>6.1f} |")
                continue
            print(f"{r['regios']:>7} {r['triples']:>8} | {r['ingest']:>8.2f} "
                  f"{r['raw_laden']:>11.2f} {r['ingest'] / r['raw_laden']:>6.1f} | "
                  f"{r['checks']:>8.3f} {r['raw_checks']:>10.3f} "
                  f"{r['checks'] / r['raw_checks']:>6.2f} {r['raw_mem']:>9.3f} "
                  f"{r['checks'] / r['raw_mem']:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
