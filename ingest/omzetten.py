"""From werkboek rows to RDF, with every problem as a located Dutch finding.

Two passes: first every sheet's ids (so references can point forward and
duplicates are found), then every cell through its column's converter. The
rules a row must meet across cells (a gemeente in werkgebied, a cycle in
``bovenliggend``) live in ``ingest.regels``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from graaf.fouten import Bevinding
from graaf.vocab import HELE_REGIO, KOLOM, concept
from ingest import cellen
from ingest.cellen import CelFout
from ingest.contract import (BLAD, BLADEN, DATUM, ENUM, GEHEEL, GETAL, JANEE, REF, REGIO,
                             SCHEMAS, URL, Blad, Kolom)
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


def _verwijzing(kolom: Kolom, id_: str, base: str, uit: Omzetting) -> URIRef:
    if kolom.naam == "werkgebied" and id_.lower() == REGIO:
        return HELE_REGIO
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
