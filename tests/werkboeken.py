"""Writing small werkboeken (csv folder or xlsx) for tests, from Python rows."""
from __future__ import annotations

import csv
from pathlib import Path

from ingest.contract import BLAD

Rijen = dict[str, list[dict[str, object]]]

#: A tiny valid scan: every sheet that the rules need, nothing more.
KLEIN: Rijen = {
    "organisaties": [
        {"id": "hilversum", "naam": "Gemeente Hilversum", "soort": "gemeente",
         "rol": "kernpartner", "cbs_code": "GM0402"},
        {"id": "huizen", "naam": "Gemeente Huizen", "soort": "gemeente", "cbs_code": "GM0406"},
        {"id": "uwv", "naam": "UWV", "soort": "uwv", "rol": "kernpartner"},
    ],
    "personen": [{"id": "p-jansen", "naam": "A. Jansen", "functie": "kwartiermaker",
                  "organisatie": "hilversum"}],
    "doelen": [
        {"id": "hoofddoel", "naam": "Toekomstbestendige dienstverlening", "soort": "hoofddoel"},
        {"id": "subdoel-1", "naam": "Iedereen doet mee", "soort": "subdoel",
         "bovenliggend": "hoofddoel"},
    ],
    "inspanningen": [{"id": "matching", "naam": "Matching", "doelen": "subdoel-1"}],
    "doelgroepen": [
        {"id": "werkzoekenden", "naam": "Werkzoekenden"},
        {"id": "jongeren", "naam": "Jongeren", "bovenliggend": "werkzoekenden", "focus": "ja"},
    ],
    "initiatieven": [
        {"id": "wsp", "naam": "Werkgeversservicepunt", "soort": "voorziening",
         "status": "lopend", "start": "2020-01-01", "eigenaar": "uwv",
         "partners": "hilversum;huizen", "trekker": "p-jansen", "inspanningen": "matching",
         "doelgroepen": "jongeren", "werkgebied": "regio", "werkgeversbenadering": "ja",
         "budget_eur": "125000", "bron": "001, Tabel 1", "laatst_bijgewerkt": "2026-05-07"},
        {"id": "rmt", "naam": "RMT", "soort": "project", "status": "afgerond",
         "start": "2020-01-01", "eind": "2025-12-12", "eigenaar": "hilversum",
         "werkgebied": "hilversum"},
    ],
}


def schrijf_csv(map_: Path, rijen: Rijen) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    for naam, data in rijen.items():
        kop = list(BLAD[naam].kolomnamen) if naam in BLAD else []
        kop += [k for k in dict.fromkeys(k for r in data for k in r) if k not in kop]
        with open(map_ / f"{naam}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=kop)
            w.writeheader()
            w.writerows(data)
    return map_


def schrijf_xlsx(pad: Path, rijen: Rijen) -> Path:
    from openpyxl import Workbook

    boek = Workbook()
    boek.remove(boek.active)
    for naam, data in rijen.items():
        kop = list(BLAD[naam].kolomnamen) if naam in BLAD else []
        kop += [k for k in dict.fromkeys(k for r in data for k in r) if k not in kop]
        blad = boek.create_sheet(naam)
        blad.append(kop)
        for r in data:
            blad.append([r.get(k) for k in kop])
    boek.save(pad)
    return pad


def met(rijen: Rijen, blad: str, index: int, **wijziging: object) -> Rijen:
    """A copy of ``rijen`` with one row changed (or added when index == len)."""
    kopie = {k: [dict(r) for r in v] for k, v in rijen.items()}
    if index == len(kopie.setdefault(blad, [])):
        kopie[blad].append({})
    kopie[blad][index].update(wijziging)
    return kopie
