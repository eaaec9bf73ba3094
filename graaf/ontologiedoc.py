"""Render the ontology of the scan (``ontologie/*.ttl``) as one Markdown page.

The board and the advisers read ``docs/ontologie.md``, not Turtle. Generating
the page from the three Turtle files keeps it from drifting from what the
validator and the store actually use: a test re-renders it and compares.
Run ``python -m graaf.ontologiedoc`` after changing anything in ``ontologie/``.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graaf.vocab import DEF, KOLOM, PREFIXES, SCAN, SH

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGIE = ROOT / "ontologie"
UITVOER = ROOT / "docs" / "ontologie.md"
ONTOLOGIE_URI = URIRef(DEF.rstrip("/"))

#: Vocabularies the scan reuses, by prefix: shown under "Hergebruikt".
HERGEBRUIK = {
    "rdfs": "RDF Schema", "skos": "SKOS", "dcterms": "DCMI Metadata Terms",
    "org": "W3C Organization Ontology", "foaf": "FOAF", "prov": "PROV-O",
}
#: How a datatype reads to someone filling in the werkboek.
DATATYPE = {
    XSD.string: "tekst", XSD.date: "datum (2026-05-07)", XSD.decimal: "getal",
    XSD.integer: "heel getal", XSD.boolean: "ja/nee", XSD.dateTime: "tijdstip",
}


def _curie(node: Node) -> str:
    """Short form of a URI (``scan:Initiatief``); concepts keep their path."""
    text = str(node)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and "/" not in text[len(ns):]:
            return f"{prefix}:{text[len(ns):]}"
    if text.startswith(DEF):
        return f"def/{text[len(DEF):]}"
    return f"<{text}>"


def _tekst(g: Graph, s: Node, p: URIRef) -> str:
    """The Dutch value of ``p`` on ``s`` (or any value); '' when absent."""
    values = sorted(g.objects(s, p), key=str)
    dutch = [v for v in values if isinstance(v, Literal) and v.language == "nl"]
    chosen = dutch or values
    return str(chosen[0]) if chosen else ""


def _lijst(g: Graph, node: Node) -> list[Node]:
    return list(Collection(g, node))


def _klasse_tekst(g: Graph, node: Node) -> str:
    """A class expression (union, enumeration or named class) in words."""
    union = g.value(node, OWL.unionOf)
    if union is not None:
        return " of ".join(_klasse_tekst(g, n) for n in _lijst(g, union))
    one_of = g.value(node, OWL.oneOf)
    if one_of is not None:
        return " of ".join(f"`{_curie(n)}`" for n in _lijst(g, one_of))
    if node in DATATYPE:
        return DATATYPE[node]
    return f"`{_curie(node)}`"


def _scan_termen(ont: Graph, soort: URIRef) -> list[URIRef]:
    """The scan: terms of one OWL type, sorted so the page is stable."""
    return sorted(s for s in ont.subjects(RDF.type, soort)
                  if isinstance(s, URIRef) and str(s).startswith(str(SCAN)))


def _klassen(ont: Graph, shapes: Graph) -> list[URIRef]:
    """scan: classes in werkboek order (sh:order of their shapes), then the rest."""
    def volgorde(klasse: URIRef) -> tuple[int, str]:
        orders = [int(o) for ns in shapes.subjects(SH.targetClass, klasse)
                  for o in shapes.objects(ns, SH.order)]
        return (min(orders) if orders else 1000, str(klasse))
    return sorted(_scan_termen(ont, OWL.Class), key=volgorde)


def _aantal(shapes: Graph, ps: Node) -> str:
    """A property shape's cardinality in words."""
    lo = shapes.value(ps, SH.minCount)
    hi = shapes.value(ps, SH.maxCount)
    low = int(lo) if lo is not None else 0
    if hi is None:
        return f"{low} of meer"
    return "precies 1" if low == int(hi) == 1 else f"{low} of {int(hi)}"


def _keuze(ont: Graph, shapes: Graph, lijst: Node) -> str:
    """An sh:in list: the concept scheme(s) it draws from, or its members."""
    members = _lijst(shapes, lijst)
    if all(str(m).startswith(DEF) and "#" not in str(m) for m in members):
        schemes = sorted({str(m).rsplit("/", 1)[0] for m in members})
        return "code uit " + ", ".join(f"`{_curie(URIRef(s))}`" for s in schemes)
    return " of ".join(_tekst(ont, m, RDFS.label) or f"`{_curie(m)}`" for m in members)


