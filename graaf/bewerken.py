"""Editing the scan on the site: change werkboek rows, validate like an upload, write a version.

Why through the werkboek and not by patching triples: the forms (a score, a
besluit, a criterium, one initiative) then pass exactly the checks an upload
passes — the cell converters, the cross-cell rules and the SHACL shapes —
and every finding comes back as sheet, row and column, which the form maps
to its own fields. The current version is exported to rows (``graaf.export``,
the inverse of ingest), the rows are changed, converted back and validated;
only a clean result becomes a new version, based on the version the form was
read from (``op_versie``), so two people saving at once never mix.

Triples a werkboek cannot hold (a Turtle upload may carry extra statements)
are kept as they are: they are what the unchanged werkboek loses on the way
back, so an edit never drops anything it did not touch.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from rdflib import Graph

from graaf import config
from graaf.export import naar_rijen
from graaf.fouten import Bevinding, ScanFout
from graaf.store import Store
from graaf.versies import Versie
from ingest import omzetten, regels, shacl
from ingest.contract import BLAD
from ingest.lezen import Tabel
from ingest.ntriples import Triples

Rij = dict[str, object]
#: A finding's place in the werkboek, the key of a form field's messages.
Plek = tuple[str, int]


@dataclass
class Bewerking:
    """The current scan as werkboek rows, open for changes, and the version it came from."""

    tabellen: dict[str, Tabel]
    op_versie: int
    base: str
    rest: list[tuple] = field(default_factory=list)
    gewijzigd: bool = False  # whether any row differs from the version read

    def tabel(self, blad: str) -> Tabel:
        if blad not in self.tabellen:
            self.tabellen[blad] = Tabel(blad, list(BLAD[blad].kolomnamen))
        return self.tabellen[blad]

    def rijen(self, blad: str) -> list[Rij]:
        """The rows of a sheet (copies of nothing: read, don't change them here)."""
        return [r for _, r in self.tabel(blad).rijen]

    def rij(self, blad: str, id_: str) -> Rij | None:
        return next((r for r in self.rijen(blad) if str(r.get("id")) == id_), None)

    def ids(self, blad: str) -> set[str]:
        return {str(r.get("id")) for r in self.rijen(blad)}

    def zet(self, blad: str, waarden: Rij) -> int:
        """Replace the row with this id (or add it at the end); its Excel row number.
        Empty values (None, "") are left out, as an empty cell is."""
        tabel = self.tabel(blad)
        rij = {k: v for k, v in waarden.items() if v not in (None, "")}
        for k in rij:
            if k not in tabel.kolommen:
                tabel.kolommen.append(k)
        for i, (nr, oud) in enumerate(tabel.rijen):
            if str(oud.get("id")) == str(waarden["id"]):
                self.gewijzigd |= _tekst(oud) != _tekst(rij)
                tabel.rijen[i] = (nr, rij)
                return nr
        nr = max((n for n, _ in tabel.rijen), default=1) + 1
        tabel.rijen.append((nr, rij))
        self.gewijzigd = True
        return nr

    def verwijder(self, blad: str, weg: Callable[[Rij], bool]) -> int:
        """Remove the rows of a sheet for which ``weg`` is true; how many."""
        tabel = self.tabel(blad)
        voor = len(tabel.rijen)
        tabel.rijen = [(n, r) for n, r in tabel.rijen if not weg(r)]
        self.gewijzigd |= len(tabel.rijen) < voor
        return voor - len(tabel.rijen)

    def vrij_id(self, blad: str, stam: str) -> str:
        """An id for a new row: ``stam`` made a valid slug, numbered when taken."""
        stam = maak_slug(stam) or blad
        bezet = self.ids(blad)
        if stam not in bezet:
            return stam
        return next(f"{stam}-{n}" for n in range(2, len(bezet) + 3) if f"{stam}-{n}" not in bezet)


def _tekst(rij: Rij) -> dict[str, str]:
    """A row as the cells read (the number 3 and the text "3" are the same cell)."""
    return {k: str(v) for k, v in rij.items()}


def maak_slug(tekst: str) -> str:
    """Lower-case letters, digits and single hyphens (the werkboek's id pattern)."""
    plat = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plat).strip("-")[:60].strip("-")
    return slug


def open_(store: Store) -> Bewerking:
    """The current version as werkboek rows (Excel numbering: header row 1, data from 2)."""
    huidige = store.huidige()
    g = store.graaf()
    tabellen: dict[str, Tabel] = {}
    for naam, (kop, data) in naar_rijen(g).items():
        rijen = [(n, {k: v for k, v in zip(kop, rij) if v not in (None, "")})
                 for n, rij in enumerate(data, 2)]
        tabellen[naam] = Tabel(naam, list(kop), rijen)
    b = Bewerking(tabellen, huidige.nummer if huidige else 0, config.base_uri(None))
    b.rest = buiten_werkboek(g, b)
    return b


def buiten_werkboek(g: Graph, b: Bewerking) -> list[tuple]:
    """Triples of the version that the unchanged rows do not give back (see module doc)."""
    terug = Graph().parse(data=omzetten.zet_om(b.tabellen, b.base).graaf.ntriples(), format="nt")
    return [t for t in g if t not in terug]


def valideer(b: Bewerking) -> tuple[Triples, list[Bevinding]]:
    """The new version's triples and every finding, the same steps as ``ingest.valideer``."""
    omzetting = omzetten.zet_om(b.tabellen, b.base)
    for t in b.rest:
        omzetting.graaf.add(t)
    regels.controleer(omzetting)
    if not any(x.ernst == "fout" for x in omzetting.bevindingen):
        omzetting.bevindingen += shacl.valideer(omzetting.graaf, omzetting.herkomst)
    return omzetting.graaf, omzetting.bevindingen


def schrijf(store: Store, b: Bewerking, door: str, notitie: str) -> Versie:
    """Validate and write the changed rows as a new version; a ScanFout carrying the
    findings (nothing written) when any is an error."""
    triples, bevindingen = valideer(b)
    fouten = [x for x in bevindingen if x.ernst == "fout"]
    if fouten:
        raise ScanFout("De wijziging is niet opgeslagen: de scan zou dan ongeldig worden. "
                       "Er is niets gewijzigd.", "", fouten)
    return store.nieuwe_versie(triples.ntriples(), door=door, notitie=notitie,
                               bronbestand="", op_versie=b.op_versie)


def per_veld(bevindingen: list[Bevinding], plekken: dict[Plek, str]
             ) -> tuple[dict[str, list[str]], list[str]]:
    """Findings for a form: those on an edited row by field (``kolom`` or ``kolom-sleutel``
    with the row's key from ``plekken``), the rest as whole sentences with their place."""
    velden: dict[str, list[str]] = {}
    overig: list[str] = []
    for x in bevindingen:
        sleutel = plekken.get((x.blad, x.rij)) if x.blad and x.rij else None
        if sleutel is None or not x.kolom:
            overig.append(x.tekst())
            continue
        veld = f"{x.kolom}-{sleutel}" if sleutel else x.kolom
        waarde = f" (ingevuld: '{x.waarde}')" if x.waarde not in (None, "") else ""
        velden.setdefault(veld, []).append(x.melding + waarde)
    return velden, overig


def vandaag() -> str:
    return date.today().isoformat()
