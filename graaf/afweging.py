"""The afwegingskader: scores per criterion, a computed advice, and the RB's decision.

The Regionaal Beraad decides which initiatives and partners to connect. An
adviser scores each onderwerp (initiatief or organisatie) 0–3 on the
weighted criteria; several advisers may score the same onderwerp, and the
board wants them side by side, not only averaged. The site turns the scores
into an advice with one published rule (``ADVIESREGEL``): the page, the JSON
and the code read the same constant, so what the board reads is what runs.
The latest besluit per onderwerp is shown next to the advice, because the
board may differ from it and the motivation says why.

The pure functions (``advies``, ``gewogen_percentage``, ``beoordeel``,
``laatste_besluit``, ``overzicht``) work on plain rows, so they are tested
without a store and the write forms (next step) can preview an advice
before saving; ``lees`` is the one function that reads the store.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from graaf import termen
from graaf.dingen import Namen
from graaf.rijen import rijen
from graaf.store import Store
from graaf.vocab import concept

#: The segments (``/doc/{segment}/…``) an afweging or besluit can be about.
SOORTEN = ("initiatief", "organisatie")
#: Highest score per criterion (the werkboek's ``score`` column is 0–3).
MAX_SCORE = 3
#: The advice rule, highest threshold first: a weighted percentage of at least
#: the threshold gets that advice. The page prints exactly these lines.
ADVIESREGEL: tuple[tuple[int, str], ...] = (
    (70, "verbinden"), (50, "pilot"), (30, "nader onderzoeken"), (0, "niet verbinden"))
NIET_BEOORDEELD = "nog niet beoordeeld"
ONBEKENDE_BEOORDELAAR = "beoordelaar onbekend"
UITLEG_SCORE = (
    "Per criterium telt het gemiddelde van de scores van alle beoordelaars (0 tot en met 3). "
    "De gewogen score is de som van gewicht × gemiddelde, gedeeld door de som van gewicht × 3 "
    "van de beoordeelde criteria, als percentage. Criteria zonder score tellen niet mee; "
    "daarom staat erbij op hoeveel criteria het onderwerp is beoordeeld.")

Rij = dict[str, str]


def regel() -> list[dict[str, Any]]:
    """The advice rule as lines for the page and the JSON ("70% of meer: verbinden")."""
    uit, boven = [], None
    for grens, advies_ in ADVIESREGEL:
        tekst = f"{grens}% of meer" if boven is None else (
            f"minder dan {boven}%" if grens == 0 else f"{grens}% tot {boven}%")
        uit.append({"vanaf": grens, "tot": boven, "advies": advies_, "tekst": tekst})
        boven = grens
    uit.append({"vanaf": None, "tot": None, "advies": NIET_BEOORDEELD,
                "tekst": "nog geen enkele score"})
    return uit


def advies(percentage: float | None) -> str:
    """The advice for a weighted percentage, by ``ADVIESREGEL``; None means no scores yet."""
    if percentage is None:
        return NIET_BEOORDEELD
    return next(a for grens, a in ADVIESREGEL if percentage >= grens)


def gewogen_percentage(gewichten: dict[str, float], gemiddelden: dict[str, float]
                       ) -> float | None:
    """Σ gewicht × gemiddelde / Σ gewicht × 3 over the scored criteria, as a percentage.

    None when nothing is scored (or every scored criterion weighs 0): that is
    "nog niet beoordeeld", never 0%, which would read as a negative advice.
    """
    noemer = sum(gewichten.get(c, 0.0) for c in gemiddelden) * MAX_SCORE
    if not gemiddelden or noemer <= 0:
        return None
    teller = sum(gewichten.get(c, 0.0) * g for c, g in gemiddelden.items())
    return 100 * teller / noemer


def beoordeel(criteria: list[dict[str, Any]], scores: list[Rij]) -> dict[str, Any]:
    """One onderwerp's assessment: per criterion each assessor's score side by side,
    the mean, the weighted percentage and the advice. ``scores`` are its afweging rows;
    an assessor who scored a criterion twice counts with the latest (by datum)."""
    laatste: dict[tuple[str, str], Rij] = {}
    for r in sorted(scores, key=lambda r: (r.get("datum", ""), r.get("afweging", ""))):
        laatste[(r["criterium"], r.get("beoordelaar") or ONBEKENDE_BEOORDELAAR)] = r
    beoordelaars = sorted({b for _, b in laatste}, key=str.casefold)
    rijen_, gemiddelden = [], {}
    for c in criteria:
        cellen = [_cel(laatste.get((c["id"], b))) for b in beoordelaars]
        gegeven = [x["score"] for x in cellen if x is not None]
        gem = sum(gegeven) / len(gegeven) if gegeven else None
        if gem is not None:
            gemiddelden[c["id"]] = gem
        rijen_.append({"criterium": c, "scores": cellen, "gemiddelde": gem})
    pct = gewogen_percentage({c["id"]: c["gewicht"] for c in criteria}, gemiddelden)
    return {"beoordelaars": beoordelaars, "criteria": rijen_, "percentage": pct,
            "percentage_tekst": "–" if pct is None else f"{round(pct)}%",
            "beoordeeld": len(gemiddelden), "aantal_criteria": len(criteria),
            "advies": advies(pct)}


def _cel(r: Rij | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"score": int(float(r["score"])), "toelichting": r.get("toelichting", ""),
            "datum": r.get("datum", "")}


def laatste_besluit(besluiten: list[Rij]) -> dict[str, Any] | None:
    """The most recent decision (by datum, then id): a later RB meeting overrules an earlier one."""
    if not besluiten:
        return None
    r = max(besluiten, key=lambda r: (r["datum"], r["id"]))
    return {"id": r["id"], "besluit": r["besluit"], "besluit_naam": besluit_naam(r["besluit"]),
            "datum": r["datum"], "toelichting": r.get("toelichting", ""),
            "gremium": {"id": r["gremium"], "naam": r["gremiumNaam"]} if r.get("gremium") else None,
            "bron": r.get("bron", ""), "aantal": len(besluiten)}


def besluit_naam(code: str) -> str:
    """The Dutch word of a besluit code, from the ontology's concept scheme."""
    return termen.label(concept("besluit", code))


