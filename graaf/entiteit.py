"""What the page of one thing in the scan shows: its values and what links to it.

Every organisation, initiative, doel … has a URI ``{base}/id/{segment}/{id}``
that dereferences to a page (ontwerp §6). This module turns the thing's
triples into what a reader needs: names instead of URIs, Dutch property names
from the ontology, and the incoming links grouped by property (an
organisation lists the initiatives it owns; a doel its inspanningen), because
those are exactly the questions the board asks of a partner or a goal.

Personal data (ontwerp §3) is shielded here, in one place for the HTML page,
its JSON twin and the RDF: unless the caller may see it, a person shows no
name, function or e-mail and references to a person read "(afgeschermd)".
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graaf import queries, termen
from graaf.store import Store
from graaf.vocab import SCAN
from ingest.contract import BLAD_PER_SEGMENT

AFGESCHERMD = "(afgeschermd)"
PERSOON = str(SCAN.Persoon)
#: Shown above the table (name, description) or not at all (type, the kind).
_APART = {str(RDFS.label), str(SKOS.prefLabel), str(DCTERMS.description), str(RDF.type)}
#: RDF serialisations of a thing's description (engine format codes).
RDF_FORMATEN = ("ttl", "jsonld", "nt")


@dataclass
class Waarde:
    """One value: text, and where it links (a page on this site, or an external URL)."""

    tekst: str
    pad: str | None = None
    uri: str | None = None
    soort: str = ""
    extern: bool = False


@dataclass
class Eigenschap:
    """A property with its Dutch name and its values, in reading order."""

    label: str
    uri: str
    waarden: list[Waarde] = field(default_factory=list)


@dataclass
class Entiteit:
    """Everything the page of one thing shows (also its JSON twin)."""

    uri: str
    segment: str
    id: str
    naam: str
    soort: str
    soort_pad: str | None
    beschrijving: str
    eigenschappen: list[Eigenschap]
    verwijzingen: list[Eigenschap]
    afgeschermd: bool = False


def data_uri(base: str, segment: str, ident: str) -> URIRef:
    """The URI of a thing from its werkboek segment and id."""
    return URIRef(f"{base.rstrip('/')}/id/{segment}/{ident}")


def bestaat(store: Store, uri: URIRef) -> tuple[bool, bool]:
    """(exists in the current version, is a person), in one query."""
    rijen = store.query(queries.get("entiteit-bestaat").sparql, bindings={"ding": uri})
    if not rijen:
        return False, False
    return True, bool(rijen[0].get("persoon") and rijen[0]["persoon"].toPython())


def beschrijf(store: Store, base: str, segment: str, ident: str,
              persoonsgegevens: bool) -> Entiteit | None:
    """The page of ``{base}/id/{segment}/{ident}``; None when it is not in the scan."""
    if segment not in BLAD_PER_SEGMENT:
        return None
    uri = data_uri(base, segment, ident)
    gevonden, is_persoon = bestaat(store, uri)
    if not gevonden:
        return None
    blad = BLAD_PER_SEGMENT[segment]
    soort = termen.label(str(blad.klasse))
    if is_persoon and not persoonsgegevens:
        return Entiteit(str(uri), segment, ident, f"{soort.capitalize()} {AFGESCHERMD}", soort,
                        termen.pad(str(blad.klasse), base), "", [], [], afgeschermd=True)
    rijen = store.query(queries.get("entiteit-eigenschappen").sparql, bindings={"ding": uri})
    waarden = _per_eigenschap(rijen, "o", base, persoonsgegevens)
    naam = _eerste(waarden, RDFS.label) or _eerste(waarden, SKOS.prefLabel) or ident
    inkomend = store.query(queries.get("entiteit-verwijzingen").sparql, bindings={"ding": uri})
    return Entiteit(
        str(uri), segment, ident, naam, soort, termen.pad(str(blad.klasse), base),
        _eerste(waarden, DCTERMS.description), _ordenen(waarden, _kolomvolgorde(segment)),
        _verwijzingen(_per_eigenschap(inkomend, "bron", base, persoonsgegevens)))


def rdf(store: Store, uri: URIRef, formaat: str, persoonsgegevens: bool) -> bytes:
    """The thing's description serialised by the engine (ttl, jsonld, nt)."""
    code = "entiteit-rdf" if persoonsgegevens else "entiteit-rdf-afgeschermd"
    return store.query_formaat(queries.get(code).sparql, formaat, bindings={"ding": uri})


