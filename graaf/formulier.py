"""The fields of the site's edit forms, derived from the werkboek contract.

Why from the contract: the form for one initiative must offer exactly the
columns of the ``initiatieven`` sheet, with the same allowed values, so a
column added to the contract appears on the form without template work.
Each field knows its kind (text, date, choice, several choices), its
options (concept labels from the ontology; names of the things a reference
may point to) and its current value as the werkboek cell holds it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from graaf import termen
from graaf.rijen import rijen
from graaf.store import Store
from graaf.vocab import concept
from ingest.contract import (BLAD, BLAD_PER_KLASSE, DATUM, ENUM, GEHEEL, GETAL, JANEE, REF,
                             REGIO, SCHEMAS, Kolom)

#: Dutch labels of the initiative form (the contract's column names are terse).
LABELS = {
    "naam": "Naam", "soort": "Soort", "status": "Status", "opgegaan_in": "Opgegaan in",
    "start": "Startdatum", "eind": "Einddatum", "eigenaar": "Eigenaar",
    "partners": "Partners", "trekker": "Trekker", "inspanningen": "Inspanningen",
    "doelgroepen": "Doelgroepen", "sectoren": "Sectoren", "werkgebied": "Werkgebied",
    "invloedssfeer": "Invloedssfeer", "werkgeversbenadering": "Benadert werkgevers",
    "budget_eur": "Budget (euro)", "financier": "Financiers", "bron": "Bron",
    "laatst_bijgewerkt": "Laatst bijgewerkt", "beschrijving": "Beschrijving"}
Opties = list[tuple[str, str]]


@dataclass
class Veld:
    """One form field: ``soort`` is tekst, tekstvak, datum, getal, keuze or meer."""

    naam: str
    label: str
    soort: str
    waarde: str = ""
    waarden: list[str] = field(default_factory=list)
    opties: Opties = field(default_factory=list)
    verplicht: bool = False
    uitleg: str = ""


def keuzes(store: Store) -> dict[str, Opties]:
    """Per sheet the (id, name) pairs a reference may choose from, by name; plus
    ``gemeenten`` (the organisations a werkgebied may name)."""
    uit: dict[str, Opties] = defaultdict(list)
    for r in rijen(store, "bewerken-keuzes"):
        blad = BLAD_PER_KLASSE.get(URIRef(r["klasse"]))
        if blad is None:
            continue
        uit[blad.naam].append((r["id"], r["naam"]))
        if blad.naam == "organisaties" and r.get("gemeente") == "true":
            uit["gemeenten"].append((r["id"], r["naam"]))
    return {k: sorted(set(v), key=lambda o: (o[1].casefold(), o[0])) for k, v in uit.items()}


def enum_opties(schema: str) -> Opties:
    """The codes of a concept scheme with their Dutch labels, in the contract's order."""
    return [(c, termen.label(concept(schema, c))) for c in SCHEMAS[schema]]


def velden(blad: str, rij: dict[str, object], opties: dict[str, Opties],
           zonder: tuple[str, ...] = ()) -> list[Veld]:
    """The fields of one row of ``blad`` in column order, filled with its cells."""
    return [veld(k, rij.get(k.naam), opties) for k in BLAD[blad].kolommen if k.naam not in zonder]


def veld(kolom: Kolom, cel: object, opties: dict[str, Opties]) -> Veld:
    tekst = "" if cel is None else str(cel)
    v = Veld(kolom.naam, LABELS.get(kolom.naam, kolom.naam.replace("_", " ").capitalize()),
             "tekst", tekst, verplicht=kolom.verplicht,
             uitleg="" if kolom.soort in (REF, ENUM) or kolom.naam == "naam" else kolom.uitleg)
    if kolom.soort == REF:
        v.opties = _ref_opties(kolom, opties)
        v.soort = "meer" if kolom.meervoud else "keuze"
        v.waarden = [d.strip() for d in tekst.split(";") if d.strip()]
    elif kolom.soort == ENUM:
        v.soort, v.opties = "keuze", enum_opties(kolom.schema)
    elif kolom.soort == JANEE:
        v.soort, v.opties = "keuze", [("ja", "ja"), ("nee", "nee")]
    elif kolom.soort == DATUM:
        v.soort = "datum"
    elif kolom.soort in (GETAL, GEHEEL):
        v.soort = "getal"
    elif kolom.naam == "beschrijving":
        v.soort = "tekstvak"
    return v


def _ref_opties(kolom: Kolom, opties: dict[str, Opties]) -> Opties:
    if kolom.naam == "werkgebied":
        return [(REGIO, "De hele regio")] + opties.get("gemeenten", [])
    return [o for doel in kolom.doel for o in opties.get(doel, [])]


def uit_formulier(blad: str, form, zonder: tuple[str, ...] = ()) -> dict[str, str]:
    """The cells of a row from a submitted form (``form``: a MultiDict): several
    choices joined with ';' as in the werkboek; a value is taken as typed."""
    rij: dict[str, str] = {}
    for k in BLAD[blad].kolommen:
        if k.naam in zonder:
            continue
        if k.meervoud:
            rij[k.naam] = ";".join(w.strip() for w in form.getlist(k.naam) if w.strip())
        else:
            rij[k.naam] = (form.get(k.naam) or "").strip()
    return rij
