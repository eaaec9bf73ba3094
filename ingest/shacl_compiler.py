"""SHACL Core shapes compiled to SPARQL: one SELECT per constraint.

Why: pyshacl walks the data graph in Python (about 30 s for a werkboek of
10,000 initiatives); the same checks as set-at-a-time SPARQL on pyoxigraph
take a second or two. Each query returns the violations of one constraint as
``?focus`` (and ``?value`` for constraints on value nodes), so a result maps
to a finding exactly as a pyshacl validation result does. Where the
violations do not depend on the target (all but minCount, hasValue and
node-level rules) they are computed first and joined with the target class
last, and shapes that share them share one run (see ``Regel.schendingen``).

Only the SHACL Core subset below is translated; anything else in a shape
raises ``NietOndersteund`` when the shapes are compiled, never silently
skipped, because a skipped rule would let an invalid scan in unnoticed.

Supported: targets ``sh:targetClass``; ``sh:path`` a single IRI; cardinality
``sh:minCount``/``sh:maxCount``; value constraints ``sh:class``,
``sh:datatype``, ``sh:nodeKind``, ``sh:in``, ``sh:hasValue``, ``sh:pattern``
(+``sh:flags``), ``sh:min/maxInclusive``, ``sh:min/maxExclusive``; shape-based
``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``, ``sh:node`` (nested property
shapes too); ``sh:message``, ``sh:severity``, ``sh:deactivated``.
Class membership follows ``rdf:type/rdfs:subClassOf*`` in the data, as SHACL
prescribes. Query forms follow /work/shared/recepten.md: ``MINUS`` or
``OPTIONAL`` + ``!BOUND`` instead of ``FILTER NOT EXISTS`` (quadratic).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from graaf.vocab import SH

TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
#: Subject and predicate of the marker triples for literals rdflib found ill-typed
#: (rdflib normalises some of them, e.g. "ja"^^xsd:boolean to "false").
ONGELDIG = URIRef("urn:x-shacl-sparql:ill-typed")
#: Datatypes whose lexical form the engine can check with a cast.
_CASTBAAR = {XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.boolean, XSD.date,
             XSD.dateTime, XSD.time, XSD.duration}
_KNOOPSOORT = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})",
               SH.Literal: "isLiteral({v})", SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
               SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
               SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
_VERGELIJK = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
              SH.maxExclusive: "<"}
_WAARDE = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH["not"],
           SH["and"], SH["or"], SH.xone, SH.node, *_VERGELIJK}
_TELLING = {SH.minCount, SH.maxCount}
#: Shape predicates that do not constrain anything (annotations, bookkeeping).
_NEUTRAAL = {RDF.type, RDFS.label, RDFS.comment, SH.name, SH.description, SH.order,
             SH.group, SH.message, SH.severity, SH.deactivated, SH.flags}
_NODE_KNOOP = _WAARDE | {SH.hasValue, SH.property, SH.targetClass} | _NEUTRAAL
_EIGENSCHAP = _WAARDE | _TELLING | {SH.hasValue, SH.path, SH.property} | _NEUTRAAL
_ERNST = {SH.Violation: "fout", SH.Warning: "let-op", SH.Info: "let-op"}

Patronen = tuple[list[str], str]  # (graph patterns, boolean expression)


class NietOndersteund(ValueError):
    """A shape uses SHACL that is not compiled: refuse instead of skipping the rule."""


@dataclass(frozen=True)
class Regel:
    """One compiled constraint: its query and how a result becomes a finding.

    ``schendingen`` is set when the query is "violations first": a SELECT of
    the violating (?focus ?value) rows that does not depend on the target,
    so ``ingest.shacl_sparql`` runs it once for every shape that shares it.
    """

    sparql: str
    vorm: Node
    pad: URIRef | None
    component: URIRef
    melding: str
    ernst: str
    doelen: tuple[URIRef, ...] = ()
    schendingen: str | None = None

    @property
    def op_knoop(self) -> bool:
        """A node-level constraint: pyshacl reports the focus node as the value."""
        return self.pad is None


def compileer(vormen: Graph) -> list[Regel]:
    """Every constraint of every targeted shape, in a stable order."""
    _weiger_onbekende_doelen(vormen)
    knopen = set(vormen.subjects(SH.targetClass, None))
    regels: list[Regel] = []
    for vorm in sorted(knopen, key=str):
        if vormen.value(vorm, SH.deactivated) != Literal(True):
            regels += _compileer_knoopvorm(vormen, vorm)
    return regels


def _weiger_onbekende_doelen(g: Graph) -> None:
    """Targets other than sh:targetClass (and implicit class targets) are not compiled."""
    for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        for vorm in g.subjects(p, None):
            raise NietOndersteund(f"{vorm}: doel {p} wordt niet ondersteund")
    for vorm in g.subjects(RDF.type, SH.NodeShape):
        if (vorm, RDF.type, RDFS.Class) in g:
            raise NietOndersteund(f"{vorm}: impliciet klassedoel wordt niet ondersteund")


def _controleer(g: Graph, vorm: Node, toegestaan: set[URIRef]) -> None:
    """Raise on any SHACL predicate this compiler does not understand."""
    for p in set(g.predicates(vorm, None)):
        if p not in toegestaan and str(p).startswith(str(SH)):
            raise NietOndersteund(f"{vorm}: {p} wordt niet ondersteund")
        if p == SH.deactivated and g.value(vorm, p) == Literal(True):
            raise NietOndersteund(f"{vorm}: sh:deactivated binnen een vorm")
    if g.value(vorm, SH.flags) is not None and g.value(vorm, SH.pattern) is None:
        raise NietOndersteund(f"{vorm}: sh:flags zonder sh:pattern")


def _melding(g: Graph, vorm: Node) -> str:
    """The shape's sh:message, Dutch first, as ingest/shacl.py always showed it."""
    berichten = list(g.objects(vorm, SH.message))
    nl = [m for m in berichten if getattr(m, "language", None) == "nl"]
    return str((nl or berichten or ["Voldoet niet aan de regels van de scan."])[0])


