"""Benchmarks, side by side in one run: ``python -m bench [--regios 1 10 35]``.

For each size (synthetic werkboek of N regions, ``bench/genereer.py``):

- ingest: (a) our code on the embedded store (validate, load, version),
  (b) raw pyoxigraph ``bulk_load`` of the same N-Triples, (c) our code on
  the remote store with Virtuoso, (d) Virtuoso's own bulk loader
  (``ld_dir``/``rdf_loader_run``/``checkpoint`` via ``isql-vt``);
- all named checks: (a), (b) the same SPARQL in memory and on disk, (c),
  (d) the same queries straight to Virtuoso's ``/sparql`` with our HTTP client;
- the check-query mix on ``/sparql`` (req/s, p50/p95, errors) with one HTTP
  client and client count: (a) ``graaf serve`` embedded, (c) ``graaf serve``
  on Virtuoso, (d) Virtuoso's own endpoint;
- peak memory (RSS high-water mark) of each side's process.

Then the targets of ontwerp §7, met or not. Each side runs in its own process
(``bench/kanten.py``); every server is started here on 127.0.0.1 and stopped
by its PID. Without ``virtuoso-t`` (Debian ``virtuoso-opensource``) the (c)
and (d) columns stay empty. ``--regios 1`` is the quick form.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench import eindpunt, kanten, tabel
from bench import virtuoso_kant as vk
from bench.genereer import schrijf, werkboek

RUW_GRAAF = "urn:bench:virtuoso-bulk"


def _ingebed(n: int, per_regio: int, args, tmp: Path) -> tuple[dict, Path, Path]:
    """Sides (a) and (b); returns the result so far, the werkboek and the N-Triples."""
    bron = schrijf(werkboek(n, per_regio), tmp / f"wb-{n}")
    nt, checks_ook = tmp / f"bench-{n}.nt", not args.alleen_ingest
    a = kanten.in_eigen_proces(kanten.ons_ingebed, str(bron), str(tmp / f"ons-{n}"), str(nt),
                               args.herhaal, checks_ook)
    schijf = kanten.in_eigen_proces(kanten.ruw_pyoxigraph, str(nt), str(tmp / f"ruw-{n}"),
                                    args.herhaal, checks_ook)
    r = {"regios": n, "initiatieven": n * per_regio, "triples": a["triples"],
         "ingest": {"a": a["ingest"], "b": schijf["ingest"]},
         "geheugen": {"a": a["piek_mb"], "b_schijf": schijf["piek_mb"]},
         "bevindingen": {"a": a.get("bevindingen")}}
    if checks_ook:
        geheugen = kanten.in_eigen_proces(kanten.ruw_pyoxigraph, str(nt), None, args.herhaal,
                                          True)
        r["checks"] = {"a": a["checks"], "b_schijf": schijf["checks"],
                       "b_geheugen": geheugen["checks"]}
        r["geheugen"]["b_geheugen"] = geheugen["piek_mb"]
    return r, bron, nt


def _virtuoso(r: dict, server, bron: Path, nt: Path, args) -> dict:
    """Sides (c) and (d) on a running Virtuoso; adds to ``r`` and returns (c)'s ingest.

    Order: (c) ingest, (d) bulk load (ends with a checkpoint), then the checks of
    (c) and (d) on the same, checkpointed database and the same graphs."""
    pid, g = server.proces.pid, r["geheugen"]
    vk.nul_piek(pid)
    c = kanten.in_eigen_proces(kanten.ons_virtuoso, str(bron), server.spec, vk.GEBRUIKER,
                               server.wachtwoord)
    r["ingest"]["c"], g["c"], g["c_virtuoso"] = c["ingest"], c["piek_mb"], vk.piek_mb(pid)
    vk.nul_piek(pid)
    r["ingest"]["d"] = vk.bulk_laden(server, nt, RUW_GRAAF)
    g["d_laden"] = vk.piek_mb(pid)
    geladen = vk.aantal_triples(server, RUW_GRAAF)
    if geladen != r["triples"]:
        raise RuntimeError(f"Virtuoso laadde {geladen} van {r['triples']} triples")
    if not args.alleen_ingest:
        vk.nul_piek(pid)
        cc = kanten.in_eigen_proces(kanten.ons_virtuoso_checks, server.spec, vk.GEBRUIKER,
                                    server.wachtwoord, args.herhaal)
        r["checks"]["c"], r["bevindingen"]["c"] = cc["checks"], cc["bevindingen"]
        g["c"], g["c_virtuoso"] = max(g["c"], cc["piek_mb"]), max(g["c_virtuoso"],
                                                                   vk.piek_mb(pid))
        vk.nul_piek(pid)
        d = kanten.in_eigen_proces(kanten.virtuoso_direct, vk.query_url(server),
                                   c["grafen"], args.herhaal)
        r["checks"]["d"], g["d_checks"] = d["checks"], vk.piek_mb(pid)
    return c


def _doelen_eindpunt(tmp: Path, n: int, server, c: dict | None) -> list[tuple]:
    """(side, start() -> (process or None, Doel), PID whose memory counts) per endpoint."""
    def ons(kant: str, store: str, omgeving: dict | None = None):
        return lambda: eindpunt.start_graaf(tmp / f"serve-{n}-{kant}", store, omgeving)
    uit = [("a", ons("a", str(tmp / f"ons-{n}")))]
    if server is not None and c is not None:
        uit.append(("c", ons("c", server.spec, {"GRAAF_STORE_GEBRUIKER": vk.GEBRUIKER,
                                                "GRAAF_STORE_WACHTWOORD": server.wachtwoord})))
        doel = eindpunt.Doel(vk.query_url(server), [("default-graph-uri", c["grafen"][0])])
        uit.append(("d", lambda: (None, doel)))
    return uit


def _eindpunten(r: dict, tmp: Path, server, c: dict | None, args) -> None:
    """The check-query mix on every endpoint; anonymous visitors, so the public graph."""
    teksten = [kanten.als_tekst(s, b) for _, s, b in kanten.check_queries()]
    r["eindpunt"], antwoorden = {}, {}
    for kant, start in _doelen_eindpunt(tmp, r["regios"], server, c):
        proces, doel = start()
        try:
            if server is not None:
                vk.nul_piek(server.proces.pid)
            antwoorden[kant] = eindpunt.rijen(doel, teksten)
            r["eindpunt"][kant] = eindpunt.mix(doel, teksten, args.klanten, args.duur)
            piek = eindpunt.piek_mb(proces.pid) if proces else 0.0
            if kant != "a" and server is not None:
                piek += vk.piek_mb(server.proces.pid)
            r["geheugen"]["eindpunt_" + kant] = piek
        finally:
            if proces is not None:
                eindpunt.stop_graaf(proces)
    verschil = [k for k in antwoorden if antwoorden[k] != antwoorden["a"]]
    r["rijen_gelijk"] = ("ja" if not verschil else
                         f"NEE ({', '.join(verschil)} wijkt af van a: {antwoorden})")
    r["klanten"], r["duur"] = args.klanten, args.duur


def meet(n: int, args, tmp: Path) -> dict:
    r, bron, nt = _ingebed(n, args.per_regio, args, tmp)
    server = vk.start(tmp / f"virtuoso-{n}") if args.virtuoso else None
    try:
        c = _virtuoso(r, server, bron, nt, args) if server else None
        if not args.alleen_ingest and args.duur > 0:
            _eindpunten(r, tmp, server, c, args)
    finally:
        if server is not None:
            vk.stop(server)
    return r


def tienduizend(tmp: Path) -> dict:
    """Ontwerp §7: a werkboek of 10,000 initiatives validated, loaded and versioned."""
    bron = schrijf(werkboek(1, 10_000), tmp / "wb-10k")
    return kanten.in_eigen_proces(kanten.ons_ingebed, str(bron), str(tmp / "ons-10k"),
                                  str(tmp / "bench-10k.nt"), 1, False)


def _argumenten() -> argparse.Namespace:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--regios", type=int, nargs="+", default=[1, 10, 35])
    a.add_argument("--per-regio", type=int, default=40, help="initiatieven per regio")
    a.add_argument("--herhaal", type=int, default=3, help="runs per check-meting (mediaan)")
    a.add_argument("--klanten", type=int, default=4, help="gelijktijdige HTTP-clients")
    a.add_argument("--duur", type=float, default=30.0, help="seconden per eindpunt (0: geen)")
    a.add_argument("--zonder-virtuoso", action="store_true", help="alleen (a) en (b)")
    a.add_argument("--tienduizend", choices=("ja", "nee", "auto"), default="auto",
                   help="ook 10.000 initiatieven inlezen (auto: als 35 in --regios)")
    a.add_argument("--alleen-ingest", action="store_true", help="geen checks of eindpunt")
    args = a.parse_args()
    args.virtuoso = not args.zonder_virtuoso and vk.beschikbaar()
    return args


def main() -> None:
    args = _argumenten()
    print(f"Machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} bij de start; "
          f"Virtuoso: {'ja' if args.virtuoso else 'nee (niet geïnstalleerd of uitgezet)'}",
          flush=True)
    uitslagen, tien = [], None
    with tempfile.TemporaryDirectory(prefix="graaf-bench-") as tmp:
        print(f"werkmap {tmp}", flush=True)
        for n in args.regios:
            uitslagen.append(meet(n, args, Path(tmp)))
            print("\n".join(tabel.blok(uitslagen[-1])) + "\n", flush=True)
        if args.tienduizend == "ja" or (args.tienduizend == "auto" and 35 in args.regios):
            tien = tienduizend(Path(tmp))
            print(f"10.000 initiatieven: {tien['triples']} triples, ingest (a) "
                  f"{tien['ingest']:.2f} s, piek {tien['piek_mb']:.0f} MB\n", flush=True)
    print("\n".join(tabel.doelen(uitslagen, tien)))
    print(f"Load aan het eind: {os.getloadavg()[0]:.1f} (2 gedeelde cores: andere processen "
          "tellen mee)")


if __name__ == "__main__":
    main()
