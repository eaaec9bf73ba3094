"""The DIN view's data: hoofddoel → subdoelen → inspanningen → initiatieven, with coverage.

The Regionaal Beraad asks "Is het dienstenaanbod volledig?" of its
Doelen-Inspanningen-Netwerk. This module answers it per node: how many lopend
initiatives (status gepland or lopend, ontwerp §5) work on each doel and
inspanning, and where that number is nil, a gap in words. The result is plain
dicts and lists, so the HTML page and its JSON twin show the same thing.

Three saved queries (``graaf/queries/site/din-*.rq``) plus the named check
``initiatief-zonder-doel`` for the initiatives outside the DIN; the tree is
assembled here because SPARQL cannot return one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any

from graaf import termen
from graaf.rijen import rijen as rij_query
from graaf.store import Store
from graaf.vocab import concept
from ingest.contract import LOPEND

#: The order the statuses are shown in: the ones that count first.
STATUSVOLGORDE = ("lopend", "gepland", "afgerond", "gestopt", "opgegaan-in")

HIAAT_GEEN_INSPANNING = "Hiaat: geen enkele inspanning draagt bij aan dit doel."
HIAAT_DOEL_ZONDER_LOPEND = "Hiaat: geen lopend initiatief werkt aan dit doel."
HIAAT_INSPANNING = "Hiaat: geen lopend initiatief voert deze inspanning uit."


@cache
def status_naam(code: str) -> str:
    """The Dutch word of a status, from the ontology (so it reads as on every page)."""
    return termen.label(concept("status", code))


def din(store: Store, versie: int | None = None) -> dict[str, Any]:
    """Everything the DIN page shows: the doelen tree, the unlinked initiatives, totals."""
    rijen = rij_query(store, "din-doelen", versie)
    opgaven = _opgaven(store, versie)
    per_inspanning = _initiatieven(store, versie)
    doelen, inspanningen = _doelen_en_inspanningen(rijen)
    kinderen: dict[str | None, list[str]] = defaultdict(list)
    for id_, d in doelen.items():
        ouder = d["bovenliggend"] if d["bovenliggend"] in doelen else None
        kinderen[ouder].append(id_)
    bouw = _Bouwer(doelen, inspanningen, kinderen, opgaven, per_inspanning)
    boom = [bouw.knoop(id_, diepte=0, pad=()) for id_ in _op_nummer(kinderen[None])]
    los = _niet_gekoppeld(store, versie)
    return {"doelen": _zonder_intern(boom), "niet_gekoppeld": los, "totalen": _totalen(boom, los)}


def _doelen_en_inspanningen(rijen: list[dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Doelen by id (with their inspanning ids) and inspanningen by id, from the flat rows."""
    doelen: dict[str, dict] = {}
    inspanningen: dict[str, dict] = {}
    for r in rijen:
        d = doelen.setdefault(r["doel"], {
            "naam": r["naam"], "soort": r.get("soort", ""),
            "bovenliggend": r.get("bovenliggend"),
            "inspanningen": []})
        if "inspanning" in r:
            n = r["inspanning"]
            inspanningen[n] = {"id": n, "naam": r["inspanningNaam"]}
            d["inspanningen"].append(n)
    return doelen, inspanningen


def _opgaven(store: Store, versie: int | None) -> dict[str, list[dict]]:
    per_doel: dict[str, list[dict]] = defaultdict(list)
    for r in rij_query(store, "din-opgaven", versie):
        per_doel[r["doel"]].append({"id": r["opgave"], "naam": r["opgaveNaam"]})
    return {k: sorted(v, key=lambda o: o["naam"]) for k, v in per_doel.items()}


def _initiatieven(store: Store, versie: int | None) -> dict[str, list[dict]]:
    """Per inspanning id its initiatives, each once, lopend ones first, then by name."""
    per: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rij_query(store, "din-initiatieven", versie):
        status = r["status"]
        per[r["inspanning"]][r["initiatief"]] = {
            "id": r["initiatief"], "naam": r["naam"], "status": status,
            "status_naam": status_naam(status), "lopend": status in LOPEND,
            "opgegaan_in": r.get("opgegaanIn")}
    return {k: sorted(v.values(), key=_initiatief_volgorde) for k, v in per.items()}


def _initiatief_volgorde(i: dict) -> tuple:
    """Lopend and gepland together by name; below them the others, grouped by status."""
    rang = 0 if i["lopend"] else (STATUSVOLGORDE.index(i["status"])
                                  if i["status"] in STATUSVOLGORDE else 99)
    return (rang, i["naam"].casefold(), i["id"])


