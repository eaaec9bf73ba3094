"""The named checks of ontwerp §5: run them and report the findings.

Ten checks are one saved SPARQL query each (``graaf/queries/checks``), so an
adviser can read and rerun exactly what computed a finding. Two need more
than a query: ``mogelijk-duplicaat`` compares texts and
``doel-afhankelijk-van-een-partij`` walks the network; both read their data
with the saved queries of ``graaf/queries/netwerk``.

``draai`` returns the machine-readable shape of §5; ``als_tekst`` the same for
a board member, grouped into hiaten, overlap and netwerk.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date
from typing import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graaf import queries, regios, regioweergave
from graaf.analyse import duplicaten, netwerk
from graaf.fouten import ScanFout
from graaf.store import Store

Bevinding = dict[str, object]


@dataclass(frozen=True)
class Check:
    """What the CLI, API and site show of a check before it runs."""

    code: str
    titel: str
    soort: str  # hiaat | overlap | netwerk
    uitleg: str


_PYTHON = {
    "mogelijk-duplicaat": Check(
        "mogelijk-duplicaat", "Mogelijk dubbel ingevoerd", "overlap",
        "Lopende initiatieven met (bijna) dezelfde naam en beschrijving: een rij die twee "
        "keer is ingevoerd of een tikfout in een naam."),
    "doel-afhankelijk-van-een-partij": Check(
        "doel-afhankelijk-van-een-partij", "Subdoel afhankelijk van één partij", "netwerk",
        "Een subdoel waarvan alle lopende initiatieven dezelfde eigenaar hebben: valt die "
        "organisatie weg, dan werkt niemand meer aan dit doel."),
}

#: The order of ontwerp §5; findings are reported in this order.
VOLGORDE = (
    "doel-zonder-inspanning", "inspanning-zonder-initiatief", "doelgroep-niet-bereikt",
    "sector-zonder-aanbod", "gemeente-niet-bereikt", "initiatief-zonder-doel",
    "initiatief-zonder-trekker", "verouderd", "dubbel-aanbod",
    "werkgevers-meervoudig-benaderd", "mogelijk-duplicaat", "doel-afhankelijk-van-een-partij")


def check(code: str) -> Check:
    """The description of one check; an unknown code is a user error."""
    if code in _PYTHON:
        return _PYTHON[code]
    if code not in VOLGORDE:
        raise ScanFout(f"Onbekende controle '{code}'. Geldige codes: {', '.join(VOLGORDE)}.")
    q = queries.get(code)
    return Check(q.code, q.titel, q.soort, q.uitleg)


#: Every check in §5 order, as (code, titel).
CHECKS: list[tuple[str, str]] = [(c, check(c).titel) for c in VOLGORDE]


def draai(store: Store, peildatum: date | None = None, codes: list[str] | None = None,
          versie: int | None = None, regio: str | None = None) -> dict:
    """Run checks (default: all) on a version of the scan (default: the current one).

    ``regio`` (a region id) keeps the findings of that region only: exactly the
    findings of the run over all regions whose subject (the gemeente, doel,
    sector … of a gap; the subdoel of a dubbel-aanbod pair) belongs to it. The
    region is bound as a query value, so each query only visits that region.

    Returns ``{"peildatum": "YYYY-MM-DD", "bevindingen": [...]}``, each finding
    with code, titel, toelichting, onderwerpen and betrokken (werkboek ids),
    ordered by check (§5) and then by onderwerpen, so a rerun on the same
    version gives the same output.
    """
    peildatum = peildatum or date.today()
    weergave = regioweergave.herkomst(store)
    if weergave is not None:  # a region view: that region's findings on the whole graph
        hoofd, regio, nummer = weergave
        actueel = getattr(hoofd.huidige(), "nummer", 0) == nummer
        return draai(hoofd, peildatum, codes, None if actueel else nummer, regio)
    gekozen = tuple(check(c).code for c in codes) if codes else tuple(VOLGORDE)
    nummer = versie if versie is not None else getattr(store.huidige(), "nummer", 0)
    regio_uri = regios.uri(store, regio, versie) if regio else None
    eerder = _UITKOMSTEN.setdefault(store, {})
    sleutel = (nummer, peildatum, gekozen, regio)
    if sleutel not in eerder:
        bevindingen = _uit_eerdere_run(eerder, sleutel, regio_uri)
        if bevindingen is None:
            bevindingen = []
            for code in VOLGORDE:
                if code in gekozen:
                    bevindingen += _PER_CODE.get(code, _sparql)(
                        store, code, peildatum, versie, regio_uri)
        if len(eerder) >= 96:  # every region of a national graph, a few dates each
            eerder.pop(next(iter(eerder)))
        eerder[sleutel] = bevindingen
    return {"peildatum": peildatum.isoformat(),
            "bevindingen": [_kopie(b) for b in eerder[sleutel]]}


def _kopie(bevinding: dict) -> dict:
    """A caller's own copy of a cached finding (strings and lists of strings only):
    4x cheaper than deepcopy, which cost 58 ms a run at 35 regions."""
    return {k: list(v) if isinstance(v, list) else v
            for k, v in bevinding.items() if k != "_regio"}


def _uit_eerdere_run(eerder: dict, sleutel: tuple, regio: URIRef | None) -> list | None:
    """The findings of ``sleutel`` cut from a remembered wider run, or None.

    Every finding remembers its region (``_regio``, never returned), so once
    all checks ran for all regions, a region or a subset of checks is a filter
    instead of a second run: that is what the site does for 35 regions.
    """
    nummer, peildatum, gekozen, regio_id = sleutel
    for breder in ((nummer, peildatum, tuple(VOLGORDE), regio_id),
                   (nummer, peildatum, gekozen, None), (nummer, peildatum, tuple(VOLGORDE), None)):
        if breder != sleutel and breder in eerder and (regio_id is None or breder[3] is None
                                                      or regio_id == breder[3]):
            return [b for b in eerder[breder] if b["code"] in gekozen
                    and (regio is None or breder[3] is not None or b["_regio"] == str(regio))]
    return None


#: Findings per store and (version, peildatum, codes, regio). Versions never change once
#: written, so a result stays valid; the dashboard, findings, overlap and report
#: pages then share one run instead of each running all checks again.
_UITKOMSTEN: "weakref.WeakKeyDictionary[Store, dict]" = weakref.WeakKeyDictionary()


def vergeet() -> None:
    """Drop remembered findings, so the next run computes them (benchmarks)."""
    _UITKOMSTEN.clear()


def _bindingen(q: queries.Query, peildatum: date, regio: URIRef | None) -> dict | None:
    """The values a query declares as parameters; an unbound ``regio`` means all regions."""
    waarden = {"peildatum": Literal(peildatum.isoformat(), datatype=XSD.date), "regio": regio}
    return {k: v for k, v in waarden.items() if k in q.parameters and v is not None} or None


def _sparql(store: Store, code: str, peildatum: date, versie: int | None,
            regio: URIRef | None = None) -> list[Bevinding]:
    """One saved query; each row is a finding, built from the query's header."""
    q = queries.get(code)
    gezien: dict[tuple[str, ...], Bevinding] = {}
    for tekst in store.waarden(q.sparql, bindings=_bindingen(q, peildatum, regio), versie=versie):
        onderwerpen = _ids(tekst, q.onderwerpen, sorteer=False)
        sleutel = (tekst.get("regio", ""), *onderwerpen)
        if sleutel not in gezien:  # first row wins (e.g. tied indicators)
            gezien[sleutel] = _bevinding(
                q.code, q.titel, q.toelichting.format_map(_Leeg(tekst)),
                onderwerpen, _ids(tekst, q.betrokken), tekst.get("regio", ""))
    uit = list(gezien.values())
    return uit if q.volgorde == "query" else sorted(uit, key=lambda b: b["onderwerpen"])


