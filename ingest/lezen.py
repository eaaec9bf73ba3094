"""Reading a werkboek (.xlsx, a folder of .csv, or a .zip of .csv) into plain rows.

Only reads: no checks beyond "is this a readable table". Row numbers are kept
as Excel shows them (header = row 1) so every later finding can point at the
cell the user has to fix.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from graaf.fouten import Bevinding, ScanFout

#: Leading characters that make a spreadsheet treat a cell as a formula.
FORMULE_TEKENS = ("=", "+", "-", "@")


@dataclass
class Tabel:
    """One sheet: its header (lower-cased) and its non-empty rows."""

    naam: str
    kolommen: list[str]
    rijen: list[tuple[int, dict[str, object]]] = field(default_factory=list)


Werkboek = dict[str, Tabel]


def lees(pad: Path) -> tuple[Werkboek, list[Bevinding]]:
    """Read any supported werkboek form; unreadable input raises ScanFout."""
    pad = Path(pad)
    if pad.is_dir():
        return _lees_csv_map(pad)
    if not pad.exists():
        raise ScanFout("Het bestand bestaat niet.", str(pad))
    if pad.suffix.lower() == ".xlsx":
        return _lees_xlsx(pad)
    if pad.suffix.lower() == ".zip":
        return _lees_csv_zip(pad)
    if pad.suffix.lower() == ".csv":
        raise ScanFout("Een los CSV-bestand is geen werkboek: geef de map met alle "
                       "CSV-bestanden (één per blad), of een .xlsx-bestand.", str(pad))
    raise ScanFout("Onbekend bestandstype. Gebruik een werkboek (.xlsx), een map of "
                   ".zip met CSV-bestanden, of Turtle (.ttl).", str(pad))


def _lees_xlsx(pad: Path) -> tuple[Werkboek, list[Bevinding]]:
    # openpyxl parses with defusedxml when it is installed (a dependency of ours),
    # so entity expansion is refused rather than performed. data_only=False: a
    # formula cell must be seen as a formula (its cached value may be empty or
    # stale), so it becomes a finding instead of silently arriving empty.
    import openpyxl

    from ingest.zipcontrole import controleer_zip

    controleer_zip(pad, xml=True)
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=False)
    except Exception as e:  # noqa: BLE001 - any parse failure is the user's file
        raise ScanFout(f"Het Excel-bestand kan niet gelezen worden ({type(e).__name__}). "
                       "Sla het opnieuw op als .xlsx-werkboek.", pad.name) from e
    werkboek: Werkboek = {}
    bevindingen: list[Bevinding] = []
    try:
        for blad in boek.worksheets:
            tabel = _lees_blad(blad, bevindingen)
            if tabel:
                werkboek[tabel.naam] = tabel
    except ScanFout:
        raise
    except Exception as e:  # noqa: BLE001 - a malformed sheet is the user's file too
        raise ScanFout(f"Het Excel-bestand kan niet gelezen worden ({type(e).__name__}). "
                       "Sla het opnieuw op als .xlsx-werkboek.", pad.name) from e
    finally:
        boek.close()
    return werkboek, bevindingen


def _lees_blad(blad, bevindingen: list[Bevinding]) -> Tabel | None:
    """One sheet's table; every formula cell is left out and reported where it is."""
    naam = blad.title.strip().lower()
    formules: list[tuple[int, int, str]] = []

    def regels():
        for i, rij in enumerate(blad.iter_rows(), 1):
            waarden = []
            for j, cel in enumerate(rij):
                if getattr(cel, "data_type", None) == "f":
                    formules.append((i, j, _formuletekst(cel.value)))
                    waarden.append(None)
                else:
                    waarden.append(cel.value)
            yield i, waarden

    tabel = _tabel(naam, regels())
    for rij, j, tekst in formules:
        bevindingen.append(Bevinding(FORMULE_MELDING, naam, rij, _kolomnaam(tabel, j), tekst))
    return tabel


