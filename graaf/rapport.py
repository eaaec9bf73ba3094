"""The printable report for the Regionaal Beraad: the whole scan on a few pages.

The board meets on paper. One report puts together what the site shows on
separate pages (key figures, DIN, gaps, overlap, coverage, invloedssfeer,
network), each section on its own printed page, with the scan version and
date on every page so a printout is never mistaken for a newer one. This
module only gathers the data of the existing pages (one run of the checks
for all sections); wording and layout live in the template.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from graaf import afweging, bevindingen, checks, dekking, din, invloedssfeer, kerncijfers, overlap
from graaf.analyse import netwerk
from graaf.rijen import rijen
from graaf.store import Store

MAANDEN = ("januari februari maart april mei juni juli augustus september oktober "
           "november december").split()
#: How many central partners and clusters the network section names.
TOP_PARTNERS = 10
TOP_CLUSTERS = 6
#: A file name in a ``bron`` cell ("001_….txt, Tabel 1; 003_….txt, punt 32").
DOCUMENT = re.compile(r"[\w.-]+\.(?:txt|pdf|docx?|xlsx?|pptx?|csv|html?)\b", re.I)
ZONDER_BESTAND = "bron zonder bestandsnaam"


def datum(dag: date) -> str:
    """A date as the board writes it: 3 maart 2026."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def rapport(store: Store, peildatum: date | None = None, versie: int | None = None
            ) -> dict[str, Any]:
    """Every section's data for one version of the scan (default: the current one)."""
    resultaat = checks.draai(store, peildatum, None, versie)
    dag = date.fromisoformat(resultaat["peildatum"])
    groepen = {g["soort"]: g for g in bevindingen.groepeer(store, resultaat, None, versie)}
    v = store.huidige() if versie is None else next(x for x in store.versies() if x.nummer == versie)
    versiedatum = datum(v.tijd.date())
    return {"peildatum": resultaat["peildatum"], "datum": datum(dag),
            "versie": dict(v.als_dict(), datum=versiedatum),
            "voettekst": f"360-graden scan {getattr(store, 'regionaam', 'Gooi en Vechtstreek')}"
                         f" · scanversie {v.nummer} van "
                         f"{versiedatum} · stand op {datum(dag)}",
            "samenvatting": {"cijfers": kerncijfers.tel(store, versie),
                             "bevindingen": bevindingen.samenvatting(resultaat)},
            "din": din_kort(din.din(store, versie)), "hiaten": groepen.get("hiaat"),
            "netwerkbevindingen": groepen.get("netwerk"),
            "overlap": overlap.overlap(store, dag, versie, resultaat),
            "dekking": dekking.alle(store, None, versie),
            "invloedssfeer": invloedssfeer.invloedssfeer(store, versie),
            "netwerk": netwerkdeel(store, versie), "bronnen": bronnen(store, versie),
            "afwegingskader": afwegingskader(store, versie)}


def afwegingskader(store: Store, versie: int | None = None) -> dict[str, Any]:
    """The ranking with advice and decision, without the per-criterion detail (that is on
    the site): the board decides from the summary and looks up the scores when asked."""
    data = afweging.lees(store, versie)
    kort = ("soort", "id", "naam", "percentage_tekst", "beoordeeld", "aantal_criteria",
            "advies", "besluit", "waarom")
    return {"regel": data["regel"], "aantal_criteria": len(data["criteria"]),
            "rangorde": [{k: o[k] for k in kort} for o in data["rangorde"]],
            "niet_beoordeeld": data["niet_beoordeeld"]}


def din_kort(boom: dict[str, Any]) -> dict[str, Any]:
    """The DIN as one row per doel for a printed page: no initiative lists, only the counts
    and which inspanningen have no lopend initiative (the gaps the board acts on)."""
    rijen_: list[dict[str, Any]] = []
    stapel = [(d, 0) for d in reversed(boom["doelen"])]
    while stapel:
        d, diepte = stapel.pop()
        zonder = [n for n in d["inspanningen"] if n["hiaat"]]
        rijen_.append({"id": d["id"], "naam": d["naam"], "soort": d["soort"], "diepte": diepte,
                       "lopend": d["lopend"], "hiaat": d["hiaat"],
                       "inspanningen": len(d["inspanningen"]), "zonder_initiatief": zonder})
        stapel.extend((s, diepte + 1) for s in reversed(d["subdoelen"]))
    return {"rijen": rijen_, "totalen": boom["totalen"], "niet_gekoppeld": boom["niet_gekoppeld"]}


def netwerkdeel(store: Store, versie: int | None = None) -> dict[str, Any]:
    """The most central partners and the clusters, as names: the map itself is interactive."""
    G = netwerk.netwerk_uit_store(store, versie)

    def naam(org: str) -> str:
        return G.nodes[netwerk.knoop("organisatie", org)]["naam"]

    def aantal(org: str) -> int:
        return sum(1 for n in G.neighbors(netwerk.knoop("organisatie", org))
                   if G.nodes[n]["soort"] == "initiatief")
    centraal = [{"id": o, "naam": naam(o), "initiatieven": aantal(o)}
                for o, score in netwerk.centrale_partners(G, TOP_PARTNERS) if score > 0]
    groepen = netwerk.clusters(G)
    return {"centraal": centraal, "aantal_clusters": len(groepen),
            "clusters": [[{"id": o, "naam": naam(o)} for o in c] for c in groepen[:TOP_CLUSTERS]]}


def bronnen(store: Store, versie: int | None = None) -> list[dict[str, Any]]:
    """Per source document how many things of the scan rest on it (a row may cite several)."""
    per: dict[str, set[str]] = defaultdict(set)
    for r in rijen(store, "rapport-bronnen", versie):
        for document in set(DOCUMENT.findall(r["bron"])) or {ZONDER_BESTAND}:
            per[document].add(r["ding"])
    volgorde = sorted(per, key=lambda d: (d == ZONDER_BESTAND, d.casefold()))
    return [{"document": d, "aantal": len(per[d])} for d in volgorde]