class _Leeg(dict):
    """Template values; a variable the row does not bind reads as an empty text."""

    def __missing__(self, sleutel: str) -> str:
        return ""


def _ids(rij: dict[str, str], variabelen: tuple[str, ...], sorteer: bool = True) -> list[str]:
    """Werkboek ids from the named variables; aggregated ones are space-separated."""
    uit: list[str] = []
    for v in variabelen:
        delen = rij.get(v, "").split()
        for id_ in sorted(delen) if sorteer else delen:
            if id_ not in uit:
                uit.append(id_)
    return uit


def _bevinding(code: str, titel: str, toelichting: str, onderwerpen: list[str],
               betrokken: list[str], regio: str = "") -> Bevinding:
    return {"code": code, "titel": titel, "toelichting": toelichting,
            "onderwerpen": onderwerpen, "betrokken": betrokken, "_regio": regio}


def _rijen(store: Store, code: str, versie: int | None,
           regio: URIRef | None = None) -> list[dict[str, str]]:
    """Rows of a saved query, for one region when ``regio`` is given and declared."""
    q = queries.get(code)
    bindings = {"regio": regio} if regio is not None and "regio" in q.parameters else None
    return store.waarden(q.sparql, bindings=bindings, versie=versie)


def _duplicaten(store: Store, code: str, peildatum: date, versie: int | None,
                regio: URIRef | None = None) -> list[Bevinding]:
    """Near-identical lopend initiatives of one region (see ``analyse.duplicaten``).

    Compared within a region only: a row entered twice is entered in one
    region's scan, and 35 regions compared pairwise would be 35² times the work.
    """
    items = _rijen(store, "initiatief-teksten", versie, regio)
    per_id = {x["initiatief"]: x for x in items}
    per_regio: dict[str, list[dict]] = {}
    for x in items:
        per_regio.setdefault(x.get("regio", ""), []).append({"id": x["initiatief"], **x})
    paren = sorted(p for groep in per_regio.values()
                   for p in duplicaten.mogelijke_duplicaten(groep))
    uit = []
    for a, b, score in paren:
        x, y = per_id[a], per_id[b]
        eigenaren = sorted({e for e in (x.get("eigenaar"), y.get("eigenaar")) if e})
        uit.append(_bevinding(
            code, check(code).titel,
            f"'{x['naam']}' en '{y['naam']}' lijken voor {round(score * 100)}% op elkaar "
            "(naam en beschrijving). Controleer of het hetzelfde initiatief is.",
            [a, b], eigenaren, x.get("regio", "")))
    return uit


