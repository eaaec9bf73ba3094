"""Writing the current scan back out: as a werkboek (xlsx, csv) or as RDF.

The werkboek is the inverse of ``ingest.omzetten`` driven by the same
contract, so ``export → ingest`` gives back an identical graph. Cells that a
spreadsheet would run as a formula are written as text (xlsx) or guarded
with a leading apostrophe (csv, undone by the reader).
"""
from __future__ import annotations

import csv
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from urllib.parse import unquote

from graaf.vocab import DEF, HELE_REGIO, KOLOM
from ingest.contract import BLADEN, DATUM, ENUM, GETAL, JANEE, REF, REGIO, Blad, Kolom
from ingest.lezen import FORMULE_TEKENS

Rijen = dict[str, tuple[list[str], list[list[object]]]]


def naar_rijen(g: Graph) -> Rijen:
    """Sheet name → (header, rows) for every sheet of the contract, ids sorted."""
    ids = {s: str(o) for s, o in g.subject_objects(DCTERMS.identifier)}
    uit: Rijen = {}
    for blad in BLADEN:
        onderwerpen = sorted((s for s in g.subjects(RDF.type, blad.klasse) if s in ids),
                             key=lambda s: ids[s])
        extra = sorted({unquote(str(p)[len(str(KOLOM)):]) for s in onderwerpen
                        for p in g.predicates(s) if str(p).startswith(str(KOLOM))})
        kop = list(blad.kolomnamen) + extra
        rijen = [[ids[s]] + [_cel(g, s, k, ids) for k in blad.kolommen]
                 + [_extra(g, s, naam) for naam in extra] for s in onderwerpen]
        uit[blad.naam] = (kop, rijen)
    return uit


def _cel(g: Graph, s: URIRef, kolom: Kolom, ids: dict) -> object:
    waarden = sorted((_waarde(o, kolom, ids) for o in g.objects(s, kolom.predicaat)),
                     key=str)
    if not waarden:
        return None
    if len(waarden) == 1:
        return waarden[0]
    return ";".join(str(w) for w in waarden)


def _waarde(o: object, kolom: Kolom, ids: dict) -> object:
    if kolom.soort == REF:
        if o == HELE_REGIO or (kolom.naam == "werkgebied" and "/id/regio/" in str(o)):
            return REGIO  # the whole region of the initiative (a scan:Regio)
        return ids.get(o, str(o).rsplit("/", 1)[-1])
    if kolom.soort == ENUM:
        return str(o)[len(DEF):].split("/", 1)[1]
    if kolom.soort == JANEE:
        return "ja" if str(o) == "true" else "nee"
    if kolom.soort == GETAL and isinstance(o, Literal):
        return _getal(str(o))
    return str(o)


def _getal(lex: str) -> object:
    """Numbers as numbers in Excel, unless a float would lose digits."""
    try:
        if "." not in lex:
            return int(lex)
        f = float(lex)
        return f if repr(f) == lex else lex
    except ValueError:
        return lex


def _extra(g: Graph, s: URIRef, naam: str) -> object:
    from urllib.parse import quote

    return g.value(s, KOLOM[quote(naam, safe="")])


def is_formule(waarde: object) -> bool:
    return isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS)


def schrijf_xlsx(rijen: Rijen, pad: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    for naam, (kop, data) in rijen.items():
        blad = boek.create_sheet(naam)
        blad.append(kop)
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for rij in data:
            blad.append(rij)
        for rij in blad.iter_rows(min_row=2):
            for cel in rij:
                if is_formule(cel.value):
                    cel.data_type = "s"  # text, never evaluated as a formula
        blad.freeze_panes = "B2"
    boek.save(pad)


def schrijf_csv(rijen: Rijen, map_: Path) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    for naam, (kop, data) in rijen.items():
        with open(map_ / f"{naam}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(kop)
            for rij in data:
                w.writerow(["" if c is None else _csv_veilig(c) for c in rij])


def _csv_veilig(waarde: object) -> object:
    if isinstance(waarde, str) and (is_formule(waarde) or waarde.startswith("'")) \
            and len(waarde) > 1 and waarde[1:2] != "" and not _is_getal(waarde):
        return "'" + waarde
    return waarde


def _is_getal(tekst: str) -> bool:
    try:
        float(tekst)
        return True
    except ValueError:
        return False