def criteria_uit(rijen_: list[Rij]) -> list[dict[str, Any]]:
    """The criteria as the page lists them: heaviest first, then by name."""
    uit = [{"id": r["criterium"], "naam": r["naam"], "gewicht": float(r["gewicht"]),
            "beschrijving": r.get("beschrijving", "")} for r in rijen_]
    return sorted(uit, key=lambda c: (-c["gewicht"], c["naam"].casefold(), c["id"]))


def overzicht(criteria_rijen: list[Rij], scores: list[Rij], besluiten: list[Rij],
              lopend: list[Rij]) -> dict[str, Any]:
    """The whole afwegingskader: criteria, rule, the ranking, and the lopend initiatives
    nobody has assessed yet (the board should see what is still waiting)."""
    criteria = criteria_uit(criteria_rijen)
    per_scores: dict[tuple[str, str], list[Rij]] = defaultdict(list)
    per_besluit: dict[tuple[str, str], list[Rij]] = defaultdict(list)
    namen: dict[tuple[str, str], str] = {}
    for r in scores:
        per_scores[(r["soort"], r["onderwerp"])].append(r)
        namen[(r["soort"], r["onderwerp"])] = r["naam"]
    for r in besluiten:
        per_besluit[(r["soort"], r["onderwerp"])].append(r)
        namen[(r["soort"], r["onderwerp"])] = r["naam"]
    rangorde = [onderwerp(s, i, namen[(s, i)], criteria, per_scores[(s, i)],
                          per_besluit[(s, i)]) for s, i in namen]
    rangorde.sort(key=_rang)
    gezien = {i for s, i in per_scores if s == "initiatief"}
    wachtend = sorted(({"soort": "initiatief", "id": r["onderwerp"], "naam": r["naam"]}
                       for r in lopend if r["onderwerp"] not in gezien),
                      key=lambda o: (o["naam"].casefold(), o["id"]))
    return {"criteria": criteria, "regel": regel(), "uitleg_score": UITLEG_SCORE,
            "rangorde": rangorde, "niet_beoordeeld": wachtend}


