"""The coverage matrices of the Regionaal Beraad: where does the scan's offer fall short?

Three tables answer "Bedienen we alle doelgroepen integraal?" and "Is het
dienstenaanbod volledig?" at a glance: subdoel × doelgroep, doelgroep ×
gemeente, and sector × subdoel weighed by a sector indicator (open vacancies).
Only lopend initiatives (gepland or lopend) count. An initiative counts for a
doelgroep or sector when it targets it or a narrower one; a broader target
does not fill a narrower cell (as in the check ``doelgroep-niet-bereikt``).

Each matrix's numbers come from ONE aggregate query (``dekking-*.rq``); the
row and column heads from small list queries, so empty rows and columns (the
gaps) are shown too. Results are plain dicts: the template and the JSON twin
show the same cells.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from graaf import queries
from graaf.din import natuurlijk
from graaf.rijen import rijen
from graaf.store import Store

#: The indicator a sector is weighed by when the user picks none (ontwerp §3).
STANDAARD_MAAT = "vacatures"

Teller = dict[tuple[str, str], int]


def alle(store: Store, maat: str | None = None, versie: int | None = None) -> dict[str, Any]:
    """The three matrices of the page, with the shared heads fetched once."""
    subdoelen = _subdoelen(store, versie)
    doelgroepen = _hoofd_en_focus(_lijst(store, "lijst-doelgroepen", versie))
    return {"doel_doelgroep": doel_doelgroep(store, subdoelen, doelgroepen, versie),
            "doelgroep_gemeente": doelgroep_gemeente(store, doelgroepen, versie),
            "sector_doel": sector_doel(store, subdoelen, maat, versie)}


def doel_doelgroep(store: Store, subdoelen: list[dict], doelgroepen: list[dict],
                   versie: int | None = None) -> dict[str, Any]:
    """Rows subdoelen, columns the hoofdgroepen and focusdoelgroepen."""
    q = queries.get("dekking-doel-doelgroep")
    tel = _tel(store, q.code, "subdoel", "doelgroep", versie)
    return _matrix(q, subdoelen, doelgroepen, lambda r, k: tel.get((r, k), 0),
                   rijkop="Subdoel")


def doelgroep_gemeente(store: Store, doelgroepen: list[dict],
                       versie: int | None = None) -> dict[str, Any]:
    """Rows the hoofdgroepen and focusdoelgroepen, columns 'hele regio' and each gemeente.

    The query counts regio-wide initiatives apart from the per-gemeente ones
    (which exclude them), so a gemeente's cell is the sum of the two without
    counting an initiative twice.
    """
    q = queries.get("dekking-doelgroep-gemeente")
    regio: dict[str, int] = defaultdict(int)
    per: Teller = {}
    for r in rijen(store, q.code, versie):
        if "heleRegio" in r:
            regio[r["doelgroep"]] += int(r["aantal"])
        else:
            per[(r["doelgroep"], r["gemeente"])] = int(r["aantal"])
    gemeenten = [{"id": r["gemeente"], "naam": r["naam"]}
                 for r in rijen(store, "lijst-gemeenten", versie)]
    gemeenten.sort(key=lambda g: (g["naam"].casefold(), g["id"]))
    kolommen = [{"id": "", "naam": "Hele regio", "hele_regio": True}] + gemeenten

    def cel(rij: str, kolom: str) -> int:
        return regio.get(rij, 0) + (per.get((rij, kolom), 0) if kolom else 0)
    return _matrix(q, doelgroepen, kolommen, cel, rijkop="Doelgroep")


def sector_doel(store: Store, subdoelen: list[dict], maat: str | None = None,
                versie: int | None = None) -> dict[str, Any]:
    """Rows sectors ordered by their indicator (highest first), columns subdoelen.

    Rows: every hoofdsector, focussector and sector with a figure of the chosen
    kind (``maat``, an indicator's eenheid such as "vacatures").
    """
    q = queries.get("dekking-sector-doel")
    tel = _tel(store, q.code, "sector", "subdoel", versie)
    maten, per_sector = _indicatoren(store, versie)
    gekozen = maat if maat in maten else (STANDAARD_MAAT if STANDAARD_MAAT in maten
                                         else (maten[0] if maten else None))
    cijfers = per_sector.get(gekozen, {})
    sectoren = [dict(s, indicator=cijfers.get(s["id"]))
                for s in _lijst(store, "lijst-sectoren", versie)
                if not s["bovenliggend"] or s["focus"] or s["id"] in cijfers]
    hoogste = max((c["waarde"] for c in cijfers.values()), default=0) or 1
    for s in sectoren:
        if s["indicator"]:
            s["indicator"]["aandeel"] = round(100 * max(s["indicator"]["waarde"], 0) / hoogste)
    sectoren.sort(key=lambda s: (s["indicator"] is None,
                                 -(s["indicator"] or {}).get("waarde", 0), s["naam"].casefold()))
    m = _matrix(q, sectoren, subdoelen, lambda r, k: tel.get((r, k), 0), rijkop="Sector")
    return dict(m, maat=gekozen, maten=maten)


def _matrix(q: queries.Query, koppen: list[dict], kolommen: list[dict], cel,
            rijkop: str) -> dict[str, Any]:
    """Rows with one count per column; ``leeg`` says the whole table is empty."""
    uit = [dict(r, cellen=[cel(r["id"], k["id"]) for k in kolommen]) for r in koppen]
    return {"code": q.code, "titel": q.titel, "uitleg": q.uitleg, "rijkop": rijkop,
            "kolommen": kolommen, "rijen": uit,
            "leeg": not any(n for r in uit for n in r["cellen"])}


def _tel(store: Store, code: str, rij: str, kolom: str, versie: int | None) -> Teller:
    return {(r[rij], r[kolom]): int(r["aantal"]) for r in rijen(store, code, versie)}


def _subdoelen(store: Store, versie: int | None) -> list[dict]:
    uit = [{"id": r["subdoel"], "naam": r["naam"]} for r in rijen(store, "lijst-subdoelen", versie)]
    return sorted(uit, key=lambda d: natuurlijk(d["id"]))


def _lijst(store: Store, code: str, versie: int | None) -> list[dict]:
    """A SKOS list (doelgroepen, sectoren): id, naam, bovenliggend id, focus flag."""
    return [{"id": r["id"], "naam": r["naam"], "bovenliggend": r.get("bovenliggend"),
             "focus": r.get("focus") == "true"}
            for r in rijen(store, code, versie)]


def _hoofd_en_focus(lijst: list[dict]) -> list[dict]:
    """The hoofdgroepen (no broader group), each followed by its focus groups below it.

    These are the groups the board steers on; every narrower group is counted
    in its hoofdgroep's cell. A focus group reads with the hoofdgroep it is in.
    """
    per_id = {d["id"]: d for d in lijst}
    onder: dict[str, list[dict]] = defaultdict(list)
    for d in lijst:
        top = _top(d, per_id)
        if d["focus"] and top != d["id"]:
            onder[top].append(dict(d, hoofdgroep=per_id[top]["naam"]))
    hoofden = sorted((d for d in lijst if _top(d, per_id) == d["id"]),
                     key=lambda d: (d["naam"].casefold(), d["id"]))
    uit: list[dict] = []
    for h in hoofden:
        uit.append(dict(h, hoofdgroep=None))
        uit.extend(sorted(onder[h["id"]], key=lambda d: (d["naam"].casefold(), d["id"])))
    return uit


def _top(d: dict, per_id: dict[str, dict]) -> str:
    """The hoofdgroep above ``d`` (itself when it has none); a cycle stops the climb."""
    gezien = {d["id"]}
    while d["bovenliggend"] in per_id and d["bovenliggend"] not in gezien:
        d = per_id[d["bovenliggend"]]
        gezien.add(d["id"])
    return d["id"]


def _indicatoren(store: Store, versie: int | None) -> tuple[list[str], dict[str, dict]]:
    """The kinds of sector figure (eenheden) and per kind, per sector, its latest figure."""
    per: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rijen(store, "sector-indicatoren", versie):
        eenheid = r.get("eenheid", "")
        nieuw = {"id": r["indicator"], "naam": r.get("naam") or r["indicator"],
                 "waarde": float(r["waarde"]), "eenheid": eenheid,
                 "peildatum": r.get("peildatum", "")}
        nieuw["tekst"] = getal(nieuw["waarde"])
        oud = per[eenheid].get(r["sector"])
        if oud is None or (nieuw["peildatum"], nieuw["waarde"]) > (oud["peildatum"], oud["waarde"]):
            per[eenheid][r["sector"]] = nieuw
    return sorted(per, key=str.casefold), dict(per)


def getal(waarde: float) -> str:
    """A number as the Dutch write it: 4.950 and 12,5."""
    if waarde == int(waarde):
        return f"{int(waarde):,}".replace(",", ".")
    return f"{waarde:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
