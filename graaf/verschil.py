"""What changed between two versions of the scan, in werkboek terms.

Why rows, not triples: the kwartiermaker thinks in sheets, rows and columns
("wat is er veranderd sinds de RB van 7 mei?"), and a triple diff of two
versions is full of URIs and blank nodes she never typed. Both versions go
through ``graaf.export.naar_rijen`` (the exporter, so exactly what an export
would show) and are compared per sheet by id: rows added, rows removed, and
per changed row each column with its old and new value. Multi-valued cells
(``partners``, ``doelgroepen`` …) compare as sets, so the order of values in a
cell is never a change. ``verschil_grafen`` does the same for a graph that is
not stored yet (the upload preview).
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field, replace

from rdflib import Graph

from graaf.export import is_formule, naar_rijen
from graaf.privacy import PERSOONLIJKE_EIGENSCHAPPEN
from graaf.store import Store
from ingest.contract import BLAD

#: What a visitor who may not see personal data sees instead of the value.
AFGESCHERMD = "(afgeschermd)"
#: The sheet whose rows are persons: every value in it is personal data.
PERSONEN = "personen"
CSV_KOP = ("blad", "id", "naam", "soort wijziging", "kolom", "oud", "nieuw")


@dataclass(frozen=True)
class Rij:
    """An added or removed row: enough to recognise it."""

    id: str
    naam: str


@dataclass(frozen=True)
class Cel:
    """One changed cell. ``erbij``/``eraf`` are set for multi-valued columns."""

    kolom: str
    oud: str
    nieuw: str
    meervoud: bool = False
    erbij: tuple[str, ...] = ()
    eraf: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gewijzigd:
    """A row present in both versions with at least one changed cell."""

    id: str
    naam: str
    cellen: tuple[Cel, ...]


@dataclass(frozen=True)
class Bladverschil:
    """The changes in one sheet."""

    blad: str
    toegevoegd: tuple[Rij, ...] = ()
    verwijderd: tuple[Rij, ...] = ()
    gewijzigd: tuple[Gewijzigd, ...] = ()

    @property
    def aantallen(self) -> dict[str, int]:
        return {"toegevoegd": len(self.toegevoegd), "verwijderd": len(self.verwijderd),
                "gewijzigd": len(self.gewijzigd)}


@dataclass(frozen=True)
class Verschil:
    """All changes from version ``van`` to ``naar`` (None: a graph not stored)."""

    van: int | None
    naar: int | None
    bladen: tuple[Bladverschil, ...] = field(default=())

    @property
    def aantallen(self) -> dict[str, int]:
        totaal = {"toegevoegd": 0, "verwijderd": 0, "gewijzigd": 0}
        for b in self.bladen:
            for soort, n in b.aantallen.items():
                totaal[soort] += n
        return totaal

    @property
    def leeg(self) -> bool:
        return not self.bladen


def verschil(store: Store, van: int, naar: int | None = None) -> Verschil:
    """The changes from stored version ``van`` to ``naar`` (default: the current one).

    An unknown version number raises ``ScanFout`` (from the store) in Dutch.
    """
    naar = naar if naar is not None else store.huidige().nummer
    oud, nieuw = store.graaf(van), store.graaf(naar)
    return replace(verschil_grafen(oud, nieuw), van=van, naar=naar)


def verschil_grafen(oud: Graph, nieuw: Graph) -> Verschil:
    """The changes between two graphs, e.g. the current version and an upload."""
    a, b = naar_rijen(oud), naar_rijen(nieuw)
    bladen = []
    for naam in list(a) + [n for n in b if n not in a]:
        bv = _blad(naam, _per_id(*a.get(naam, ([], []))), _per_id(*b.get(naam, ([], []))))
        if bv.toegevoegd or bv.verwijderd or bv.gewijzigd:
            bladen.append(bv)
    return Verschil(None, None, tuple(bladen))


_Cellen = dict[str, dict[str, str]]


def _per_id(kop: list[str], rijen: list[list[object]]) -> _Cellen:
    """id → {column: value as text}, empty cells left out (so '' and absent are equal)."""
    return {str(rij[0]): {k: _tekst(w) for k, w in zip(kop[1:], rij[1:]) if _tekst(w)}
            for rij in rijen}


def _tekst(waarde: object) -> str:
    return "" if waarde is None else str(waarde)


def _blad(naam: str, oud: _Cellen, nieuw: _Cellen) -> Bladverschil:
    gewijzigd = []
    for ident in sorted(oud.keys() & nieuw.keys()):
        cellen = _cellen(naam, oud[ident], nieuw[ident])
        if cellen:
            gewijzigd.append(Gewijzigd(ident, _naam(ident, nieuw[ident]), cellen))
    return Bladverschil(
        naam,
        tuple(Rij(i, _naam(i, nieuw[i])) for i in sorted(nieuw.keys() - oud.keys())),
        tuple(Rij(i, _naam(i, oud[i])) for i in sorted(oud.keys() - nieuw.keys())),
        tuple(gewijzigd))


def _naam(ident: str, cellen: dict[str, str]) -> str:
    """The row's name; sheets without one (afwegingen, besluiten) show their subject."""
    return cellen.get("naam") or cellen.get("onderwerp") or ident


