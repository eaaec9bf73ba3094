"""Reading a query before it runs: its form, its dataset clauses, and no SERVICE.

Why parse at all: pyoxigraph follows ``SERVICE <url>`` to any host, which from
a server on a government network is a request-forgery hole. The engine
exposes no algebra, so the query is parsed (never evaluated) with rdflib's
SPARQL parser and refused when the parse tree holds a ``ServiceGraphPattern``
anywhere (sub-queries, EXISTS, OPTIONAL …). A lexical scan for a bare
``SERVICE`` keyword outside strings, IRIs and comments is a second guard, for
the case that the two parsers ever disagree on where a token starts.
Parsing costs 2–50 ms (seconds for thousands of patterns, and it recurses per
pattern), so the endpoint runs ``ontleed`` in a killable worker under the
request's deadline and keeps the results by text (``bekend``/``onthoud``).
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from graaf.fouten import ScanFout
from graaf.sparqltekst import is_update


class Geweigerd(ScanFout):
    """The query is valid SPARQL but this endpoint will not run it (4xx)."""


class Syntaxfout(ScanFout):
    """The text is not a SPARQL query (400)."""


@dataclass(frozen=True)
class Ontleding:
    """What the endpoint needs to know of a query before sending it to a worker."""

    vorm: str                      # select, ask, construct, describe
    van: tuple[str, ...]           # FROM
    van_benoemd: tuple[str, ...]   # FROM NAMED

    @property
    def geeft_rdf(self) -> bool:
        return self.vorm in ("construct", "describe")


_VORMEN = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct",
           "DescribeQuery": "describe"}
_SLOT = threading.Lock()

# Tokens that may contain the letters S-E-R-V-I-C-E without being the keyword.
_TOKEN = re.compile(r'''
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*> | \#[^\n]* | [?$]\w+ | [\w:%-]+ | \S''', re.VERBOSE | re.DOTALL)


_BEKEND: OrderedDict[str, Ontleding] = OrderedDict()


def bekend(tekst: str) -> Ontleding | None:
    """A query parsed before (and allowed), or None."""
    with _SLOT:
        if tekst in _BEKEND:
            _BEKEND.move_to_end(tekst)
        return _BEKEND.get(tekst)


def onthoud(tekst: str, ontleding: Ontleding) -> None:
    with _SLOT:
        _BEKEND[tekst] = ontleding
        while len(_BEKEND) > 512:
            _BEKEND.popitem(last=False)


def ontleed(tekst: str) -> Ontleding:
    """Parse a query; raise ``Syntaxfout`` or ``Geweigerd`` with a Dutch message."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    if not tekst.strip():
        raise Syntaxfout("De query is leeg.")
    try:
        boom = parseQuery(tekst)
    except RecursionError:
        raise Syntaxfout("De query is te diep genest om te controleren.") from None
    except ParseException as e:
        if is_update(tekst):
            raise Geweigerd(ALLEEN_LEZEN) from e
        raise Syntaxfout(f"De SPARQL-query is ongeldig (regel {e.lineno}, kolom {e.col}): "
                         f"{e.msg}.") from e
    if _heeft_service(boom) or _service_woord(tekst):
        raise Geweigerd("SERVICE (federatie met andere endpoints) is hier niet toegestaan: "
                        "dit endpoint bevraagt alleen zijn eigen gegevens.")
    query = boom[1]
    assert isinstance(query, CompValue)
    clausules = dict.get(query, "datasetClause") or []  # CompValue.get has other semantics
    return Ontleding(
        vorm=_VORMEN[query.name],
        van=tuple(str(c["default"]) for c in clausules if "default" in c),
        van_benoemd=tuple(str(c["named"]) for c in clausules if "named" in c))


ALLEEN_LEZEN = ("Dit endpoint is alleen-lezen: wijzigingen (SPARQL Update, LOAD) worden "
                "geweigerd. Wijzig de scan via een werkboek in 'beheer'.")


def _heeft_service(knoop: object) -> bool:
    """True when any node of the parse tree is a SERVICE pattern (walks everything)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(knoop, CompValue):
        return knoop.name == "ServiceGraphPattern" or any(
            _heeft_service(v) for v in knoop.values())
    if isinstance(knoop, (ParseResults, list, tuple)):
        return any(_heeft_service(v) for v in knoop)
    return False


def _service_woord(tekst: str) -> bool:
    """Lexical guard: a bare SERVICE token, in the raw text or after \\u escapes are expanded."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    varianten = {tekst}
    try:
        varianten.add(expandUnicodeEscapes(tekst))
    except Exception:  # noqa: BLE001 - an invalid escape: the raw text is still checked
        pass
    return any(t.upper() == "SERVICE" for v in varianten for t in _TOKEN.findall(v))
