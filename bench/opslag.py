"""The example scan on both engines: ingest and all named checks, embedded vs Virtuoso.

``python -m bench.opslag [--herhaal 3]``: starts its own Virtuoso on 127.0.0.1
(tests/virtuoso.py; needs Debian's ``virtuoso-opensource``), loads the bundled
example scan into an embedded on-disk store and into the remote store, and
prints the median seconds of an ingest (validate, load, version) and of all
named checks (findings cache cleared; the first run apart: Virtuoso plans
each query on first sight), plus each check's own query time on the server.
The full benchmark of issue 6 (1/10/35 regions, raw engines) is
``python -m bench``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from graaf import checks, queries
from graaf.opslag import open_store
from bench.kanten import mediaan
from graaf.scan import VOORBEELD, laad

sys.path.append(str(Path(__file__).resolve().parent.parent / "tests"))
import virtuoso as v  # noqa: E402

PEIL = date(2026, 5, 7)


def _checks(store) -> None:
    checks.vergeet()
    checks.draai(store, PEIL)


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--herhaal", type=int, default=3)
    herhaal = args.parse_args().herhaal
    with tempfile.TemporaryDirectory() as tmp:
        server = v.Virtuoso(Path(tmp) / "virtuoso")
        server.start()
        try:
            stores = {"ingebed": open_store(Path(tmp) / "store"),
                      "virtuoso": open_store(server.spec, v.GEBRUIKER, server.wachtwoord)}
            print(f"{'':10} {'ingest (s)':>11} {'checks 1e (s)':>14} {'checks (s)':>11}")
            for naam, store in stores.items():
                ingest = mediaan(lambda: laad(store, VOORBEELD, door="bench"), herhaal,
                                 opwarmen=False)
                # the first run apart: the server plans each query on first sight
                eerste = mediaan(lambda: _checks(store), 1, opwarmen=False)
                tijd = mediaan(lambda: _checks(store), herhaal, opwarmen=False)
                print(f"{naam:10} {ingest:11.3f} {eerste:14.3f} {tijd:11.3f}")
            print("\nPer check op Virtuoso (s):")
            for code, _ in checks.CHECKS:
                q = queries.alle("checks")
                sparql = next((x for x in q if x.code == code), None)
                if sparql is None:
                    continue
                waarden = {"peildatum": Literal(PEIL.isoformat(), datatype=XSD.date)}
                b = {k: w for k, w in waarden.items() if k in sparql.parameters} or None
                t = mediaan(lambda: stores["virtuoso"].waarden(sparql.sparql, bindings=b), 1,
                            opwarmen=False)
                print(f"  {code:36} {t:7.3f}")
            for store in stores.values():
                store.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
