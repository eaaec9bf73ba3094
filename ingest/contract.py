"""The scan-werkboek contract (ontwerp §4) as data.

One table describes every sheet and column: which RDF class a row becomes,
which predicate a column fills, what values it accepts. The reader, the
validator, the RDF mapping and the exporter are all driven by it, so a
column added here is read, checked, stored and exported without further code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDFS, SKOS

from graaf.vocab import SCAN

TEKST, REF, ENUM, DATUM, GETAL, GEHEEL, JANEE, URL = (
    "tekst", "ref", "enum", "datum", "getal", "geheel", "janee", "url")

#: The value of ``werkgebied`` that means the whole region (of the row's initiative).
REGIO = "regio"

#: The region of a werkboek without a ``regios`` sheet: (id, naam), overridable by
#: ``GRAAF_REGIO_ID`` / ``GRAAF_REGIO_NAAM``. One region needs no extra columns.
STANDAARD_REGIO = ("regio", "De regio")

#: Sheets whose rows belong to one region (column ``regio``). With several
#: regions in a werkboek the column is required there; in ``organisaties`` only
#: for gemeenten (national organisations such as UWV and SBB are shared).
REGIONALE_BLADEN = ("organisaties", "gremia", "opgaven", "doelen", "inspanningen",
                    "doelgroepen", "sectoren", "initiatieven", "indicatoren")

#: Allowed codes per fixed concept scheme (labels live in the ontology).
SCHEMAS: dict[str, tuple[str, ...]] = {
    "organisatiesoort": (
        "gemeente", "uwv", "sbb", "onderwijsinstelling", "werkgeversorganisatie",
        "werknemersorganisatie", "regio-organisatie", "uitvoeringsorganisatie",
        "maatschappelijke-organisatie", "bedrijf", "overig"),
    "rol": ("kernpartner", "strategisch-partner", "samenwerkingspartner", "extern"),
    "gremiumsoort": ("bestuurlijk", "ambtelijk", "uitvoerend", "adviserend"),
    "doelsoort": ("hoofddoel", "subdoel"),
    "initiatiefsoort": (
        "project", "programma", "netwerk", "voorziening", "beleidsterrein", "pilot"),
    "status": ("gepland", "lopend", "afgerond", "gestopt", "opgegaan-in"),
    "invloedssfeer": ("eigen", "partner", "omgeving"),
    "besluit": ("verbinden", "niet-verbinden", "pilot", "aanhouden"),
}

#: Statuses that count as "lopend" in every check (ontwerp §5).
LOPEND = ("gepland", "lopend")


@dataclass(frozen=True)
class Kolom:
    """One column: its cell type and the predicate its values become."""

    naam: str
    soort: str
    predicaat: URIRef
    doel: tuple[str, ...] = ()      # sheets a REF column may point into
    schema: str | None = None       # concept scheme of an ENUM column
    meervoud: bool = False          # ';'-separated list of values
    verplicht: bool = False
    uitleg: str = ""                # Dutch: what the column expects


@dataclass(frozen=True)
class Blad:
    """One sheet: the class of its rows and the URI segment of their ids."""

    naam: str
    segment: str
    klasse: URIRef
    kolommen: tuple[Kolom, ...]
    extra_types: tuple[URIRef, ...] = field(default=())

    def kolom(self, naam: str) -> Kolom | None:
        return next((k for k in self.kolommen if k.naam == naam), None)

    @property
    def kolomnamen(self) -> tuple[str, ...]:
        return ("id",) + tuple(k.naam for k in self.kolommen)


def _k(naam: str, soort: str, predicaat: URIRef, *doel: str, schema: str | None = None,
       meervoud: bool = False, verplicht: bool = False, uitleg: str = "") -> Kolom:
    return Kolom(naam, soort, predicaat, tuple(doel), schema, meervoud, verplicht, uitleg)


NAAM = _k("naam", TEKST, RDFS.label, verplicht=True, uitleg="een naam")
LABEL = _k("naam", TEKST, SKOS.prefLabel, verplicht=True, uitleg="een naam")
BESCHRIJVING = _k("beschrijving", TEKST, DCTERMS.description)
BRON = _k("bron", TEKST, DCTERMS.source,
          uitleg="de bron: bestandsnaam van het brondocument, met paragraaf of tabel")


def _soort(schema: str, verplicht: bool = True) -> Kolom:
    return _k("soort", ENUM, SCAN.soort, schema=schema, verplicht=verplicht)


REGIO_KOLOM = _k("regio", REF, SCAN.regio, "regios",
                 uitleg="het id van een regio uit het blad regios")

BLADEN: tuple[Blad, ...] = (
    Blad("regios", "regio", SCAN.Regio, (NAAM, BESCHRIJVING, BRON)),
    Blad("organisaties", "organisatie", SCAN.Organisatie, (
        NAAM, _soort("organisatiesoort"),
        _k("rol", ENUM, SCAN.rol, schema="rol"),
        _k("cbs_code", TEKST, SCAN.cbsCode, uitleg="een CBS-gemeentecode zoals GM0402"),
        _k("website", URL, FOAF.homepage, uitleg="een webadres dat begint met https://"),
        _k("opmerking", TEKST, RDFS.comment), BRON)),
    Blad("personen", "persoon", SCAN.Persoon, (
        NAAM, _k("functie", TEKST, SCAN.functie),
        _k("organisatie", REF, ORG.memberOf, "organisaties"),
        _k("email", TEKST, FOAF.mbox, uitleg="een e-mailadres"), BRON)),
    Blad("gremia", "gremium", SCAN.Gremium, (
        NAAM, _soort("gremiumsoort", verplicht=False),
        _k("leden", REF, ORG.hasMember, "organisaties", meervoud=True),
        _k("voorzitter", REF, SCAN.voorzitter, "personen"),
        _k("actief_tot", DATUM, SCAN.actiefTot), BESCHRIJVING, BRON)),
    Blad("opgaven", "opgave", SCAN.Opgave, (LABEL, BESCHRIJVING, BRON),
         extra_types=(SKOS.Concept,)),
    Blad("doelen", "doel", SCAN.Doel, (
        NAAM, _soort("doelsoort"),
        _k("bovenliggend", REF, SCAN.bovenliggendDoel, "doelen"),
        _k("opgaven", REF, SCAN.opgave, "opgaven", meervoud=True),
        BESCHRIJVING, BRON)),
    Blad("inspanningen", "inspanning", SCAN.Inspanning, (
        NAAM, _k("doelen", REF, SCAN.draagtBijAan, "doelen", meervoud=True),
        BESCHRIJVING, BRON)),
    Blad("doelgroepen", "doelgroep", SCAN.Doelgroep, (
        LABEL, _k("bovenliggend", REF, SKOS.broader, "doelgroepen"),
        _k("focus", JANEE, SCAN.focus), BESCHRIJVING, BRON),
        extra_types=(SKOS.Concept,)),
    Blad("sectoren", "sector", SCAN.Sector, (
        LABEL, _k("bovenliggend", REF, SKOS.broader, "sectoren"),
        _k("focus", JANEE, SCAN.focus), BESCHRIJVING, BRON),
        extra_types=(SKOS.Concept,)),
    Blad("initiatieven", "initiatief", SCAN.Initiatief, (
        NAAM, _soort("initiatiefsoort"),
        _k("status", ENUM, SCAN.status, schema="status", verplicht=True),
        _k("opgegaan_in", REF, SCAN.opgegaanIn, "initiatieven",
           uitleg="het id van het initiatief waarin dit is opgegaan"),
        _k("start", DATUM, SCAN.start), _k("eind", DATUM, SCAN.eind),
        _k("eigenaar", REF, SCAN.eigenaar, "organisaties"),
        _k("partners", REF, SCAN.partner, "organisaties", meervoud=True),
        _k("trekker", REF, SCAN.trekker, "personen"),
        _k("inspanningen", REF, SCAN.realiseert, "inspanningen", meervoud=True),
        _k("doelgroepen", REF, SCAN.doelgroep, "doelgroepen", meervoud=True),
        _k("sectoren", REF, SCAN.sector, "sectoren", meervoud=True),
        _k("werkgebied", REF, SCAN.werkgebied, "organisaties", meervoud=True,
           uitleg="ids van gemeenten uit het blad organisaties, of 'regio'"),
        _k("invloedssfeer", ENUM, SCAN.invloedssfeer, schema="invloedssfeer"),
        _k("werkgeversbenadering", JANEE, SCAN.werkgeversbenadering),
        _k("budget_eur", GETAL, SCAN.budgetEur, uitleg="een bedrag in euro, zonder punten"),
        _k("financier", REF, SCAN.financier, "organisaties", meervoud=True),
        BRON, _k("laatst_bijgewerkt", DATUM, DCTERMS.modified), BESCHRIJVING)),
    Blad("indicatoren", "indicator", SCAN.Indicator, (
        NAAM, _k("waarde", GETAL, SCAN.waarde, verplicht=True),
        _k("eenheid", TEKST, SCAN.eenheid), _k("peildatum", DATUM, SCAN.peildatum),
        _k("sector", REF, SCAN.sector, "sectoren"),
        _k("doelgroep", REF, SCAN.doelgroep, "doelgroepen"), BRON)),
    Blad("criteria", "criterium", SCAN.Criterium, (
        NAAM, _k("gewicht", GETAL, SCAN.gewicht, verplicht=True,
                 uitleg="een gewicht, een getal van 0 of meer"),
        BESCHRIJVING, BRON)),
    Blad("afwegingen", "afweging", SCAN.Afweging, (
        _k("onderwerp", REF, SCAN.onderwerp, "initiatieven", "organisaties", verplicht=True),
        _k("criterium", REF, SCAN.criterium, "criteria", verplicht=True),
        _k("score", GEHEEL, SCAN.score, verplicht=True, uitleg="een score van 0 tot en met 3"),
        _k("toelichting", TEKST, SCAN.toelichting),
        _k("beoordelaar", TEKST, SCAN.beoordelaar),
        _k("datum", DATUM, DCTERMS.date), BRON)),
    Blad("besluiten", "besluit", SCAN.Besluit, (
        _k("onderwerp", REF, SCAN.onderwerp, "initiatieven", "organisaties", verplicht=True),
        _k("besluit", ENUM, SCAN.besluit, schema="besluit", verplicht=True),
        _k("datum", DATUM, DCTERMS.date, verplicht=True),
        _k("gremium", REF, SCAN.gremium, "gremia"),
        _k("toelichting", TEKST, SCAN.toelichting), BRON)),
)

BLADEN = tuple(Blad(b.naam, b.segment, b.klasse, b.kolommen + (REGIO_KOLOM,), b.extra_types)
               if b.naam in REGIONALE_BLADEN else b for b in BLADEN)

BLAD: dict[str, Blad] = {b.naam: b for b in BLADEN}
BLAD_PER_SEGMENT: dict[str, Blad] = {b.segment: b for b in BLADEN}
BLAD_PER_KLASSE: dict[URIRef, Blad] = {b.klasse: b for b in BLADEN}
