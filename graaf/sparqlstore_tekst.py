"""Query text for the remote store: bound values as a VALUES block, the query's form.

SPARQL 1.1 Protocol has no way to send bound values apart from the query, so
they go into the text as a ``VALUES`` block at the start of the outermost
WHERE group, each value written by rdflib's ``n3()`` (escaped RDF terms,
never pasted strings). At the start of the group, the values are in scope
for every BIND, FILTER and OPTIONAL after them, as with the embedded
engine's substitutions (a trailing VALUES would join after BIND and
GROUP BY and change results). Only braces outside strings, IRIs and
comments count.
"""
from __future__ import annotations

import re

from rdflib import BNode
from rdflib.term import Node

from graaf.fouten import ScanFout

_TOKEN = re.compile(r"""
    (?P<lang>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<kort>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<commentaar>\#[^\n]*)
  | (?P<open>\{) | (?P<dicht>\})
  | (?P<woord>[A-Za-z_]+)
""", re.VERBOSE)
_VORMEN = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_PROLOOG = re.compile(r"(?:\s+|\#[^\n]*|BASE\s*<[^<>\s]*>|PREFIX\s+[^\s:]*:\s*<[^<>\s]*>)*",
                      re.IGNORECASE)


def _tokens(tekst: str):
    """(kind, text, start) of the tokens that matter, skipping strings/IRIs/comments."""
    for m in _TOKEN.finditer(tekst):
        soort = m.lastgroup
        if soort in ("open", "dicht", "woord"):
            yield soort, m.group(), m.start()


def vorm(tekst: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the keyword after the prologue; None for
    anything else (an update, or not SPARQL), which the caller refuses."""
    rest = tekst[_PROLOOG.match(tekst).end():]  # type: ignore[union-attr]
    woord = re.match(r"[A-Za-z]+", rest)
    return woord.group().upper() if woord and woord.group().upper() in _VORMEN else None


def met_waarden(tekst: str, bindings: dict[str, Node] | None) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` opening its outermost WHERE group."""
    if not bindings:
        return tekst
    for naam, term in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", naam):
            raise ValueError(f"ongeldige variabelenaam: {naam!r}")
        if isinstance(term, BNode):
            raise ValueError("een blank node kan niet als waarde worden gebonden")
    namen = " ".join(f"?{n}" for n in bindings)
    termen = " ".join(t.n3() for t in bindings.values())
    blok = f"\nVALUES ({namen}) {{ ({termen}) }}\n"
    plek = _where_open(tekst)
    return tekst[:plek + 1] + blok + tekst[plek + 1:]


def _where_open(tekst: str) -> int:
    """Offset of the ``{`` opening the outermost WHERE group (after a CONSTRUCT template)."""
    diepte, vorige, sjabloon = 0, "", False
    for soort, woord, start in _tokens(tekst):
        if soort == "woord" and diepte == 0:
            vorige = woord.upper()
            sjabloon = sjabloon or vorige == "CONSTRUCT"
        elif soort == "open":
            if diepte == 0 and not (sjabloon and vorige == "CONSTRUCT"):
                return start
            diepte += 1
        elif soort == "dicht":
            diepte -= 1
            if diepte == 0:
                vorige = "}"
    raise ScanFout("De SPARQL-query heeft geen WHERE-deel om waarden aan te binden.")
