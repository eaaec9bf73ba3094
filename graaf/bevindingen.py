"""The findings pages' data: every named check with its findings made readable.

``checks.draai`` gives ids, which is right for machines (the JSON twin is
exactly that output, ontwerp §5). A board member needs the same findings
grouped (hiaten, overlap, netwerk), with each check's plain explanation, the
names of the things involved linked to their pages, and, for advisers, the
SPARQL that computed it. This module adds those without changing the
findings themselves.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from graaf import checks, queries
from graaf.dingen import Namen
from graaf.fouten import ScanFout
from graaf.store import Store

#: The groups of the page, in the order of ontwerp §5.
GROEPEN = (("hiaat", "Hiaten", "Wat ontbreekt: doelen, doelgroepen, sectoren of gemeenten zonder aanbod, "
            "en initiatieven waarvan iets belangrijks niet bekend is."),
           ("overlap", "Overlap", "Wat dubbel gebeurt: initiatieven die hetzelfde doen voor dezelfde "
            "mensen, of werkgevers die door meerdere partijen worden benaderd."),
           ("netwerk", "Netwerk", "Kwetsbare plekken in de samenwerking: doelen die van één partij afhangen."))

#: The kinds of thing a check's onderwerpen are (its betrokken follow ``dingen.VOORKEUR``).
ONDERWERP = {
    "doel-zonder-inspanning": "doel", "inspanning-zonder-initiatief": "inspanning",
    "doelgroep-niet-bereikt": "doelgroep", "sector-zonder-aanbod": "sector",
    "gemeente-niet-bereikt": "organisatie", "werkgevers-meervoudig-benaderd": "sector",
    "doel-afhankelijk-van-een-partij": "doel",
}

#: Checks computed in Python: the saved queries that read their data.
INVOER = {"mogelijk-duplicaat": ("initiatief-teksten",),
          "doel-afhankelijk-van-een-partij": ("initiatief-organisaties", "doel-initiatieven")}


def lees_peildatum(tekst: str | None) -> date:
    """``YYYY-MM-DD`` from the form, today when empty; anything else is a user error."""
    if not tekst:
        return date.today()
    try:
        return date.fromisoformat(tekst.strip())
    except ValueError:
        raise ScanFout(f"'{tekst}' is geen geldige datum. Vul de peildatum in als "
                       "jjjj-mm-dd, bijvoorbeeld 2026-03-01.") from None


def metadata(code: str) -> dict[str, Any]:
    """What the page and the per-check JSON twin say about a check before its findings.

    ``queries`` are the saved queries behind it: the check's own, or for the
    two checks computed in Python the queries that read their data.
    """
    c = checks.check(code)
    codes = INVOER.get(code, (code,))
    return {"code": c.code, "titel": c.titel, "soort": c.soort, "uitleg": c.uitleg,
            "berekening": "python" if code in INVOER else "sparql",
            "queries": [{"code": q, "titel": queries.get(q).titel, "sparql": queries.get(q).sparql}
                        for q in codes]}


def overzicht(store: Store, peildatum: date, codes: list[str] | None = None,
              versie: int | None = None) -> dict[str, Any]:
    """The checks' output (``resultaat``, as ontwerp §5) and the same findings per group."""
    resultaat = checks.draai(store, peildatum, codes, versie)
    return {"resultaat": resultaat, "groepen": groepeer(store, resultaat, codes, versie)}


def groepeer(store: Store, resultaat: dict, codes: list[str] | None = None,
             versie: int | None = None) -> list[dict[str, Any]]:
    """The findings of a run per group and check, with names: what the pages show."""
    namen = Namen(store, versie)
    per_code: dict[str, list[dict]] = {}
    for b in resultaat["bevindingen"]:
        per_code.setdefault(str(b["code"]), []).append(_leesbaar(b, namen))
    gedraaid = [checks.check(c).code for c in codes] if codes else list(checks.VOLGORDE)
    groepen = []
    for soort, kop, uitleg in GROEPEN:
        inhoud = [dict(metadata(c), bevindingen=per_code.get(c, []), aantal=len(per_code.get(c, [])))
                  for c in checks.VOLGORDE if c in gedraaid and checks.check(c).soort == soort]
        if inhoud:
            groepen.append({"soort": soort, "kop": kop, "uitleg": uitleg, "checks": inhoud,
                            "aantal": sum(c["aantal"] for c in inhoud)})
    return groepen


def _leesbaar(b: dict, namen: Namen) -> dict[str, Any]:
    """One finding with names and kinds of its ids, for links on the page."""
    soort = ONDERWERP.get(str(b["code"]), "initiatief")
    return {"toelichting": b["toelichting"],
            "onderwerpen": [namen.ding(i, (soort,)) for i in b["onderwerpen"]],
            "betrokken": [namen.ding(i) for i in b["betrokken"]]}


def tellingen(resultaat: dict) -> dict[str, int]:
    """Findings per check code, every check present (0 when it found nothing)."""
    uit = {c: 0 for c in checks.VOLGORDE}
    for b in resultaat["bevindingen"]:
        uit[str(b["code"])] += 1
    return uit


#: Which findings weigh most for the board, per list: a goal or group nobody
#: serves before an initiative whose trekker is missing.
BELANG = {
    "hiaten": ("doel-zonder-inspanning", "doelgroep-niet-bereikt", "sector-zonder-aanbod",
               "gemeente-niet-bereikt", "inspanning-zonder-initiatief", "initiatief-zonder-doel",
               "verouderd", "initiatief-zonder-trekker"),
    "overlap": ("dubbel-aanbod", "werkgevers-meervoudig-benaderd",
                "doel-afhankelijk-van-een-partij", "mogelijk-duplicaat"),
}


def samenvatting(resultaat: dict, n: int = 5) -> dict[str, Any]:
    """Counts per check and group, and the ``n`` weightiest gaps and overlaps as sentences.

    For the dashboard and the report: a board member reads five sentences,
    not a hundred findings; each links to its check's page for the rest.
    """
    tel = tellingen(resultaat)
    kop = {soort: naam for soort, naam, _ in GROEPEN}
    per_check = [{"code": c, "titel": checks.check(c).titel, "soort": checks.check(c).soort,
                  "soort_naam": kop[checks.check(c).soort], "aantal": tel[c]}
                 for c in checks.VOLGORDE]
    per_soort = {soort: sum(c["aantal"] for c in per_check if c["soort"] == soort)
                 for soort, _, _ in GROEPEN}
    belangrijkst = {}
    for lijst, volgorde in BELANG.items():
        gekozen = sorted((b for b in resultaat["bevindingen"] if b["code"] in volgorde),
                         key=lambda b: volgorde.index(str(b["code"])))
        belangrijkst[lijst] = [{"code": b["code"], "titel": b["titel"], "toelichting": b["toelichting"]}
                               for b in gekozen[:n]]
    return {"peildatum": resultaat["peildatum"], "totaal": len(resultaat["bevindingen"]),
            "per_soort": per_soort, "per_check": per_check, **belangrijkst}
