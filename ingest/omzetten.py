"""From werkboek rows to RDF, with every problem as a located Dutch finding.

Two passes: first every sheet's ids (so references can point forward and
duplicates are found), then every cell through its column's converter. The
rules a row must meet across cells (a gemeente in werkgebied, a cycle in
``bovenliggend``) live in ``ingest.regels``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from graaf.fouten import Bevinding
from graaf.vocab import KOLOM, SCAN, concept
from ingest import cellen
from ingest.cellen import CelFout
from ingest.contract import (BLAD, BLADEN, DATUM, ENUM, GEHEEL, GETAL, JANEE, REF, REGIO,
                             SCHEMAS, STANDAARD_REGIO, URL, Blad, Kolom)
from ingest.lezen import Tabel, Werkboek
from ingest.ntriples import Triples


def uri(base: str, blad: Blad, id_: str) -> URIRef:
    """The documented URI pattern: ``{base}/id/{segment}/{id}``."""
    return URIRef(f"{base.rstrip('/')}/id/{blad.segment}/{id_}")


@dataclass
class Omzetting:
    """The graph of a werkboek plus where each subject came from (for SHACL findings)."""

    graaf: Triples = field(default_factory=Triples)
    bevindingen: list[Bevinding] = field(default_factory=list)
    herkomst: dict[URIRef, tuple[str, int]] = field(default_factory=dict)
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    termen: dict = field(default_factory=dict)
    #: The region every row belongs to unless it says otherwise (None: several regions).
    standaard_regio: URIRef | None = None
    #: The region of the row being converted (werkgebied 'regio' means this one).
    rij_regio: URIRef | None = None

    def fout(self, melding: str, blad: str | None = None, rij: int | None = None,
             kolom: str | None = None, waarde: object = None, ernst: str = "fout") -> None:
        w = None if waarde is None else cellen.tekst(waarde)
        self.bevindingen.append(Bevinding(melding, blad, rij, kolom, w, ernst))


def zet_om(werkboek: Werkboek, base: str) -> Omzetting:
    uit = Omzetting()
    for naam in sorted(set(werkboek) - set(BLAD)):
        uit.fout(f"Onbekend blad '{naam}': het wordt niet gelezen. Geldige bladen: "
                 f"{', '.join(BLAD)}.", naam, ernst="let-op")
    for blad in BLADEN:
        if blad.naam in werkboek:
            _verzamel_ids(werkboek[blad.naam], blad, uit)
    _standaard_regio(uit, base)
    for blad in BLADEN:
        if blad.naam in werkboek:
            _zet_blad_om(werkboek[blad.naam], blad, base, uit)
    return uit


def _verzamel_ids(tabel: Tabel, blad: Blad, uit: Omzetting) -> None:
    ids: dict[str, int] = {}
    if "id" not in tabel.kolommen:
        uit.fout("De kolom 'id' ontbreekt. Zet in rij 1 de kolomnamen, te beginnen met "
                 "'id'.", blad.naam, 1)
    for rijnr, rij in tabel.rijen:
        id_ = cellen.tekst(rij.get("id", ""))
        if not id_:
            uit.fout("Het id ontbreekt. Geef elke rij een uniek id van kleine letters, "
                     "cijfers en streepjes.", blad.naam, rijnr, "id")
        elif not cellen.ID_PATROON.match(id_):
            uit.fout("Ongeldig id: gebruik alleen kleine letters a-z, cijfers en "
                     "streepjes, bijvoorbeeld 'wsp-gooi'.", blad.naam, rijnr, "id", id_)
        elif id_ in ids:
            uit.fout(f"Dubbel id: dit id staat ook in rij {ids[id_]}. Elk id mag maar één "
                     "keer voorkomen per blad.", blad.naam, rijnr, "id", id_)
        else:
            ids[id_] = rijnr
    uit.ids[blad.naam] = ids


def _standaard_regio(uit: Omzetting, base: str) -> None:
    """One region needs no ``regio`` column: without a ``regios`` sheet the werkboek
    is one region (named by configuration), with one row that row is the region."""
    regios = uit.ids.get("regios", {})
    if len(regios) == 1:
        uit.standaard_regio = uri(base, BLAD["regios"], next(iter(regios)))
    elif not regios:
        id_ = os.environ.get("GRAAF_REGIO_ID") or STANDAARD_REGIO[0]
        naam = os.environ.get("GRAAF_REGIO_NAAM") or STANDAARD_REGIO[1]
        s = uit.standaard_regio = uri(base, BLAD["regios"], id_)
        for t in ((s, RDF.type, SCAN.Regio), (s, DCTERMS.identifier, Literal(id_)),
                  (s, RDFS.label, Literal(naam))):
            uit.graaf.add(t)


def _rij_regio(blad: Blad, rij: dict, rijnr: int, s: URIRef, base: str,
               uit: Omzetting) -> None:
    """Which region the row belongs to; the default region is written out explicitly."""
    uit.rij_regio = None
    if blad.kolom("regio") is None:
        return
    waarde = cellen.tekst(rij.get("regio", ""))
    if waarde:
        if waarde in uit.ids.get("regios", {}):
            uit.rij_regio = uri(base, BLAD["regios"], waarde)
        return  # an unknown id is reported by the column's own conversion
    if blad.naam == "organisaties" and cellen.tekst(rij.get("soort", "")).lower() != "gemeente":
        return  # national organisations (UWV, SBB) belong to no single region
    if uit.standaard_regio is None:
        uit.fout("Dit werkboek heeft meer dan één regio: vul het id van de regio in "
                 "(uit het blad regios).", blad.naam, rijnr, "regio")
        return
    uit.rij_regio = uit.standaard_regio
    uit.graaf.add((s, SCAN.regio, uit.standaard_regio))


def _zet_blad_om(tabel: Tabel, blad: Blad, base: str, uit: Omzetting) -> None:
    bekend = set(blad.kolomnamen)
    extra = [k for k in tabel.kolommen if k and k not in bekend]
    for k in extra:
        uit.fout(f"Kolom '{k}' hoort niet bij het werkboek; de waarden worden bewaard "
                 "als extra gegevens en komen terug bij export.", blad.naam, 1, k,
                 ernst="let-op")
    g = uit.graaf
    for rijnr, rij in tabel.rijen:
        id_ = cellen.tekst(rij.get("id", ""))
        if uit.ids[blad.naam].get(id_) != rijnr:
            continue  # the id itself was refused; its cells would only add noise
        s = uri(base, blad, id_)
        uit.herkomst[s] = (blad.naam, rijnr)
        g.add((s, RDF.type, blad.klasse))
        for t in blad.extra_types:
            g.add((s, RDF.type, t))
        g.add((s, DCTERMS.identifier, Literal(id_)))
        _rij_regio(blad, rij, rijnr, s, base, uit)
        for kolom in blad.kolommen:
            _zet_cel_om(s, kolom, rij.get(kolom.naam), blad, rijnr, base, uit)
        for k in extra:
            if k in rij:
                g.add((s, KOLOM[quote(k, safe="")], Literal(cellen.tekst(rij[k]))))


def _zet_cel_om(s: URIRef, kolom: Kolom, waarde: object, blad: Blad, rijnr: int,
                base: str, uit: Omzetting) -> None:
    if waarde is None:
        if kolom.verplicht:
            wat = kolom.uitleg or "een waarde"
            uit.fout(f"Deze kolom is verplicht maar leeg: vul {wat} in.",
                     blad.naam, rijnr, kolom.naam)
        return
    delen: list[object] = [waarde]
    if kolom.meervoud or kolom.soort in (REF, ENUM):
        delen = [d.strip() for d in cellen.tekst(waarde).split(";") if d.strip()]
        if len(delen) > 1 and not kolom.meervoud:
            uit.fout("Hier past maar één waarde; haal de ';' en de andere waarden weg.",
                     blad.naam, rijnr, kolom.naam, waarde)
            return
    for deel in delen:
        try:
            if kolom.naam == "werkgebied" and cellen.tekst(deel).lower() == REGIO:
                uit.graaf.add((s, kolom.predicaat, _hele_regio(uit)))
                continue
            uit.graaf.add((s, kolom.predicaat, _term_onthouden(kolom, deel, base, uit)))
        except CelFout as e:
            uit.fout(str(e), blad.naam, rijnr, kolom.naam, deel)


def _term_onthouden(kolom: Kolom, waarde: object, base: str, uit: Omzetting):
    """Cells repeat (statuses, references, dates): convert each distinct one once."""
    sleutel = (kolom, waarde)
    if sleutel not in uit.termen:
        try:
            uit.termen[sleutel] = _term(kolom, waarde, base, uit)
        except CelFout as e:
            uit.termen[sleutel] = e
    term = uit.termen[sleutel]
    if isinstance(term, CelFout):
        raise term
    return term


def _term(kolom: Kolom, waarde: object, base: str, uit: Omzetting):
    soort = kolom.soort
    if soort == REF:
        return _verwijzing(kolom, cellen.tekst(waarde), base, uit)
    if soort == ENUM:
        code = cellen.tekst(waarde).lower()
        if code not in SCHEMAS[kolom.schema]:
            raise CelFout(f"Onbekende waarde. Kies uit: {', '.join(SCHEMAS[kolom.schema])}.")
        return URIRef(concept(kolom.schema, code))
    conversie = {DATUM: cellen.datum, GETAL: cellen.getal, GEHEEL: cellen.geheel,
                 JANEE: cellen.janee, URL: cellen.url}.get(soort)
    return conversie(waarde) if conversie else Literal(cellen.tekst(waarde))


def _hele_regio(uit: Omzetting) -> URIRef:
    """Werkgebied 'regio': every gemeente of this initiative's own region."""
    if uit.rij_regio is None:
        raise CelFout("Werkgebied 'regio' betekent de hele regio van het initiatief, maar "
                      "deze rij heeft geen (geldige) regio: vul kolom regio in.")
    return uit.rij_regio


def _verwijzing(kolom: Kolom, id_: str, base: str, uit: Omzetting) -> URIRef:
    gevonden = [BLAD[d] for d in kolom.doel if id_ in uit.ids.get(d, {})]
    if len(gevonden) > 1:
        raise CelFout(f"Het id '{id_}' komt voor in de bladen "
                      f"{' en '.join(b.naam for b in gevonden)}; maak het id uniek.")
    if not gevonden:
        waar = " of ".join(f"'{d}'" for d in kolom.doel)
        extra = " of 'regio' voor de hele regio" if kolom.naam == "werkgebied" else ""
        raise CelFout(f"Onbekende verwijzing: er is geen rij met id '{id_}' in blad {waar}"
                      f"{extra}. Controleer de spelling of voeg de rij toe.")
    return uri(base, gevonden[0], id_)