def _compileer_knoopvorm(g: Graph, vorm: Node) -> list[Regel]:
    """The node shape's own constraints on ?focus, then those of its property shapes."""
    _controleer(g, vorm, _NODE_KNOOP)
    doelen = tuple(sorted(g.objects(vorm, SH.targetClass), key=str))
    melding, ernst = _melding(g, vorm), _ernst(g, vorm)
    namen = itertools.count()
    regels = []
    for param, waarde in _parameters(g, vorm, _WAARDE | {SH.hasValue}):
        patronen, uitdr = _voorwaarde(g, vorm, param, waarde, "?focus", namen)
        sparql = (f"SELECT DISTINCT ?focus WHERE {{ {_doel(doelen)} {' '.join(patronen)} "
                  f"FILTER(!({uitdr})) }}")
        regels.append(Regel(sparql, vorm, None, _component(param), melding, ernst, doelen))
    for eigenschap in sorted(g.objects(vorm, SH.property), key=str):
        if g.value(eigenschap, SH.deactivated) != Literal(True):
            regels += _compileer_eigenschap(g, eigenschap, doelen, namen)
    return regels


def _compileer_eigenschap(g: Graph, vorm: Node, doelen: tuple[URIRef, ...],
                          namen: Iterator[int]) -> list[Regel]:
    """One query per constraint of a property shape, for every targeted focus node."""
    _controleer(g, vorm, _EIGENSCHAP)
    if g.value(vorm, SH.property) is not None:
        raise NietOndersteund(f"{vorm}: sh:property in een eigenschapsvorm")
    pad = _pad(g, vorm)
    regels = []
    for param, waarde in _parameters(g, vorm, _WAARDE | _TELLING | {SH.hasValue}):
        if param == SH.minCount or param == SH.hasValue:
            sparql, schendingen = _vanaf_doel(param, waarde, doelen, _term(pad)), None
        else:
            schendingen = _schendingen(g, vorm, param, waarde, _term(pad), namen)
            sparql = doelquery(schendingen, doelen)
        if sparql:
            regels.append(Regel(sparql, vorm, pad, _component(param), _melding(g, vorm),
                                _ernst(g, vorm), doelen, schendingen))
    return regels


