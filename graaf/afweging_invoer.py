"""What the afwegingskader forms change in the werkboek: scores, a besluit, the criteria.

Each function turns one form's input into rows of the sheets ``afwegingen``,
``besluiten`` and ``criteria`` of a ``graaf.bewerken.Bewerking``; validating
and writing is ``bewerken.schrijf``'s job. Values go in as the user typed
them (a score "7" or "drie" stays that text), so the werkboek's own cell
converters and the SHACL shapes judge them and say what is wrong in Dutch.

An assessor has one score per criterion per onderwerp: scoring again
replaces their row (the version history keeps the earlier one), an unchanged
score keeps its date, and an empty score removes it. Rows of other assessors are never touched, which is
how several assessors end up side by side.
"""
from __future__ import annotations

from dataclasses import dataclass

from graaf.bewerken import Bewerking, Rij

AFWEGINGEN, BESLUITEN, CRITERIA = "afwegingen", "besluiten", "criteria"


@dataclass(frozen=True)
class Score:
    """One criterion's input on the score form."""

    criterium: str
    score: str
    toelichting: str = ""


def mijn_scores(b: Bewerking, onderwerp: str, beoordelaar: str) -> dict[str, Rij]:
    """This assessor's current rows on ``onderwerp``, by criterium (to fill in the form)."""
    return {str(r["criterium"]): r for r in b.rijen(AFWEGINGEN)
            if str(r.get("onderwerp")) == onderwerp and r.get("beoordelaar") == beoordelaar}


def zet_scores(b: Bewerking, onderwerp: str, beoordelaar: str, scores: list[Score],
               datum: str, bron: str) -> dict[int, str]:
    """Write this assessor's scores on ``onderwerp``; Excel row number → criterium,
    so findings on a row can be shown at that criterion's field."""
    eigen = mijn_scores(b, onderwerp, beoordelaar)
    rijen: dict[int, str] = {}
    for s in scores:
        oud = eigen.get(s.criterium)
        if not s.score.strip():
            if oud is not None:
                b.verwijder(AFWEGINGEN, lambda r, i=oud["id"]: r.get("id") == i)
            continue
        if oud and (str(oud["score"]), str(oud.get("toelichting", ""))) == (
                s.score.strip(), s.toelichting.strip()):
            continue  # unchanged: keeps its date and source
        id_ = str(oud["id"]) if oud else b.vrij_id(AFWEGINGEN, f"{onderwerp}-{s.criterium}")
        nr = b.zet(AFWEGINGEN, {
            "id": id_, "onderwerp": onderwerp, "criterium": s.criterium,
            "score": s.score.strip(), "toelichting": s.toelichting.strip(),
            "beoordelaar": beoordelaar, "datum": datum, "bron": bron})
        rijen[nr] = s.criterium
    return rijen


def zet_besluit(b: Bewerking, onderwerp: str, besluit: str, datum: str, gremium: str,
                toelichting: str, bron: str) -> int:
    """Add the RB's decision as a new row (earlier decisions stay: the latest counts)."""
    id_ = b.vrij_id(BESLUITEN, f"{onderwerp}-{datum}")
    return b.zet(BESLUITEN, {"id": id_, "onderwerp": onderwerp, "besluit": besluit.strip(),
                             "datum": datum.strip(), "gremium": gremium.strip(),
                             "toelichting": toelichting.strip(), "bron": bron})


def zet_criterium(b: Bewerking, id_: str, naam: str, gewicht: str, beschrijving: str) -> int:
    """Add or change a criterion; columns the form does not show (bron) are kept."""
    oud = b.rij(CRITERIA, id_) or {}
    return b.zet(CRITERIA, {**oud, "id": id_, "naam": naam.strip(),
                            "gewicht": gewicht.strip().replace(",", "."),
                            "beschrijving": beschrijving.strip()})


def verwijder_criterium(b: Bewerking, id_: str) -> int:
    """Remove a criterion and the scores given on it (they would point at nothing);
    how many scores went with it. The history keeps both."""
    b.verwijder(CRITERIA, lambda r: r.get("id") == id_)
    return b.verwijder(AFWEGINGEN, lambda r: str(r.get("criterium")) == id_)