def _per_eigenschap(rijen: list[dict[str, Node]], kolom: str, base: str,
                    persoonsgegevens: bool) -> dict[str, list[Waarde]]:
    """Rows (one per value, name and class) → property URI → distinct values."""
    uit: dict[str, dict[str, Waarde]] = {}  # a shielded person still counts once
    for rij in rijen:
        w = _waarde(rij[kolom], rij.get("naam"), rij.get("klasse"), base, persoonsgegevens)
        if str(rij["p"]) == str(SCAN.werkgebied) and str(rij.get("klasse")) == str(SCAN.Regio):
            w = replace(w, tekst="hele regio")  # werkgebied 'regio': all of its own region
        uit.setdefault(str(rij["p"]), {}).setdefault(str(rij[kolom]), w)
    return {p: sorted(ws.values(), key=lambda w: (w.tekst.casefold(), w.pad or ""))
            for p, ws in uit.items()}


def _waarde(term: Node, naam: Node | None, klasse: Node | None, base: str,
            persoonsgegevens: bool) -> Waarde:
    """One value as text and link: a thing by its name, a concept by its label."""
    if isinstance(term, Literal):
        return Waarde(_literal(term))
    uri = str(term)
    soort = termen.klasse(str(klasse)) if klasse is not None else None
    if klasse is not None and str(klasse) == PERSOON and not persoonsgegevens:
        return Waarde(AFGESCHERMD, soort=soort[0] if soort else "")
    pad = termen.pad(uri, base)
    if naam is not None:
        return Waarde(str(naam), pad, uri, soort[0] if soort else "")
    if termen.is_concept(term) or uri.startswith(str(SCAN)):
        return Waarde(termen.label(uri), pad, uri)
    return Waarde(uri, pad, uri, extern=pad is None)


def _literal(term: Literal) -> str:
    """A literal as a Dutch reader expects it (ja/nee, decimal comma)."""
    if term.datatype == XSD.boolean:
        return "ja" if term.toPython() is True else "nee"
    if term.datatype == XSD.decimal:
        return str(term).replace(".", ",")
    return str(term)


def _eerste(waarden: dict[str, list[Waarde]], p: URIRef) -> str:
    lijst = waarden.get(str(p))
    return lijst[0].tekst if lijst else ""


def _kolomvolgorde(segment: str) -> list[str]:
    """Property URIs in the order of the werkboek columns, then the id."""
    kolommen = BLAD_PER_SEGMENT[segment].kolommen
    return [str(k.predicaat) for k in kolommen] + [str(DCTERMS.identifier)]


def _ordenen(waarden: dict[str, list[Waarde]], volgorde: list[str]) -> list[Eigenschap]:
    """The table of values: werkboek column order first, extra columns after."""
    rang = {p: i for i, p in enumerate(volgorde)}
    sleutels = sorted((p for p in waarden if p not in _APART),
                      key=lambda p: (rang.get(p, len(rang)), termen.label(p)))
    return [Eigenschap(termen.label(p), p, waarden[p]) for p in sleutels]


def _verwijzingen(waarden: dict[str, list[Waarde]]) -> list[Eigenschap]:
    """Incoming links grouped by property, in the order of ``termen.OMGEKEERD``."""
    rang = {p: i for i, p in enumerate(termen.OMGEKEERD)}
    sleutels = sorted(waarden, key=lambda p: (rang.get(p, len(rang)), p))
    return [Eigenschap(termen.omgekeerd_label(p), p, waarden[p]) for p in sleutels]