def _schendingen(g: Graph, vorm: Node, param: URIRef, waarde: Node, p: str,
                 namen: Iterator[int]) -> str:
    """The violating rows of one constraint over every subject, whatever its class.

    Measured: pyoxigraph joins a triple pattern per row through an index lookup
    (~20 us a row), while scanning one predicate costs ~1 us a triple; starting
    from the few violations and joining the target last is ~10x faster.
    """
    if param == SH.maxCount:  # one graph: (focus, p, w) rows are distinct already
        return (f"SELECT ?focus WHERE {{ ?focus {p} ?w }} GROUP BY ?focus "
                f"HAVING (COUNT(?w) > {_geheel(waarde)})")
    if param == SH["class"]:  # the common case: MINUS is the fastest form
        return (f"SELECT DISTINCT ?focus ?value WHERE {{ ?focus {p} ?value . "
                f"MINUS {{ ?value {TYPE} {_term(waarde)} }} }}")
    patronen, uitdr = _voorwaarde(g, vorm, param, waarde, "?value", namen)
    return (f"SELECT DISTINCT ?focus ?value WHERE {{ ?focus {p} ?value . "
            f"{' '.join(patronen)} FILTER(!({uitdr})) }}")


def doelquery(schendingen: str, doelen: tuple[URIRef, ...], doel_erbij: bool = False) -> str:
    """Violations joined with the targets; ``doel_erbij`` also returns ?doel, the
    target class, so one run serves every shape with the same violations query."""
    projectie = schendingen[schendingen.index("SELECT") + 6:schendingen.index("WHERE")]
    projectie = projectie.replace("DISTINCT", "").strip()
    klassen = " ".join(_term(c) for c in doelen)
    doel = f"VALUES ?doel {{ {klassen} }} ?focus {TYPE} ?doel ."
    extra = " ?doel" if doel_erbij else ""
    return f"SELECT DISTINCT {projectie}{extra} WHERE {{ {{ {schendingen} }} {doel} }}"


def _vanaf_doel(param: URIRef, waarde: Node, doelen: tuple[URIRef, ...], p: str) -> str | None:
    """minCount and hasValue are about missing triples: start from the targets."""
    doel = _doel(doelen)
    if param == SH.hasValue:
        return f"SELECT DISTINCT ?focus WHERE {{ {doel} MINUS {{ ?focus {p} {_term(waarde)} }} }}"
    n = _geheel(waarde)
    if n == 1:
        return f"SELECT DISTINCT ?focus WHERE {{ {doel} MINUS {{ ?focus {p} ?value }} }}"
    return None if n <= 0 else (
        f"SELECT ?focus WHERE {{ {doel} OPTIONAL {{ ?focus {p} ?w }} }} "
        f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?w) < {n})")


def _doel(doelen: tuple[URIRef, ...]) -> str:
    """?focus is an instance of a target class (subclasses included, as in SHACL)."""
    return " UNION ".join(f"{{ ?focus {TYPE} {_term(c)} }}" for c in doelen)


# -- conditions: (patterns, expression) that hold when a node conforms -------------