#: Why a formula is refused, and the fix; the same text wherever a formula is found.
FORMULE_MELDING = ("Deze cel bevat een formule. Formules worden niet uitgerekend of "
                   "overgenomen: vervang de formule door de waarde (in Excel: kopiëren en "
                   "'Plakken speciaal' → 'Waarden'), of zet er een apostrof (') voor als "
                   "de tekst zo moet blijven.")


def _formuletekst(waarde: object) -> str:
    """The formula as the user typed it (array formulas carry it in ``.text``)."""
    tekst = getattr(waarde, "text", None)
    return str(tekst if isinstance(tekst, str) else waarde)


def _kolomnaam(tabel: Tabel | None, index: int) -> str:
    """The header name of a column, or its Excel letter when it has none."""
    from openpyxl.utils import get_column_letter

    if tabel is not None and index < len(tabel.kolommen) and tabel.kolommen[index]:
        return tabel.kolommen[index]
    return get_column_letter(index + 1)


def _lees_csv_map(map_: Path) -> tuple[Werkboek, list[Bevinding]]:
    bestanden = sorted(map_.glob("*.csv"))
    if not bestanden:
        raise ScanFout("De map bevat geen .csv-bestanden (één per blad, bijvoorbeeld "
                       "initiatieven.csv).", str(map_))
    return _lees_csv_teksten((b.stem, b.read_bytes()) for b in bestanden)


def _lees_csv_zip(pad: Path) -> tuple[Werkboek, list[Bevinding]]:
    from ingest.zipcontrole import ZIPFOUTEN, controleer_zip

    controleer_zip(pad)
    try:
        with zipfile.ZipFile(pad) as z:
            namen = [n for n in z.namelist() if n.lower().endswith(".csv") and "/." not in n]
            inhoud = [(Path(n).stem, z.read(n)) for n in sorted(namen)]
    except ZIPFOUTEN as e:  # a bad CRC or a damaged entry shows only when it is read
        raise ScanFout("Het .zip-bestand is beschadigd of geen zip.", pad.name) from e
    if not inhoud:
        raise ScanFout("Het .zip-bestand bevat geen .csv-bestanden.", pad.name)
    return _lees_csv_teksten(inhoud)


def _lees_csv_teksten(bestanden) -> tuple[Werkboek, list[Bevinding]]:
    werkboek: Werkboek = {}
    for naam, ruw in bestanden:
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ScanFout("Het CSV-bestand is niet in UTF-8 opgeslagen. Kies in Excel "
                           "'CSV UTF-8 (door komma's gescheiden)'.", f"{naam}.csv") from e
        regels = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(tekst))
        tabel = _tabel(naam.strip().lower(), (
            (i, [_csv_cel(c) for c in r]) for i, r in enumerate(regels, 1)))
        if tabel:
            werkboek[tabel.naam] = tabel
    return werkboek, []


def _scheidingsteken(tekst: str) -> str:
    """Comma by default; Dutch Excel writes ';' — recognised from the header line."""
    kop = tekst.split("\n", 1)[0]
    return ";" if kop.count(";") > kop.count(",") else ","


def _csv_cel(waarde: str) -> str:
    """Undo the export's formula guard: a leading apostrophe before = + - @ ."""
    if len(waarde) > 1 and waarde[0] == "'" and waarde[1] in FORMULE_TEKENS + ("'",):
        return waarde[1:]
    return waarde


def _tabel(naam: str, regels) -> Tabel | None:
    kop: list[str] | None = None
    tabel = None
    for rijnummer, cellen in regels:
        if kop is None:
            if all(_leeg(c) for c in cellen):
                continue
            kop = [str(c).strip().lower() if c is not None else "" for c in cellen]
            tabel = Tabel(naam, kop)
            continue
        if all(_leeg(c) for c in cellen):
            continue
        rij = {k: c for k, c in zip(kop, cellen) if k and not _leeg(c)}
        tabel.rijen.append((rijnummer, rij))
    return tabel


def _leeg(cel: object) -> bool:
    return cel is None or (isinstance(cel, str) and not cel.strip())
