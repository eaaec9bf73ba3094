"""Time every named check (and a few alternative query forms) on a synthetic scan.

Not a test: a measurement to run by hand when a check query changes::

    .venv/bin/python bench/checks_vormen.py [--regios 35] [--per-regio 115] [--herhaal 5]

The synthetic werkboek has the shape of a real scan (doel tree, inspanningen,
SKOS doelgroepen and sectoren, gemeenten, initiatives with every column the
checks read), 35 regions side by side as in the national graph, about 100k triples at the
default size.
It is turned into RDF by the same mapping the tests use.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "graaf")]

import pyoxigraph as ox  # noqa: E402
from rdflib import Literal  # noqa: E402
from rdflib.namespace import XSD  # noqa: E402

from graaf import checks, queries  # noqa: E402
from graaf.store import Store, naar_ox  # noqa: E402
from werkboek_bouwer import bouw_graaf  # noqa: E402

STATUSSEN = ["lopend"] * 6 + ["gepland"] * 2 + ["afgerond", "gestopt"]
WOORDEN = ("jongeren werk talent loket leer route zorg techniek match regio basis "
           "vaardig taal start baan kans coach netwerk pact scholing").split()


def synthetisch(regios: int = 35, per_regio: int = 115, seed: int = 1) -> dict[str, list[dict]]:
    """A werkboek of ``regios`` regions with ``per_regio`` initiatives each.

    Each region has its own gemeenten, organisations, doel tree and
    inspanningen (as the 35 labour-market regions would); doelgroepen,
    sectoren and indicatoren are one shared national taxonomy.
    """
    r = random.Random(seed)
    wb: dict[str, list[dict]] = {k: [] for k in (
        "organisaties", "personen", "doelen", "inspanningen", "initiatieven")}
    wb["doelgroepen"] = _boom("dg", "Doelgroep", 40, r)
    wb["sectoren"] = _boom("sc", "Sector", 40, r)
    wb["indicatoren"] = [{"id": f"ind-{i}", "naam": f"Vacatures {s['naam']}",
                          "waarde": r.randint(10, 900), "eenheid": "vacatures", "sector": s["id"]}
                         for i, s in enumerate(wb["sectoren"]) if r.random() < 0.7]
    for k in range(regios):
        _regio(f"r{k}", per_regio, r, wb)
    return wb


def _regio(p: str, n: int, r: random.Random, wb: dict[str, list[dict]]) -> None:
    gem = [{"id": f"{p}-gem-{i}", "naam": f"Gemeente {p}-{i}", "soort": "gemeente"}
           for i in range(7)]
    orgs = [{"id": f"{p}-org-{i}", "naam": f"Organisatie {p}-{i}", "soort": "overig"}
            for i in range(max(10, n // 5))]
    personen = [{"id": f"{p}-p-{i}", "naam": f"Persoon {p}-{i}"} for i in range(n // 3)]
    hoofd = [{"id": f"{p}-hd-{i}", "naam": f"Hoofddoel {p}-{i}", "soort": "hoofddoel"}
             for i in range(3)]
    sub = [{"id": f"{p}-sd-{i}", "naam": f"Subdoel {p}-{i}", "soort": "subdoel",
            "bovenliggend": r.choice(hoofd)["id"]} for i in range(max(6, n // 8))]
    insp = [{"id": f"{p}-in-{i}", "naam": f"Inspanning {p}-{i}",
             "doelen": [d["id"] for d in r.sample(sub, 2)]} for i in range(max(10, n // 4))]
    wb["organisaties"] += gem + orgs
    wb["personen"] += personen
    wb["doelen"] += hoofd + sub
    wb["inspanningen"] += insp
    wb["initiatieven"] += [
        _initiatief(f"{p}-ini-{i}", r, orgs, personen, insp, wb["doelgroepen"],
                    wb["sectoren"], gem) for i in range(n)]


def _boom(prefix: str, naam: str, n: int, r: random.Random) -> list[dict]:
    rijen = []
    for i in range(n):
        rij = {"id": f"{prefix}-{i}", "naam": f"{naam} {i}", "focus": r.random() < 0.3}
        if i >= 5:
            rij["bovenliggend"] = f"{prefix}-{r.randrange(i)}"
        rijen.append(rij)
    return rijen


def _initiatief(id_, r, orgs, personen, insp, dg, sec, gemeenten) -> dict:
    naam = " ".join(r.sample(WOORDEN, 3)) + " " + id_.split("-")[-1]
    rij = {"id": id_, "naam": naam, "soort": "project", "status": r.choice(STATUSSEN),
           "beschrijving": " ".join(r.choices(WOORDEN, k=12)),
           "eigenaar": r.choice(orgs)["id"],
           "partners": [o["id"] for o in r.sample(orgs, r.randint(0, 3))],
           "inspanningen": [x["id"] for x in r.sample(insp, r.randint(0, 2))],
           "doelgroepen": [x["id"] for x in r.sample(dg, r.randint(1, 2))],
           "sectoren": [x["id"] for x in r.sample(sec, r.randint(0, 2))],
           "werkgebied": "regio" if r.random() < 0.1 else
           [g["id"] for g in r.sample(gemeenten, r.randint(1, 2))],
           "werkgeversbenadering": r.random() < 0.3,
           "laatst_bijgewerkt": date(2024 + r.randint(0, 2), r.randint(1, 12), 1).isoformat()}
    if r.random() < 0.8:
        rij["trekker"] = r.choice(personen)["id"]
    if r.random() < 0.5:
        rij["eind"] = date(2025 + r.randint(0, 3), r.randint(1, 12), 28).isoformat()
    return rij


#: Alternative forms of some checks, to compare with the saved ones.
VARIANTEN = {
    "doel-zonder-inspanning (FILTER NOT EXISTS)": """