def _waarde(ont: Graph, shapes: Graph, ps: Node) -> str:
    """What values a property shape accepts, in words."""
    datatype = shapes.value(ps, SH.datatype)
    if datatype is not None:
        return DATATYPE.get(datatype, _curie(datatype))
    klasse = shapes.value(ps, SH["class"])
    if klasse is not None:
        return _tekst(ont, klasse, RDFS.label) or _curie(klasse)
    keuze = shapes.value(ps, SH["in"])
    if keuze is not None:
        return _keuze(ont, shapes, keuze)
    alternatieven = shapes.value(ps, SH["or"])
    if alternatieven is not None:
        return " of ".join(_waarde(ont, shapes, a) for a in _lijst(shapes, alternatieven))
    if shapes.value(ps, SH.nodeKind) == SH.IRI:
        return "webadres"
    return "?"


def _property_shapes(shapes: Graph, klasse: URIRef) -> list[Node]:
    """Property shapes of the shapes targeting ``klasse``, in column order."""
    found = [(int(shapes.value(p, SH.order) or 0), str(shapes.value(p, SH.name)), p)
             for ns in shapes.subjects(SH.targetClass, klasse)
             for p in shapes.objects(ns, SH.property)]
    return [p for _, _, p in sorted(found, key=lambda t: t[:2])]


def _regels(shapes: Graph, klasse: URIRef) -> list[str]:
    """The Dutch messages of every rule on ``klasse``: its rules in words."""
    column_rules = [_tekst(shapes, p, SH.message) for p in _property_shapes(shapes, klasse)]
    node_rules = sorted(_tekst(shapes, ns, SH.message)
                        for ns in shapes.subjects(SH.targetClass, klasse))
    seen: dict[str, None] = {}
    for rule in column_rules + node_rules:
        if rule:
            seen.setdefault(rule, None)
    return list(seen)


def _klasse_sectie(ont: Graph, shapes: Graph, klasse: URIRef) -> list[str]:
    """One class: its meaning, its werkboek columns and the rules on them."""
    lines = [f"### {_tekst(ont, klasse, RDFS.label)} (`{_curie(klasse)}`)", "",
             _tekst(ont, klasse, RDFS.comment), ""]
    supers = sorted(_curie(s) for s in ont.objects(klasse, RDFS.subClassOf))
    if supers:
        lines += ["Is een: " + ", ".join(f"`{s}`" for s in supers) + ".", ""]
    rows = [(str(shapes.value(p, SH.name)), _curie(shapes.value(p, SH.path)),
             _waarde(ont, shapes, p), _aantal(shapes, p)) for p in _property_shapes(shapes, klasse)]
    if rows:
        lines += ["| kolom | eigenschap | waarde | aantal |", "|---|---|---|---|"]
        lines += [f"| {k} | `{e}` | {w} | {a} |" for k, e, w, a in rows]
        lines.append("")
    regels = _regels(shapes, klasse)
    if regels:
        lines += ["Regels:", ""] + [f"- {r}" for r in regels] + [""]
    return lines


def _eigenschappen_sectie(ont: Graph) -> list[str]:
    """Every scan: property with its label, meaning, domain and range."""
    lines = ["## Eigenschappen", "",
             "| eigenschap | naam | betekenis | bij | waarde |", "|---|---|---|---|---|"]
    props = _scan_termen(ont, OWL.ObjectProperty) + _scan_termen(ont, OWL.DatatypeProperty)
    for p in sorted(props):
        domain = ont.value(p, RDFS.domain)
        rng = ont.value(p, RDFS.range)
        lines.append(
            f"| `{_curie(p)}` | {_tekst(ont, p, RDFS.label)} | {_tekst(ont, p, RDFS.comment)} "
            f"| {_klasse_tekst(ont, domain) if domain is not None else ''} "
            f"| {_klasse_tekst(ont, rng) if rng is not None else ''} |")
    return lines + [""]


def _individuen_sectie(ont: Graph) -> list[str]:
    """Fixed individuals such as scan:heleRegio (werkgebied ``regio``)."""
    lines = ["## Vaste waarden", ""]
    for ind in _scan_termen(ont, OWL.NamedIndividual):
        lines.append(f"- `{_curie(ind)}` — **{_tekst(ont, ind, RDFS.label)}**: "
                     f"{_tekst(ont, ind, RDFS.comment)}")
    return lines + [""]


