"""Saving a form's change as a new version: the one path of every edit form of the site.

Why one function: each form (score, besluit, criterium, initiative) must
validate with the werkboek's rules and shapes, write nothing when anything
is wrong, refuse a write based on an older version, and leave exactly one
audit entry saying who changed what with which result. Doing that once here
keeps the forms to building rows and showing messages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from flask import abort, request

from graaf import afweging, bewerken
from graaf.fouten import ScanFout, ScanGewijzigd
from graaf.versies import Versie
from web.accounts import audit, huidige_gebruiker
from web.scan import store

GEWIJZIGD = ("De scan is gewijzigd nadat u dit formulier opende. Er is niets opgeslagen; "
             "open het formulier opnieuw en vul uw wijziging nog eens in.")


@dataclass
class Uitkomst:
    """A saved version, or the messages to show on the form (by field and overall)."""

    versie: Versie | None = None
    velden: dict[str, list[str]] = field(default_factory=dict)
    overig: list[str] = field(default_factory=list)
    status: int = 200

    def bericht(self, opgeslagen: str) -> str:
        """The flash message: ``opgeslagen`` with ``{versie}`` filled in, or "nothing changed"."""
        if self.versie is None:
            return "Er was niets te wijzigen; er is geen nieuwe versie gemaakt."
        return opgeslagen.replace("{versie}", str(self.versie.nummer))


Bouw = Callable[[bewerken.Bewerking], "dict[bewerken.Plek, str]"]


def _vastgepind(b: bewerken.Bewerking) -> bool:
    """Base the write on the version the form was read from (hidden field ``op_versie``),
    when the form carries one: a form showing existing values must not overwrite newer ones."""
    gelezen = request.form.get("op_versie", type=int)
    if gelezen is not None:
        b.op_versie = gelezen
    return gelezen is not None


def opslaan(bouw: Bouw, actie: str, wat: str, notitie: str) -> Uitkomst:
    """Change the current rows with ``bouw`` (which returns the changed rows' field keys),
    validate and write them as a version by the logged-in user; audited either way.

    A form that only adds (a score, a besluit) is applied once more to the new current
    version when another write landed in between; a form carrying ``op_versie`` is refused."""
    for poging in (1, 2):
        b = bewerken.open_(store())
        vast = _vastgepind(b)
        plekken = bouw(b)
        if not b.gewijzigd:
            audit(actie, wat=wat, resultaat="niets gewijzigd")
            return Uitkomst()
        try:
            versie = bewerken.schrijf(store(), b, huidige_gebruiker().naam, notitie)
        except ScanGewijzigd:
            if vast or poging == 2:
                audit(actie, wat=wat, resultaat="geweigerd: de scan was intussen gewijzigd")
                return Uitkomst(overig=[GEWIJZIGD], status=409)
            continue
        except ScanFout as e:
            velden, overig = bewerken.per_veld(e.bevindingen, plekken)
            audit(actie, wat=wat, resultaat=f"geweigerd: {len(e.bevindingen)} fout(en)")
            return Uitkomst(velden=velden, overig=[e.melding] + overig, status=422)
        audit(actie, wat=f"{wat} → versie {versie.nummer}")
        return Uitkomst(versie=versie)
    raise AssertionError("onbereikbaar")


def onderwerp(soort: str, ident: str) -> dict[str, Any]:
    """The afweging onderwerp a score or besluit form changes; 404 when the scan has none."""
    data = afweging.van(store(), soort, ident) if soort in afweging.SOORTEN else None
    return data["onderwerp"] if data else abort(404)


def fout(melding: str, veld: str | None = None) -> Uitkomst:
    """A form refused before any row was built (a required motivation, an unknown id)."""
    audit(f"{request.method} {request.path}", resultaat=f"geweigerd: {melding}")
    if veld:
        return Uitkomst(velden={veld: [melding]}, overig=[_INLEIDING], status=422)
    return Uitkomst(overig=[melding], status=422)


_INLEIDING = "Er is niets opgeslagen: verbeter de gemarkeerde velden."