def _rang(o: dict[str, Any]) -> tuple:
    pct = o["percentage"]
    return (pct is None, -(pct or 0), o["naam"].casefold(), o["soort"], o["id"])


def onderwerp(soort: str, id_: str, naam: str, criteria: list[dict[str, Any]],
              scores: list[Rij], besluiten: list[Rij]) -> dict[str, Any]:
    """One onderwerp: its assessment, its latest decision and the reasons given (why)."""
    b = beoordeel(criteria, scores)
    besluit = laatste_besluit(besluiten)
    waarom = sorted({r["toelichting"] for r in scores if r.get("toelichting")})
    return {"soort": soort, "id": id_, "naam": naam, **b, "besluit": besluit, "waarom": waarom}


def anoniem(data: dict[str, Any]) -> dict[str, Any]:
    """The same onderwerp with assessors as "beoordelaar 1, 2 …": their names are personal
    data, hidden from anonymous visitors like every person's name on the site; so is the
    account that recorded the decision."""
    besluit = data.get("besluit")
    if besluit and besluit.get("vastgelegd"):
        besluit = {**besluit, "vastgelegd": {**besluit["vastgelegd"], "door": None}}
    return {**data, "besluit": besluit, "beoordelaars": [
        f"beoordelaar {n}" for n, _ in enumerate(data["beoordelaars"], 1)]}


#: The ``bron`` the site gives a decision it records (``web.views.besluit``).
VASTGELEGD = "Vastgelegd op de site in scanversie {}"
_VASTGELEGD = re.compile(r"^Vastgelegd op de site in scanversie (\d+)$")


def vastgelegd(besluit: dict[str, Any] | None, versies: list) -> dict[str, Any] | None:
    """Who recorded a decision on the site and when: the provenance of the version its
    ``bron`` names (a decision from a werkboek has its own bron and no such line)."""
    treffer = _VASTGELEGD.match((besluit or {}).get("bron", ""))
    v = next((v for v in versies if treffer and v.nummer == int(treffer[1])), None)
    return None if v is None else {"versie": v.nummer, "door": v.door,
                                   "tijd": v.tijd.isoformat(timespec="minutes")}


def lees(store: Store, versie: int | None = None) -> dict[str, Any]:
    """The afwegingskader of one version of the scan (default: the current one)."""
    return overzicht(rijen(store, "afweging-criteria", versie),
                     rijen(store, "afweging-scores", versie),
                     rijen(store, "afweging-besluiten", versie),
                     rijen(store, "afweging-lopend", versie))


def van(store: Store, soort: str, id_: str, versie: int | None = None
        ) -> dict[str, Any] | None:
    """One onderwerp's page data; an initiative or partner nobody assessed yet still has a
    page ("nog niet beoordeeld"), so the entity page can always link here. None: no such thing."""
    data = lees(store, versie)
    gevonden = next((o for o in data["rangorde"] if (o["soort"], o["id"]) == (soort, id_)), None)
    if gevonden is None:
        ding = Namen(store, versie).ding(id_, [soort])
        if ding["segment"] != soort:
            return None
        gevonden = onderwerp(soort, id_, ding["naam"], data["criteria"], [], [])
    if gevonden["besluit"]:
        gevonden["besluit"]["vastgelegd"] = vastgelegd(gevonden["besluit"], store.versies())
    return {"onderwerp": gevonden, "regel": data["regel"], "uitleg_score": UITLEG_SCORE}


def scores_van(store: Store, soort: str, id_: str, beoordelaar: str) -> dict[str, Rij]:
    """One assessor's current scores on one onderwerp, by criterium (fills the score form)."""
    return {r["criterium"]: r for r in rijen(store, "afweging-scores")
            if (r["soort"], r["onderwerp"], r.get("beoordelaar")) == (soort, id_, beoordelaar)}
