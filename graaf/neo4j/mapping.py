"""The rules that name labels, relationship types and property keys, and type values.

Everything is derived: a label is the local name of an ``rdf:type`` (plus the
scheme of a SKOS concept), a relationship type the UPPER_SNAKE local name of
the predicate, a property key its local name; the ontology's ``rdfs:range``
decides the value type. A new class or property in ``ontologie/`` therefore
needs no change here. Names that would collide get the vocabulary prefix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from graaf.vocab import PREFIXES

#: Label every exported node carries; its ``uri`` is unique (one constraint).
DING = "Ding"
#: Property key that holds the node's URI.
URI = "uri"

_GEHEEL = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
           XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
           XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}
_KOMMA = {XSD.decimal, XSD.double, XSD.float}
#: XSD datatype → Neo4j property type (the import tool's names; Cypher INTEGER,
#: FLOAT, BOOLEAN, DATE, ZONED DATETIME and STRING).
SOORTEN = {str(d): soort for d, soort in [
    *((d, "long") for d in _GEHEEL), *((d, "double") for d in _KOMMA),
    (XSD.boolean, "boolean"), (XSD.date, "date"), (XSD.dateTime, "datetime")]}
_LONG = 2 ** 63


def lokale_naam(uri: str) -> str:
    """The part after the last ``#`` or ``/``, as RDF tools show a term."""
    return re.split(r"[#/]", uri.rstrip("/#"))[-1]


def veilig(naam: str) -> str:
    naam = re.sub(r"[^0-9A-Za-z_]", "_", naam)
    return naam if naam and not naam[0].isdigit() else f"_{naam}"


def _prefix(uri: str) -> str:
    kandidaten = [(len(ns), p) for p, ns in PREFIXES.items() if uri.startswith(ns)]
    return max(kandidaten)[1] if kandidaten else "ns"


def label(klasse: str) -> str:
    """``scan:Initiatief`` → ``Initiatief``."""
    return veilig(lokale_naam(klasse))


def schema_label(schema: str) -> str:
    """``…/def/status`` → ``Status``: the extra label of a concept of that scheme."""
    naam = veilig(lokale_naam(schema))
    return naam[:1].upper() + naam[1:]


def upper_snake(naam: str) -> str:
    """``draagtBijAan`` → ``DRAAGT_BIJ_AAN`` (Neo4j's convention for relationship types)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", veilig(naam)).upper()


def namen(predicaten: set[str], maak: Callable[[str], str],
          gereserveerd: frozenset = frozenset()) -> dict[str, str]:
    """Predicate → name; a local name that two vocabularies share (or that is
    reserved) gets the vocabulary prefix, so no two predicates share a name."""
    eerste = {p: maak(lokale_naam(p)) for p in predicaten}
    teller: dict[str, int] = {}
    for n in eerste.values():
        teller[n] = teller.get(n, 0) + 1
    return {p: (maak(f"{_prefix(p)}_{lokale_naam(p)}")
                if teller[n] > 1 or n in gereserveerd else n)
            for p, n in eerste.items()}


class Lit(NamedTuple):
    """A literal as lexical form and datatype IRI: plain strings, cheap at national scale."""

    lex: str
    datatype: str | None = None


@dataclass(frozen=True)
class Eigenschap:
    """One node property: its key, the import-tool type and whether it is a list."""

    sleutel: str
    soort: str
    lijst: bool

    @property
    def kop(self) -> str:
        """The CSV header field, e.g. ``start:date`` or ``prefLabel:string[]``."""
        return f"{self.sleutel}:{self.soort}{'[]' if self.lijst else ''}"


def soort_uit_ontologie(ontologie: Graph, predicaat: URIRef) -> str | None:
    """The declared XSD range of a datatype property, as an import type."""
    for bereik in ontologie.objects(predicaat, RDFS.range):
        if str(bereik) in SOORTEN:
            return SOORTEN[str(bereik)]
    return None


def objecteigenschappen(ontologie: Graph) -> set[URIRef]:
    """Predicates the ontology declares as object properties (→ relationships)."""
    return set(ontologie.subjects(RDF.type, OWL.ObjectProperty))


def waarde(lit: Lit, soort: str) -> object:
    """The Python value the driver sends as that Neo4j type; ValueError if it is not one."""
    lex = lit.lex
    if soort == "string":
        return lex
    if soort == "long":
        getal = int(lex)
        if not -_LONG <= getal < _LONG:
            raise ValueError(lex)
        return getal
    if soort == "double":
        return float(lex)
    if soort == "boolean":
        if lex not in ("true", "false", "1", "0"):
            raise ValueError(lex)
        return lex in ("true", "1")
    if soort == "date":
        return date.fromisoformat(lex)
    if soort == "datetime":
        moment = datetime.fromisoformat(lex.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            raise ValueError(lex)  # Neo4j DATETIME needs a zone; keep it as text
        return moment
    raise ValueError(soort)


def soort_van(literals: list[Lit], verklaard: str | None) -> str:
    """One type for all values of a property: the declared range, else the one
    datatype the data uses; ``string`` when a value does not fit it."""
    soort = verklaard
    if soort is None:
        typen = {lit.datatype for lit in literals}
        soort = SOORTEN.get(typen.pop()) if len(typen) == 1 else None
    if soort is None:
        return "string"
    try:
        for lit in literals:
            waarde(lit, soort)
    except ValueError:
        return "string"
    return soort
