"""The overlap page's data: which initiatives do the same, side by side, and who with whom.

The three overlap checks (ontwerp §5) give one finding per pair or sector.
The Regionaal Beraad asks "Zijn onze diensten op elkaar afgestemd?", so it
needs to see the two initiatives next to each other with WHAT they share,
the pairs that share most first, and which partners meet each other most
often. The checks decide what overlaps; this module only arranges their
findings, so the page never disagrees with ``/bevindingen``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from typing import Any

from graaf import checks
from graaf.dingen import Namen
from graaf.rijen import rijen
from graaf.store import Store

CODES = ("dubbel-aanbod", "werkgevers-meervoudig-benaderd", "mogelijk-duplicaat")
SOORT_WOORD = {"dubbel-aanbod": "dubbel aanbod", "werkgevers-meervoudig-benaderd":
               "samen werkgevers benaderd in een sector", "mogelijk-duplicaat": "mogelijk dubbel ingevoerd"}


def overlap(store: Store, peildatum: date | None = None, versie: int | None = None,
            resultaat: dict | None = None) -> dict[str, Any]:
    """Pairs with what they share, sectors with their initiatives, and counts per partner pair.

    ``resultaat`` is a run of the checks already made (the report runs them
    once for all its sections); without it the three overlap checks run here.
    """
    resultaat = resultaat or checks.draai(store, peildatum, list(CODES), versie)
    namen = Namen(store, versie)
    eigenaar = _eigenaren(store, versie)
    per: dict[str, list[dict]] = defaultdict(list)
    for b in resultaat["bevindingen"]:
        per[str(b["code"])].append(b)
    gebieden = _gebieden(store, versie) if per["dubbel-aanbod"] else {}
    paren = [_paar(b, namen, eigenaar, gebieden) for b in per["dubbel-aanbod"]]
    paren.sort(key=lambda p: (-p["aantal_gedeeld"], p["initiatieven"][0]["naam"].casefold()))
    sectoren = _sectoren(store, per["werkgevers-meervoudig-benaderd"], namen, versie)
    duplicaten = [dict(toelichting=b["toelichting"], initiatieven=[
        _initiatief(i, namen, eigenaar) for i in b["onderwerpen"]])
        for b in per["mogelijk-duplicaat"]]
    return {"peildatum": resultaat["peildatum"],
            "checks": [{"code": c, "titel": checks.check(c).titel, "uitleg": checks.check(c).uitleg,
                        "aantal": len(per[c])} for c in CODES],
            "dubbel_aanbod": paren, "werkgevers": sectoren, "duplicaten": duplicaten,
            "partnerparen": partnerparen(paren, sectoren, duplicaten)}


def _eigenaren(store: Store, versie: int | None) -> dict[str, str]:
    """Per lopend initiative its eigenaar's id (the network query already has them)."""
    return {r["initiatief"]: r["organisatie"] for r in rijen(store, "initiatief-organisaties", versie)
            if r["rol"] == "eigenaar"}


def _initiatief(id_: str, namen: Namen, eigenaar: dict[str, str]) -> dict[str, Any]:
    e = eigenaar.get(id_)
    return {**namen.ding(id_, ("initiatief",)),
            "eigenaar": namen.ding(e, ("organisatie",)) if e else None}


def _gebieden(store: Store, versie: int | None) -> dict[tuple[str, ...], list[str]]:
    """Per pair the gemeenten it shares, from the check's own query.

    The finding's ``betrokken`` lists gemeenten and owners together (and once
    each), so a gemeente that also owns one of the two cannot be told apart
    there; the query's ``gemeenten`` column can.
    """
    return {(r["a"], r["b"]): r.get("gemeenten", "").split()
            for r in rijen(store, "dubbel-aanbod", versie)}


def _paar(b: dict, namen: Namen, eigenaar: dict[str, str],
          gebieden: dict[tuple[str, ...], list[str]]) -> dict[str, Any]:
    """One dubbel-aanbod pair: both initiatives, and the subdoelen, doelgroepen, gemeenten shared.

    An id's kind comes from the scan (doel, doelgroep); ``regio`` is the whole region.
    """
    a, c = (_initiatief(i, namen, eigenaar) for i in b["onderwerpen"][:2])
    gedeeld: dict[str, list[dict]] = {"subdoelen": [], "doelgroepen": [], "gemeenten": []}
    for id_ in b["betrokken"]:
        d = namen.ding(id_, ("doel", "doelgroep", "organisatie"))
        if d["segment"] in ("doel", "doelgroep"):
            gedeeld["subdoelen" if d["segment"] == "doel" else "doelgroepen"].append(d)
    gemeenten = gebieden.get(tuple(b["onderwerpen"][:2]), [])
    gedeeld["gemeenten"] = [namen.ding(g, ("organisatie",))
                            for g in sorted(gemeenten, key=lambda g: (g != "regio", g))]
    return {"initiatieven": [a, c], **gedeeld, "toelichting": b["toelichting"],
            "aantal_gedeeld": sum(len(v) for v in gedeeld.values())}


def _sectoren(store: Store, bevindingen: list[dict], namen: Namen, versie: int | None
              ) -> list[dict[str, Any]]:
    """Per sector of the check its initiatives that approach employers, with their owners."""
    per_sector: dict[str, list[dict]] = defaultdict(list)
    for r in rijen(store, "overlap-werkgevers", versie):
        per_sector[r["sector"]].append({**namen.ding(r["initiatief"], ("initiatief",)),
                                        "eigenaar": namen.ding(r["eigenaar"], ("organisatie",))})
    uit = [{"sector": namen.ding(b["onderwerpen"][0], ("sector",)), "toelichting": b["toelichting"],
            "organisaties": [namen.ding(o, ("organisatie",)) for o in b["betrokken"]],
            "initiatieven": per_sector.get(str(b["onderwerpen"][0]), [])} for b in bevindingen]
    return sorted(uit, key=lambda s: (-len(s["organisaties"]), s["sector"]["naam"].casefold()))


def partnerparen(paren: list[dict], sectoren: list[dict], duplicaten: list[dict]
                 ) -> list[dict[str, Any]]:
    """How often two organisations meet in an overlap, most often first.

    "UWV en Gemeente Hilversum: 3 keer dubbel aanbod" tells the board which
    two partners most need to talk to each other.
    """
    tel: dict[tuple[str, str], Counter] = defaultdict(Counter)
    naam: dict[str, dict] = {}
    for soort, groepen in (("dubbel-aanbod", [[i["eigenaar"] for i in p["initiatieven"]] for p in paren]),
                           ("werkgevers-meervoudig-benaderd", [s["organisaties"] for s in sectoren]),
                           ("mogelijk-duplicaat", [[i["eigenaar"] for i in d["initiatieven"]]
                                                   for d in duplicaten])):
        for orgs in groepen:
            uniek = {o["id"]: o for o in orgs if o}
            naam.update(uniek)
            for x, y in combinations(sorted(uniek), 2):
                tel[(x, y)][soort] += 1
    uit = [{"organisaties": [naam[x], naam[y]], "totaal": sum(c.values()),
            "per_soort": [{"code": k, "aantal": c[k], "tekst": _keer(c[k], SOORT_WOORD[k])}
                          for k in CODES if c[k]]} for (x, y), c in tel.items()]
    return sorted(uit, key=lambda p: (-p["totaal"], p["organisaties"][0]["naam"].casefold(),
                                      p["organisaties"][1]["naam"].casefold()))


def _keer(n: int, wat: str) -> str:
    return f"{n} keer {wat}"
