"""Turning one cell into an RDF literal, or into a Dutch reason why not.

Each converter returns the literal or raises ``CelFout`` with a message that
says what is expected; the caller adds sheet, row and column.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

ID_PATROON = re.compile(r"^[a-z0-9-]+$")
_GETAL = re.compile(r"^-?\d+([.,]\d+)?$")
_DUIZENDTALLEN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CelFout(ValueError):
    """A cell value that does not fit its column; the message is Dutch."""


def tekst(waarde: object) -> str:
    """The text form of a cell as a user typed it (Excel numbers without '.0')."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime):
        return waarde.date().isoformat() if waarde.time() == datetime.min.time() \
            else waarde.isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde).strip()


def datum(waarde: object) -> Literal:
    if isinstance(waarde, datetime):
        return Literal(waarde.date().isoformat(), datatype=XSD.date)
    if isinstance(waarde, date):
        return Literal(waarde.isoformat(), datatype=XSD.date)
    t = tekst(waarde)
    try:
        if not _DATUM.match(t):
            raise ValueError
        return Literal(date.fromisoformat(t).isoformat(), datatype=XSD.date)
    except ValueError:
        raise CelFout("Dit is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, "
                      "bijvoorbeeld 2026-05-07 (of gebruik een datumcel in Excel).") from None


def getal(waarde: object) -> Literal:
    t = tekst(waarde).replace(" ", "")
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        t = repr(waarde) if isinstance(waarde, float) and not waarde.is_integer() else t
    if _DUIZENDTALLEN.match(t) or not _GETAL.match(t):
        raise CelFout("Dit is geen geldig getal. Schrijf het zonder punten voor "
                      "duizendtallen en zonder euroteken, bijvoorbeeld 125000 of 12,5.")
    try:
        d = Decimal(t.replace(",", "."))
    except InvalidOperation:
        raise CelFout("Dit is geen geldig getal.") from None
    return Literal(canoniek_decimaal(d), datatype=XSD.decimal)


def canoniek_decimaal(d: Decimal) -> str:
    """One lexical form per value (the engine's own), so a round trip is identical."""
    s = format(d.normalize(), "f")
    return "0" if s == "-0" else s


def geheel(waarde: object, minimum: int = 0, maximum: int = 3) -> Literal:
    t = tekst(waarde)
    if not re.fullmatch(r"-?\d+", t) or not minimum <= int(t) <= maximum:
        raise CelFout(f"Vul een heel getal van {minimum} tot en met {maximum} in.")
    return Literal(str(int(t)), datatype=XSD.integer)


def janee(waarde: object) -> Literal:
    t = tekst(waarde).lower()
    if t in ("ja", "j", "true", "waar", "1"):
        return Literal("true", datatype=XSD.boolean)
    if t in ("nee", "n", "false", "onwaar", "0"):
        return Literal("false", datatype=XSD.boolean)
    raise CelFout("Vul 'ja' of 'nee' in.")


def url(waarde: object) -> URIRef:
    t = tekst(waarde)
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", t):
        raise CelFout("Dit is geen geldig webadres. Begin met https:// en gebruik "
                      "geen spaties, bijvoorbeeld https://www.regiogv.nl.")
    return URIRef(t)