def _is_meervoud(blad: str, kolom: str) -> bool:
    """Contract columns say so; a column outside the contract is one plain value."""
    k = BLAD[blad].kolom(kolom) if blad in BLAD else None
    return bool(k and k.meervoud)


def _cellen(blad: str, oud: dict[str, str], nieuw: dict[str, str]) -> tuple[Cel, ...]:
    uit = []
    for kolom in list(oud) + [k for k in nieuw if k not in oud]:
        a, b = oud.get(kolom, ""), nieuw.get(kolom, "")
        if not _is_meervoud(blad, kolom):
            if a != b:
                uit.append(Cel(kolom, a, b))
            continue
        sa, sb = _waarden(a), _waarden(b)
        if sa != sb:
            uit.append(Cel(kolom, ";".join(sorted(sa)), ";".join(sorted(sb)), True,
                           tuple(sorted(sb - sa)), tuple(sorted(sa - sb))))
    return tuple(uit)


def _waarden(cel: str) -> set[str]:
    return {w.strip() for w in cel.split(";") if w.strip()}


# -- personal data ---------------------------------------------------------

def is_persoonlijk(blad: str, kolom: str | None = None) -> bool:
    """Whether a sheet (or a column of it) holds personal data: every value of the
    personen sheet, every column that points to a person (trekker, voorzitter) and
    every column of a personal property (``graaf.privacy``: the beoordelaar).
    Read from the contract, so a new person column is covered without code."""
    if blad == PERSONEN:
        return True
    k = BLAD[blad].kolom(kolom) if blad in BLAD and kolom else None
    return bool(k and (PERSONEN in k.doel or k.predicaat in PERSOONLIJKE_EIGENSCHAPPEN))


def afgeschermd(v: Verschil) -> Verschil:
    """The same changes with every personal value replaced by ``AFGESCHERMD``.

    Counts stay (that a person was added is no personal data); ids, names and
    values of persons do not (person ids are made from their names)."""
    return replace(v, bladen=tuple(_blad_afgeschermd(b) for b in v.bladen))


def _blad_afgeschermd(b: Bladverschil) -> Bladverschil:
    if b.blad == PERSONEN:
        rij = Rij(AFGESCHERMD, AFGESCHERMD)
        return replace(b, toegevoegd=(rij,) * len(b.toegevoegd),
                       verwijderd=(rij,) * len(b.verwijderd),
                       gewijzigd=tuple(Gewijzigd(AFGESCHERMD, AFGESCHERMD, tuple(
                           _cel_afgeschermd(c) for c in g.cellen)) for g in b.gewijzigd))
    return replace(b, gewijzigd=tuple(replace(g, cellen=tuple(
        _cel_afgeschermd(c) if is_persoonlijk(b.blad, c.kolom) else c for c in g.cellen))
        for g in b.gewijzigd))


