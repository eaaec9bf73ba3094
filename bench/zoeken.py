"""Search timing on a big scan: ``python -m bench.zoeken [--regios 35]``.

The search page must stay fast on a scan of every labour-market region
(35 × 40 initiatives). Measures the one-off index build after a new version
and the median search time of a few typical questions.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.genereer import schrijf, werkboek
from graaf import zoeken
from graaf.scan import laad
from graaf.store import Store
from graaf.vocab import DEFAULT_BASE

VRAGEN = ("werkgevers", "Organisatie 3", "créatief", "initiatief 12-3", "benchmark", "e")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Zoektijden op een grote scan.")
    p.add_argument("--regios", type=int, default=35)
    p.add_argument("--herhaal", type=int, default=7)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as map_:
        store = Store(Path(map_) / "store")
        laad(store, schrijf(werkboek(args.regios, 40), Path(map_) / "werkboek"), door="bench")
        t = time.perf_counter()
        items = zoeken.index(store)
        print(f"{args.regios} regio's, {store.huidige().triples} triples, {len(items)} dingen: "
              f"index {1000 * (time.perf_counter() - t):.0f} ms (eenmalig per versie)")
        for vraag in VRAGEN:
            tijden = []
            for _ in range(args.herhaal):
                t = time.perf_counter()
                uitkomst = zoeken.zoek(store, vraag, DEFAULT_BASE, False)
                tijden.append(time.perf_counter() - t)
            print(f"  {vraag!r:20} {uitkomst['totaal']:5} treffers  "
                  f"{1000 * statistics.median(tijden):6.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
