"""The printed table of ``python -m bench``: one block per size, then the §7 targets.

Sides: (a) our code, embedded store; (b) raw pyoxigraph, same N-Triples and
SPARQL; (c) our code on the remote store with Virtuoso; (d) Virtuoso itself
(its bulk loader, its own ``/sparql``). Ratios are "how many times the
reference": above 1 is slower (for req/s: above 1 is more throughput).
"""
from __future__ import annotations


def _s(x: float | None) -> str:
    return f"{x:9.3f}" if x is not None else f"{'-':>9}"


def _x(a: float | None, b: float | None) -> str:
    return f"{a / b:6.2f}×" if a is not None and b else f"{'':7}"


def _mb(x: float | None) -> str:
    return f"{x:7.0f}" if x else f"{'-':>7}"


def blok(r: dict) -> list[str]:
    """One size: ingest, checks, endpoint mix and peak memory, with ratios."""
    i, c, e, g = r["ingest"], r.get("checks", {}), r.get("eindpunt", {}), r["geheugen"]
    regels = [f"== {r['regios']} regio's, {r['initiatieven']} initiatieven, "
              f"{r['triples']} triples ==",
              f"{'ingest (valideren+laden+versie)':44} {'s':>9} {'ratio':>7} "
              f"{'piek MB':>7}",
              f"  (a) ons, ingebed                           {_s(i.get('a'))} "
              f"{_x(i.get('a'), i.get('b'))} {_mb(g.get('a'))}  a/b",
              f"  (b) pyoxigraph bulk_load (schijf)          {_s(i.get('b'))} {'':7} "
              f"{_mb(g.get('b_schijf'))}",
              f"  (c) ons, Virtuoso-opslag                   {_s(i.get('c'))} "
              f"{_x(i.get('c'), i.get('d'))} {_mb(g.get('c'))}  c/d; client-proces + "
              f"Virtuoso {_mb(g.get('c_virtuoso')).strip()} MB",
              f"  (d) Virtuoso ld_dir+rdf_loader_run+checkpt {_s(i.get('d'))} {'':7} "
              f"{_mb(g.get('d_laden'))}  (Virtuoso-proces)"]
    if c:
        regels += [
            f"{'alle benoemde checks (mediaan)':44} {'s':>9} {'ratio':>7} {'piek MB':>7}",
            f"  (a) ons, ingebed                           {_s(c.get('a'))} "
            f"{_x(c.get('a'), c.get('b_geheugen'))} {_mb(g.get('a'))}  a/b-geheugen; "
            f"a/b-schijf {_x(c.get('a'), c.get('b_schijf')).strip()}",
            f"  (b) pyoxigraph, zelfde SPARQL, geheugen    {_s(c.get('b_geheugen'))} {'':7} "
            f"{_mb(g.get('b_geheugen'))}",
            f"  (b) pyoxigraph, zelfde SPARQL, schijf      {_s(c.get('b_schijf'))} {'':7} "
            f"{_mb(g.get('b_schijf'))}",
            f"  (c) ons, Virtuoso-opslag                   {_s(c.get('c'))} "
            f"{_x(c.get('c'), c.get('d'))} {_mb(g.get('c'))}  c/d; c/a "
            f"{_x(c.get('c'), c.get('a')).strip()}",
            f"  (d) Virtuoso /sparql direct, zelfde client {_s(c.get('d'))} {'':7} "
            f"{_mb(g.get('d_checks'))}  (Virtuoso-proces)"]
        b = r.get("bevindingen", {})
        if b.get("c") is not None:
            regels.append(f"  bevindingen (a) {b['a']}, (c) {b['c']}: "
                          f"{'gelijk' if b['a'] == b['c'] else 'NIET gelijk'}")
    if e:
        regels += _eindpunt(e, g, r.get("klanten"), r.get("duur"), r.get("rijen_gelijk"))
    return regels


def _eindpunt(e: dict, g: dict, klanten: int | None, duur: float | None,
              gelijk: str | None) -> list[str]:
    regels = [f"{'check-query-mix op /sparql':32} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'fouten':>6} {'n':>6} {'piek MB':>8} {'ratio':>7}"]
    namen = {"a": "(a) ons /sparql, ingebed", "c": "(c) ons /sparql, Virtuoso",
             "d": "(d) Virtuoso eigen /sparql"}
    for kant, naam in namen.items():
        m = e.get(kant)
        if not m:
            continue
        ratio = _x(m["per_s"], e["d"]["per_s"]) if "d" in e else ""
        regels.append(f"  {naam:30} {m['per_s']:7.1f} {m['p50_ms']:8.0f} {m['p95_ms']:8.0f} "
                      f"{m['fouten']:6d} {m['n']:6d} {_mb(g.get('eindpunt_' + kant)):>8} "
                      f"{ratio}{'  /d' if ratio.strip() else ''}")
    regels.append(f"  {klanten} clients, {duur:g} s per eindpunt; zelfde antwoorden "
                  f"(rijen per query): {gelijk}")
    return regels


def doelen(uitslagen: list[dict], tienduizend: dict | None) -> list[str]:
    """The targets of ontwerp §7 against the largest size measured: met or not."""
    if not uitslagen:
        return []
    r = max(uitslagen, key=lambda x: x["regios"])
    c, e = r.get("checks", {}), r.get("eindpunt", {})
    waar = f"{r['regios']} regio's" + ("" if r["regios"] == 35 else " (doel: bij 35)")
    rijen = []
    if c.get("a"):
        for naam in ("geheugen", "schijf"):
            b = c.get("b_" + naam)
            rijen.append((f"checks ≤ 1,3× pyoxigraph ({naam}), {waar}",
                          f"{c['a'] / b:.2f}×", c["a"] <= 1.3 * b))
        rijen.append((f"checks < 1 s, {waar}", f"{c['a']:.3f} s", c["a"] < 1.0))
    if "a" in e and "d" in e:
        rijen.append((f"eindpunt req/s ≥ Virtuoso, {waar}",
                      f"{e['a']['per_s']:.1f} / {e['d']['per_s']:.1f} = "
                      f"{e['a']['per_s'] / e['d']['per_s']:.2f}×",
                      e["a"]["per_s"] >= e["d"]["per_s"]))
    if "c" in e and "d" in e:
        rijen.append((f"(info) Virtuoso-opslag via ons eindpunt ≥ Virtuoso, {waar}",
                      f"{e['c']['per_s'] / e['d']['per_s']:.2f}×",
                      e["c"]["per_s"] >= e["d"]["per_s"]))
    if tienduizend:
        rijen.append((f"10.000 initiatieven ingest ≤ 10 s ({tienduizend['triples']} triples)",
                      f"{tienduizend['ingest']:.2f} s", tienduizend["ingest"] <= 10.0))
    else:
        rijen.append(("10.000 initiatieven ingest ≤ 10 s", "niet gemeten", None))
    breedte = max(len(t) for t, _, _ in rijen)
    uit = ["== doelen ontwerp §7 ==",
           f"{'doel':{breedte}}  {'gemeten':>22}  gehaald?"]
    for tekst, waarde, ok in rijen:
        oordeel = "-" if ok is None else ("ja" if ok else "NEE")
        uit.append(f"{tekst:{breedte}}  {waarde:>22}  {oordeel}")
    return uit
