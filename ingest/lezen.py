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
    # so entity expansion is refused rather than performed.
    import openpyxl

    from ingest.zipcontrole import controleer_zip

    controleer_zip(pad, xml=True)
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - any parse failure is the user's file
        raise ScanFout(f"Het Excel-bestand kan niet gelezen worden ({type(e).__name__}). "
                       "Sla het opnieuw op als .xlsx-werkboek.", pad.name) from e
    werkboek: Werkboek = {}
    try:
        for blad in boek.worksheets:
            regels = ((i, list(r)) for i, r in enumerate(blad.iter_rows(values_only=True), 1))
            tabel = _tabel(blad.title.strip().lower(), regels)
            if tabel:
                werkboek[tabel.naam] = tabel
    finally:
        boek.close()
    return werkboek, []


def _lees_csv_map(map_: Path) -> tuple[Werkboek, list[Bevinding]]:
    bestanden = sorted(map_.glob("*.csv"))
    if not bestanden:
        raise ScanFout("De map bevat geen .csv-bestanden (één per blad, bijvoorbeeld "
                       "initiatieven.csv).", str(map_))
    return _lees_csv_teksten((b.stem, b.read_bytes()) for b in bestanden)


def _lees_csv_zip(pad: Path) -> tuple[Werkboek, list[Bevinding]]:
    from ingest.zipcontrole import controleer_zip

    controleer_zip(pad)
    try:
        with zipfile.ZipFile(pad) as z:
            namen = [n for n in z.namelist() if n.lower().endswith(".csv") and "/." not in n]
            inhoud = [(Path(n).stem, z.read(n)) for n in sorted(namen)]
    except zipfile.BadZipFile as e:
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