PREFIX scan: <https://w3id.org/360-scan/def#>
PREFIX doelsoort: <https://w3id.org/360-scan/def/doelsoort/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doel WHERE { ?d scan:soort doelsoort:subdoel ; dcterms:identifier ?doel .
  FILTER NOT EXISTS { ?inspanning scan:draagtBijAan ?d } }""",
    "initiatief-zonder-trekker (FILTER NOT EXISTS)": """
PREFIX scan: <https://w3id.org/360-scan/def#>
PREFIX status: <https://w3id.org/360-scan/def/status/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?initiatief WHERE { VALUES ?status { status:gepland status:lopend }
  ?i scan:status ?status ; dcterms:identifier ?initiatief .
  FILTER NOT EXISTS { ?i scan:trekker ?t } }""",
    "gemeente-niet-bereikt (FILTER NOT EXISTS regio)": """
PREFIX scan: <https://w3id.org/360-scan/def#>
PREFIX status: <https://w3id.org/360-scan/def/status/>
PREFIX organisatiesoort: <https://w3id.org/360-scan/def/organisatiesoort/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?gemeente WHERE { ?g scan:soort organisatiesoort:gemeente ; dcterms:identifier ?gemeente .
  MINUS { VALUES ?status { status:gepland status:lopend }
          ?i scan:status ?status ; scan:werkgebied ?g }
  FILTER NOT EXISTS { VALUES ?status { status:gepland status:lopend }
          ?i scan:status ?status ; scan:werkgebied scan:heleRegio } }""",
    "dubbel-aanbod (plat: één join, pad-alternatief; alleen paren)": """