def _cel_afgeschermd(c: Cel) -> Cel:
    return Cel(c.kolom, AFGESCHERMD if c.oud else "", AFGESCHERMD if c.nieuw else "")


# -- presentation ----------------------------------------------------------

def _telling(aantallen: dict[str, int]) -> str:
    return ", ".join(f"{n} {soort}" for soort, n in aantallen.items())


def cel_tekst(c: Cel) -> str:
    """'status lopend → afgerond' or 'partners + huizen, − laren'."""
    if c.meervoud and c.oud != AFGESCHERMD and c.nieuw != AFGESCHERMD:
        delen = [f"+ {w}" for w in c.erbij] + [f"− {w}" for w in c.eraf]
        return f"{c.kolom} {', '.join(delen)}"
    return f"{c.kolom} {c.oud or '(leeg)'} → {c.nieuw or '(leeg)'}"


def titel(v: Verschil) -> str:
    van = f"versie {v.van}" if v.van is not None else "de huidige scan"
    naar = f"versie {v.naar}" if v.naar is not None else "het nieuwe werkboek"
    return f"Van {van} naar {naar}"


def als_tekst(v: Verschil) -> str:
    """The change list as the kwartiermaker reads it, grouped per sheet."""
    if v.leeg:
        return f"{titel(v)}: geen wijzigingen."
    regels = [f"{titel(v)}: {_telling(v.aantallen)}."]
    for b in v.bladen:
        regels += ["", f"{b.blad.capitalize()}: {_telling(b.aantallen)}"]
        regels += [f"  toegevoegd: {r.naam} ({r.id})" for r in b.toegevoegd]
        regels += [f"  verwijderd: {r.naam} ({r.id})" for r in b.verwijderd]
        regels += [f"  gewijzigd: {g.naam} ({g.id}): "
                   + "; ".join(cel_tekst(c) for c in g.cellen) for g in b.gewijzigd]
    return "\n".join(regels)


def als_dict(v: Verschil) -> dict:
    """For JSON (CLI ``--json``, the page's JSON twin)."""
    return {"van": v.van, "naar": v.naar, "aantallen": v.aantallen,
            "bladen": [{"blad": b.blad, "aantallen": b.aantallen,
                        "toegevoegd": [asdict(r) for r in b.toegevoegd],
                        "verwijderd": [asdict(r) for r in b.verwijderd],
                        "gewijzigd": [{"id": g.id, "naam": g.naam, "cellen": [
                            {**asdict(c), "erbij": list(c.erbij), "eraf": list(c.eraf),
                             "tekst": cel_tekst(c)}
                            for c in g.cellen]} for g in b.gewijzigd]}
                       for b in v.bladen]}


def als_csv_rijen(v: Verschil) -> list[tuple[str, ...]]:
    """One row per change: blad, id, naam, soort wijziging, kolom, oud, nieuw."""
    rijen: list[tuple[str, ...]] = [CSV_KOP]
    for b in v.bladen:
        rijen += [(b.blad, r.id, r.naam, "toegevoegd", "", "", "") for r in b.toegevoegd]
        rijen += [(b.blad, r.id, r.naam, "verwijderd", "", "", "") for r in b.verwijderd]
        rijen += [(b.blad, g.id, g.naam, "gewijzigd", c.kolom, c.oud, c.nieuw)
                  for g in b.gewijzigd for c in g.cellen]
    return rijen


def als_csv(v: Verschil) -> str:
    """The change list as CSV text; cells a spreadsheet would run are guarded."""
    uit = io.StringIO()
    w = csv.writer(uit)
    for rij in als_csv_rijen(v):
        w.writerow([_veilig(c) for c in rij])
    return uit.getvalue()


def _veilig(cel: str) -> str:
    return "'" + cel if is_formule(cel) else cel