def _op_nummer(ids: list[str]) -> list[str]:
    """Doelen in the order of their ids, numbers as numbers (subdoel-2 before subdoel-10):
    the DIN numbers its subdoelen, and the board knows them by that number."""
    return sorted(ids, key=natuurlijk)


def natuurlijk(tekst: str) -> tuple:
    """Sort key that compares the digit runs in ``tekst`` as numbers."""
    return tuple(int(d) if d.isdigit() else d for d in re.split(r"(\d+)", tekst.casefold()))


class _Bouwer:
    """Turns the lookups into the nested nodes the template walks.

    doel → inspanning → initiatief; every node carries its lopend count and gap.
    """

    def __init__(self, doelen, inspanningen, kinderen, opgaven, per_inspanning) -> None:
        self.doelen, self.inspanningen, self.kinderen = doelen, inspanningen, kinderen
        self.opgaven, self.per_inspanning = opgaven, per_inspanning

    def knoop(self, id_: str, diepte: int, pad: tuple[str, ...]) -> dict[str, Any]:
        d = self.doelen[id_]
        pad = pad + (id_,)
        subdoelen = [self.knoop(k, diepte + 1, pad)
                     for k in _op_nummer(self.kinderen.get(id_, [])) if k not in pad]
        eigen = [self.inspanning(n) for n in sorted(
            set(d["inspanningen"]), key=lambda n: self.inspanningen[n]["naam"].casefold())]
        lopend = set().union(*(n["_lopend"] for n in eigen), *(s["_lopend"] for s in subdoelen))
        return {"id": id_, "naam": d["naam"], "soort": d["soort"] or _soort(diepte),
                "opgaven": self.opgaven.get(id_, []), "lopend": len(lopend),
                "hiaat": _doelhiaat(eigen, subdoelen, lopend),
                "inspanningen": eigen, "subdoelen": subdoelen, "_lopend": lopend}

    def inspanning(self, id_: str) -> dict[str, Any]:
        alle = self.per_inspanning.get(id_, [])
        lopend = [i for i in alle if i["lopend"]]
        return {**self.inspanningen[id_], "lopend": len(lopend),
                "hiaat": None if lopend else HIAAT_INSPANNING,
                "initiatieven": lopend, "overige": [i for i in alle if not i["lopend"]],
                "_lopend": {i["id"] for i in lopend}}


def _soort(diepte: int) -> str:
    return "hoofddoel" if diepte == 0 else "subdoel"


def _doelhiaat(eigen: list[dict], subdoelen: list[dict], lopend: set[str]) -> str | None:
    if not eigen and not subdoelen:
        return HIAAT_GEEN_INSPANNING
    return None if lopend else HIAAT_DOEL_ZONDER_LOPEND


def _niet_gekoppeld(store: Store, versie: int | None) -> list[dict[str, str]]:
    """Lopend initiatives linked to no inspanning: the named check, so both always agree."""
    rijen = rij_query(store, "initiatief-zonder-doel", versie)
    uit = [{"id": r["initiatief"], "naam": r["naam"]} for r in rijen]
    return sorted(uit, key=lambda i: (i["naam"].casefold(), i["id"]))


def _totalen(boom: list[dict], los: list[dict]) -> dict[str, int]:
    """The counts the page opens with: how many subdoelen and inspanningen have a gap."""
    subdoelen, inspanningen = [], {}
    stapel = list(boom)
    while stapel:
        d = stapel.pop()
        stapel.extend(d["subdoelen"])
        if d["soort"] == "subdoel":
            subdoelen.append(d)
        inspanningen.update({n["id"]: n for n in d["inspanningen"]})
    lopend = set().union(*(d["_lopend"] for d in boom)) if boom else set()
    return {"subdoelen": len(subdoelen),
            "subdoelen_met_hiaat": sum(1 for d in subdoelen if d["hiaat"]),
            "inspanningen": len(inspanningen),
            "inspanningen_zonder_initiatief": sum(1 for n in inspanningen.values() if n["hiaat"]),
            "lopend_in_din": len(lopend), "niet_gekoppeld": len(los)}


def _zonder_intern(data: Any) -> Any:
    """The same data without the ``_``-keys used while building (sets are not JSON)."""
    if isinstance(data, dict):
        return {k: _zonder_intern(v) for k, v in data.items() if not k.startswith("_")}
    if isinstance(data, list):
        return [_zonder_intern(v) for v in data]
    return data