def _voorwaarde(g: Graph, vorm: Node, param: URIRef, waarde: Node, v: str,
                namen: Iterator[int]) -> Patronen:
    """One value-node constraint as a condition on variable ``v`` (never an error)."""
    if param == SH["class"]:
        k = f"?k{next(namen)}"
        return [_vlag(v, k, f"{v} {TYPE} {_term(waarde)}")], f"BOUND({k})"
    if param == SH.datatype:
        return _datatype(waarde, v, namen)
    if param == SH.nodeKind:
        if waarde not in _KNOOPSOORT:
            raise NietOndersteund(f"sh:nodeKind {waarde}")
        return [], _KNOOPSOORT[waarde].format(v=v)
    if param == SH["in"]:
        leden = [f"sameTerm({v}, {_term(t)})" for t in _lijst(g, waarde)]
        return [], "(" + (" || ".join(leden) or "false") + ")"
    if param == SH.hasValue:
        return [], f"sameTerm({v}, {_term(waarde)})"
    if param == SH.pattern:
        vlag = _tekst(g.value(vorm, SH.flags) or Literal(""))
        return [], f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {_tekst(waarde)}, {vlag}), false)"
    if param in _VERGELIJK:
        return [], f"COALESCE({v} {_VERGELIJK[param]} {_term(waarde)}, false)"
    return _logisch(g, param, waarde, v, namen)


def _vlag(v: str, vlag: str, patroon: str) -> str:
    """``vlag`` is bound where ``patroon`` holds for ``v``: an uncorrelated subquery,
    which the engine hash-joins (a correlated OPTIONAL is a lookup per row)."""
    return f"OPTIONAL {{ SELECT DISTINCT {v} (true AS {vlag}) WHERE {{ {patroon} }} }}"


def _datatype(dt: Node, v: str, namen: Iterator[int]) -> Patronen:
    """A literal of exactly this datatype with a well-formed lexical form."""
    if not isinstance(dt, URIRef):
        raise NietOndersteund(f"sh:datatype {dt}")
    if dt == RDF.langString:
        return [], f"COALESCE(isLiteral({v}) && LANG({v}) != \"\", false)"
    goed = f"isLiteral({v}) && datatype({v}) = {_term(dt)}"
    if dt == XSD.string:
        return [], f"COALESCE({goed}, false)"
    i = f"?i{next(namen)}"
    if dt in _CASTBAAR:
        goed += f" && isLiteral({_term(dt)}(STR({v})))"
    marker = _vlag(v, i, f"{_term(ONGELDIG)} {_term(ONGELDIG)} {v}")
    return [marker], f"(COALESCE({goed}, false) && !BOUND({i}))"


def _logisch(g: Graph, param: URIRef, waarde: Node, v: str,
             namen: Iterator[int]) -> Patronen:
    """sh:not, sh:and, sh:or, sh:xone and sh:node over nested shapes."""
    if param in (SH["not"], SH.node):
        patronen, uitdr = _conform(g, waarde, v, namen)
        return patronen, f"!({uitdr})" if param == SH["not"] else uitdr
    delen = [_conform(g, s, v, namen) for s in _lijst(g, waarde)]
    patronen = [p for d, _ in delen for p in d]
    uitdrukkingen = [u for _, u in delen]
    if param == SH["and"]:
        return patronen, "(" + (" && ".join(uitdrukkingen) or "true") + ")"
    if param == SH["or"]:
        return patronen, "(" + (" || ".join(uitdrukkingen) or "false") + ")"
    som = " + ".join(f"IF({u}, 1, 0)" for u in uitdrukkingen) or "0"
    return patronen, f"(({som}) = 1)"


def _conform(g: Graph, vorm: Node, v: str, namen: Iterator[int],
             diepte: int = 0) -> Patronen:
    """Node ``v`` conforms to a whole nested shape (node shape or property shape)."""
    if diepte > 8:
        raise NietOndersteund(f"{vorm}: te diep geneste of recursieve vormen")
    if g.value(vorm, SH.path) is not None:
        return _conform_eigenschap(g, vorm, v, namen)
    _controleer(g, vorm, _NODE_KNOOP)  # targets of a referenced shape do not apply
    delen = [_voorwaarde(g, vorm, p, w, v, namen)
             for p, w in _parameters(g, vorm, _WAARDE | {SH.hasValue})]
    delen += [_conform(g, e, v, namen, diepte + 1) for e in g.objects(vorm, SH.property)]
    return [p for d, _ in delen for p in d], "(" + (" && ".join(u for _, u in delen)
                                                   or "true") + ")"