def _schema_sectie(sch: Graph, scheme: URIRef) -> list[str]:
    """One concept scheme: the codes a werkboek cell may hold, with meaning."""
    lines = [f"### {_tekst(sch, scheme, SKOS.prefLabel)} (`{_curie(scheme)}`)", "",
             _tekst(sch, scheme, SKOS.definition), "",
             "| code | naam | betekenis |", "|---|---|---|"]
    concepts = sorted(sch.subjects(SKOS.inScheme, scheme),
                      key=lambda c: str(sch.value(c, SKOS.notation)))
    for c in concepts:
        lopend = sch.value(c, SCAN.teltAlsLopend)
        extra = " (telt als lopend)" if lopend is not None and lopend.toPython() else ""
        lines.append(f"| `{sch.value(c, SKOS.notation)}` | {_tekst(sch, c, SKOS.prefLabel)} "
                     f"| {_tekst(sch, c, SKOS.definition)}{extra} |")
    return lines + [""]


def _hergebruik_sectie(ont: Graph, shapes: Graph) -> list[str]:
    """Terms reused from standard vocabularies, found where the files use them."""
    used: set[Node] = set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH["class"]))
    for p in (RDFS.subClassOf, RDFS.domain, RDFS.range):
        used |= set(ont.objects(None, p))
    lines = ["## Hergebruikte vocabulaires", "",
             "Deze termen komen uit bestaande standaarden en worden niet opnieuw gedefinieerd.", ""]
    for prefix, naam in HERGEBRUIK.items():
        ns = PREFIXES[prefix]
        terms = sorted(_curie(t) for t in used if isinstance(t, URIRef) and str(t).startswith(ns))
        if terms:
            lines.append(f"- **{naam}** (`{prefix}:` {ns}): "
                         + ", ".join(f"`{t}`" for t in terms))
    lines += ["", f"Kolommen die een werkboek heeft naast het contract worden bewaard als "
                  f"`kolom:{{naam}}` ({KOLOM})."]
    return lines + [""]


def _kop(ont: Graph) -> list[str]:
    """Title block: what the ontology is, its version and licence."""
    licence = ont.value(ONTOLOGIE_URI, URIRef("http://purl.org/dc/terms/license"))
    return [f"# Ontologie: {_tekst(ont, ONTOLOGIE_URI, URIRef('http://purl.org/dc/terms/title'))}",
            "",
            "<!-- Gegenereerd door `python -m graaf.ontologiedoc` uit ontologie/*.ttl; "
            "niet met de hand wijzigen. -->", "",
            _tekst(ont, ONTOLOGIE_URI, URIRef("http://purl.org/dc/terms/description")), "",
            f"- Namespace: `{SCAN}` (prefix `scan:`)",
            f"- Versie: {_tekst(ont, ONTOLOGIE_URI, OWL.versionInfo)}",
            f"- Licentie: {licence}",
            "- Bestanden: `ontologie/scan.ttl` (begrippen), `ontologie/schemas.ttl` "
            "(vaste lijsten), `ontologie/shapes.ttl` (regels)", ""]


def _laad(ontologie_dir: Path) -> tuple[Graph, Graph, Graph]:
    return tuple(Graph().parse(ontologie_dir / name, format="turtle")  # type: ignore[return-value]
                 for name in ("scan.ttl", "schemas.ttl", "shapes.ttl"))


def _secties(ont: Graph, sch: Graph, shapes: Graph) -> Iterable[list[str]]:
    yield _kop(ont)
    yield ["## Klassen", "", "Per klasse: de kolommen van het werkboek, wat erin mag, "
           "en de regels die de controle toepast.", ""]
    for klasse in _klassen(ont, shapes):
        yield _klasse_sectie(ont, shapes, klasse)
    yield _eigenschappen_sectie(ont)
    yield _individuen_sectie(ont)
    yield ["## Vaste lijsten", "", "De codes die in het werkboek mogen staan.", ""]
    schemes = sorted(s for s in sch.subjects(RDF.type, SKOS.ConceptScheme)
                     if isinstance(s, URIRef))
    for scheme in schemes:
        yield _schema_sectie(sch, scheme)
    yield _hergebruik_sectie(ont, shapes)


def render_markdown(ontologie_dir: Path) -> str:
    """The whole page for the three Turtle files in ``ontologie_dir``."""
    ont, sch, shapes = _laad(ontologie_dir)
    lines = [line for sectie in _secties(ont, sch, shapes) for line in sectie]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write docs/ontologie.md (or the path given as the only argument)."""
    args = sys.argv[1:] if argv is None else argv
    uitvoer = Path(args[0]) if args else UITVOER
    uitvoer.parent.mkdir(parents=True, exist_ok=True)
    uitvoer.write_text(render_markdown(ONTOLOGIE), encoding="utf-8")
    print(f"geschreven: {uitvoer}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