def _afhankelijk(store: Store, code: str, peildatum: date, versie: int | None,
                 regio: URIRef | None = None) -> list[Bevinding]:
    """Subdoelen carried by one organisation only (see ``analyse.netwerk``).

    For one region: that region's subdoelen, with every initiative working on
    them (whatever its region) and those initiatives' organisations.
    """
    doelen = _rijen(store, "doel-initiatieven", versie, regio)
    organisaties = (_rijen(store, "initiatief-organisaties", versie) if regio is None
                    else _rijen(store, "doel-initiatief-organisaties", versie, regio))
    G = netwerk.bouw_netwerk(organisaties, doelen)
    regio_van = {r["doel"]: r.get("regio", "") for r in doelen}
    uit = []
    for doel, eigenaar, initiatieven in netwerk.doel_afhankelijk_van_een_partij(G):
        naam = G.nodes[netwerk.knoop("doel", doel)]["naam"]
        org = G.nodes[netwerk.knoop("organisatie", eigenaar)]["naam"]
        n = len(initiatieven)
        wat = "het enige lopende initiatief" if n == 1 else f"alle {n} lopende initiatieven"
        uit.append(_bevinding(
            code, check(code).titel,
            f"Subdoel '{naam}' hangt af van {org}: {wat} voor dit doel "
            f"{'is' if n == 1 else 'zijn'} van deze organisatie.",
            [doel], [eigenaar, *initiatieven], regio_van.get(doel, "")))
    return uit


_PER_CODE: dict[str, Callable[..., list[Bevinding]]] = {
    "mogelijk-duplicaat": _duplicaten,
    "doel-afhankelijk-van-een-partij": _afhankelijk,
}

_GROEPEN = (("hiaat", "Hiaten: wat ontbreekt"), ("overlap", "Overlap: wat dubbel gebeurt"),
            ("netwerk", "Netwerk: kwetsbare plekken"))
_MAANDEN = ("januari februari maart april mei juni juli augustus september oktober "
            "november december").split()


def als_tekst(resultaat: dict, codes: list[str] | None = None) -> str:
    """The findings for a reader without the data model: grouped, titled, counted.

    ``codes`` are the checks that ran (default: all), so a check without
    findings says "Geen bevindingen" instead of being silently absent.
    """
    gedraaid = [check(c).code for c in codes] if codes else list(VOLGORDE)
    per_code: dict[str, list[Bevinding]] = {}
    for b in resultaat["bevindingen"]:
        per_code.setdefault(str(b["code"]), []).append(b)
    dag = date.fromisoformat(resultaat["peildatum"])
    regels = [f"360-graden scan: bevindingen op {dag.day} {_MAANDEN[dag.month - 1]} {dag.year}",
              f"In totaal {_aantal(len(resultaat['bevindingen']))}.", ""]
    for soort, kop in _GROEPEN:
        inhoud = [c for c in VOLGORDE if c in gedraaid and check(c).soort == soort]
        if inhoud:
            n = sum(len(per_code.get(c, [])) for c in inhoud)
            titel = f"{kop} ({_aantal(n)})"
            regels += [titel, "=" * len(titel), ""]
            for c in inhoud:
                regels += _blok(check(c), per_code.get(c, []))
    return "\n".join(regels).rstrip() + "\n"


def _aantal(n: int) -> str:
    return f"{n} bevinding" if n == 1 else f"{n} bevindingen"


def _blok(c: Check, bevindingen: list[Bevinding]) -> list[str]:
    regels = [f"{c.titel} ({len(bevindingen)})", f"  {c.uitleg}"]
    if not bevindingen:
        regels.append("  - Geen bevindingen.")
    regels += [f"  - {b['toelichting']}" for b in bevindingen]
    return regels + [""]