def _conform_eigenschap(g: Graph, vorm: Node, v: str, namen: Iterator[int]) -> Patronen:
    """A property shape holds for ``v``: each constraint as a flag keyed on ``v``."""
    _controleer(g, vorm, _EIGENSCHAP - {SH.property})
    p = _term(_pad(g, vorm))
    patronen, uitdrukkingen = [], []
    for param, waarde in _parameters(g, vorm, _WAARDE | _TELLING | {SH.hasValue}):
        f, w = f"?f{next(namen)}", f"?w{next(namen)}"
        if param in _TELLING:
            patronen.append(f"OPTIONAL {{ SELECT {v} (COUNT(DISTINCT {w}) AS {f}) "
                            f"WHERE {{ {v} {p} {w} }} GROUP BY {v} }}")
            teken = ">=" if param == SH.minCount else "<="
            standaard = "false" if param == SH.minCount and _geheel(waarde) > 0 else "true"
            uitdrukkingen.append(f"COALESCE({f} {teken} {_geheel(waarde)}, {standaard})")
            continue
        if param == SH.hasValue:
            binnen, fout = [f"{v} {p} {_term(waarde)} ."], "true"
        else:
            binnen, uitdr = _voorwaarde(g, vorm, param, waarde, w, namen)
            binnen, fout = [f"{v} {p} {w} .", *binnen], f"!({uitdr})"
        patronen.append(f"OPTIONAL {{ SELECT DISTINCT {v} (true AS {f}) WHERE "
                        f"{{ {' '.join(binnen)} FILTER({fout}) }} }}")
        uitdrukkingen.append(f"BOUND({f})" if param == SH.hasValue else f"!BOUND({f})")
    return patronen, "(" + (" && ".join(uitdrukkingen) or "true") + ")"


# -- small readers of the shapes graph -------------------------------------------

def _parameters(g: Graph, vorm: Node, soorten: set[URIRef]) -> list[tuple[URIRef, Node]]:
    return sorted(((p, o) for p, o in g.predicate_objects(vorm) if p in soorten), key=str)


def _pad(g: Graph, vorm: Node) -> URIRef:
    paden = list(g.objects(vorm, SH.path))
    if len(paden) != 1 or not isinstance(paden[0], URIRef):
        raise NietOndersteund(f"{vorm}: alleen sh:path met één predicaat-IRI")
    return paden[0]


def _lijst(g: Graph, kop: Node) -> list[Node]:
    if not isinstance(kop, BNode) and kop != RDF.nil:
        raise NietOndersteund(f"{kop}: geen RDF-lijst")
    return list(Collection(g, kop))


def _geheel(waarde: Node) -> int:
    if not isinstance(waarde, Literal) or not isinstance(waarde.toPython(), int):
        raise NietOndersteund(f"geen geheel getal: {waarde!r}")
    return int(waarde.toPython())


def _ernst(g: Graph, vorm: Node) -> str:
    ernst = g.value(vorm, SH.severity, default=SH.Violation)
    if ernst not in _ERNST:
        raise NietOndersteund(f"{vorm}: sh:severity {ernst}")
    return _ERNST[ernst]


def _component(param: URIRef) -> URIRef:
    naam = str(param)[len(str(SH)):]
    return SH[naam[0].upper() + naam[1:] + "ConstraintComponent"]


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _tekst(waarde: Node) -> str:
    """A string literal in SPARQL syntax (patterns keep their backslashes)."""
    return f'"{str(waarde).translate(_ESCAPE)}"'


def _term(t: Node) -> str:
    """An IRI or literal of the shapes graph in SPARQL syntax; blank nodes cannot be."""
    if isinstance(t, URIRef):
        if any(c in str(t) for c in '<>"{}|^`\\ '):
            raise NietOndersteund(f"ongeldige IRI in de vormen: {t!r}")
        return f"<{t}>"
    if isinstance(t, Literal):
        if t.language:
            return f"{_tekst(t)}@{t.language}"
        return f"{_tekst(t)}^^{_term(t.datatype or XSD.string)}"
    raise NietOndersteund(f"een blanco knoop als waarde kan niet in SPARQL: {t!r}")