PREFIX scan: <https://w3id.org/360-scan/def#>
PREFIX status: <https://w3id.org/360-scan/def/status/>
PREFIX doelsoort: <https://w3id.org/360-scan/def/doelsoort/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?ia ?ib WHERE {
  VALUES ?sa { status:gepland status:lopend } VALUES ?sb { status:gepland status:lopend }
  ?ia scan:status ?sa ; scan:eigenaar ?ea ; scan:realiseert ?xa . ?xa scan:draagtBijAan ?d .
  ?d scan:soort doelsoort:subdoel .
  ?ib scan:status ?sb ; scan:eigenaar ?eb ; scan:realiseert ?xb . ?xb scan:draagtBijAan ?d .
  FILTER(?ea != ?eb && STR(?ia) < STR(?ib))
  ?ia scan:doelgroep ?ga . ?ib scan:doelgroep ?gb . ?ga (skos:broader*|^skos:broader*) ?gb .
  ?ia scan:werkgebied ?wa . ?ib scan:werkgebied ?wb .
  FILTER(?wa = ?wb || ?wa = scan:heleRegio || ?wb = scan:heleRegio)
} GROUP BY ?ia ?ib""",
}


def meet(store: Store, sparql: str, bindings: dict, herhaal: int) -> tuple[float, int]:
    """Median seconds of ``Store.query`` (rows converted to rdflib terms) and row count."""
    tijden, n = [], 0
    for _ in range(herhaal):
        t = time.perf_counter()
        n = len(store.query(sparql, bindings=bindings))
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden), n


def meet_ruw(store: Store, sparql: str, bindings: dict, herhaal: int) -> float:
    """Median seconds of pyoxigraph itself on the same graph (rows iterated, not converted)."""
    graaf = ox.NamedNode(store.huidige().graaf)
    subst = {ox.Variable(k): naar_ox(v) for k, v in bindings.items()} or None
    tijden = []
    for _ in range(herhaal):
        t = time.perf_counter()
        for _rij in store._ox.query(sparql, default_graph=[graaf], substitutions=subst):
            pass
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def meet_check(store: Store, code: str, herhaal: int) -> float:
    tijden = []
    for _ in range(herhaal):
        t = time.perf_counter()
        checks.draai(store, date(2026, 5, 7), [code])
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--regios", type=int, default=35)
    p.add_argument("--per-regio", type=int, default=115)
    p.add_argument("--herhaal", type=int, default=5)
    args = p.parse_args()
    t = time.perf_counter()
    g = bouw_graaf(synthetisch(args.regios, args.per_regio))
    store = Store()
    store.nieuwe_versie(g, door="bench")
    print(f"{len(g)} triples, {args.regios} regio's x {args.per_regio} initiatieven "
          f"(opgebouwd in {time.perf_counter() - t:.1f} s)\n")
    pd = {"peildatum": Literal("2026-05-07", datatype=XSD.date)}
    print("Mediaan in seconden. ruw = pyoxigraph zelf; store = Store.query (met omzetting\n"
          "naar rdflib-termen); draai = checks.draai voor alleen deze controle.\n")
    print(f"{'query':44} {'ruw':>7} {'store':>7} {'draai':>7} {'rijen':>6}")
    for q in queries.alle("checks") + queries.alle("netwerk"):
        bindings = {k: v for k, v in pd.items() if k in q.parameters}
        ruw = meet_ruw(store, q.sparql, bindings, args.herhaal)
        s, n = meet(store, q.sparql, bindings, args.herhaal)
        d = f"{meet_check(store, q.code, args.herhaal):7.3f}" if q.groep == "checks" else ""
        print(f"{q.groep + '/' + q.code:44} {ruw:7.3f} {s:7.3f} {d:>7} {n:6d}")
    for code in ("mogelijk-duplicaat", "doel-afhankelijk-van-een-partij"):
        print(f"{'python/' + code:44} {'':7} {'':7} {meet_check(store, code, args.herhaal):7.3f}")
    print()
    for naam, sparql in VARIANTEN.items():
        ruw = meet_ruw(store, sparql, {}, max(1, args.herhaal // 2))
        print(f"{'variant: ' + naam[:70]:80} {ruw:7.3f}")
    t = time.perf_counter()
    resultaat = checks.draai(store, date(2026, 5, 7))
    print(f"\nchecks.draai (alle 12): {time.perf_counter() - t:.3f} s, "
          f"{len(resultaat['bevindingen'])} bevindingen")


if __name__ == "__main__":
    main()
