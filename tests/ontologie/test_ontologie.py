"""Tests of ontologie/: the Turtle files, their agreement with the werkboek
contract, the SHACL rules on hand-built scans, and docs/ontologie.md.

The valid scan below is built with the row→RDF rules that ingest follows
(one triple per cell value, typed by the column's soort), so a shape that
rejects what ingest writes fails here first.
"""
from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from graaf.ontologiedoc import render_markdown
from graaf.vocab import DEFAULT_BASE, HELE_REGIO, SCAN, SH, concept
from ingest.contract import (BLAD, BLADEN, DATUM, ENUM, GEHEEL, GETAL, JANEE, LOPEND,
                             REF, REGIO, SCHEMAS, TEKST, URL)

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGIE = ROOT / "ontologie"
SCAN_NS = str(SCAN)


def _parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGIE / name, format="turtle")


@pytest.fixture(scope="module")
def ontologie() -> Graph:
    return _parse("scan.ttl")


@pytest.fixture(scope="module")
def schemas() -> Graph:
    return _parse("schemas.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse("shapes.ttl")


# --- the files and the contract ------------------------------------------

@pytest.mark.parametrize("name", ["scan.ttl", "schemas.ttl", "shapes.ttl"])
def test_file_parses_and_is_not_empty(name: str) -> None:
    assert len(_parse(name)) > 50


def test_ontology_header(ontologie: Graph) -> None:
    ont = URIRef("https://w3id.org/360-scan/def")
    assert (ont, RDF.type, OWL.Ontology) in ontologie
    assert ontologie.value(ont, DCTERMS.title) is not None
    assert ontologie.value(ont, OWL.versionInfo) is not None
    assert ontologie.value(ont, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")


def _contract_terms() -> dict[URIRef, URIRef]:
    """Every scan: term the contract uses, with the OWL type it must have."""
    terms: dict[URIRef, URIRef] = {}
    for blad in BLADEN:
        for t in (blad.klasse, *blad.extra_types):
            if str(t).startswith(SCAN_NS):
                terms[t] = OWL.Class
        for k in blad.kolommen:
            if str(k.predicaat).startswith(SCAN_NS):
                soort = OWL.ObjectProperty if k.soort in (REF, ENUM, URL) else OWL.DatatypeProperty
                terms[k.predicaat] = soort
    return terms


def _store_terms() -> dict[URIRef, URIRef]:
    """Terms the store and the checks use beyond the werkboek columns."""
    return {SCAN.Versie: OWL.Class, SCAN.volgnummer: OWL.DatatypeProperty,
            SCAN.door: OWL.DatatypeProperty, SCAN.notitie: OWL.DatatypeProperty,
            SCAN.bronbestand: OWL.DatatypeProperty, SCAN.teltAlsLopend: OWL.DatatypeProperty}


@pytest.mark.parametrize("term,owl_type", sorted({**_contract_terms(), **_store_terms()}.items()),
                         ids=lambda v: str(v).rsplit("#", 1)[-1])
def test_term_declared_with_dutch_label_and_comment(
        ontologie: Graph, term: URIRef, owl_type: URIRef) -> None:
    assert (term, RDF.type, owl_type) in ontologie
    for pred in (RDFS.label, RDFS.comment):
        dutch = [o for o in ontologie.objects(term, pred) if getattr(o, "language", None) == "nl"]
        assert len(dutch) == 1, f"{term} needs one {pred} @nl"


def test_every_scan_term_in_the_ontology_is_documented(ontologie: Graph) -> None:
    """Not only the contract's terms: nothing in scan: goes without a label."""
    subjects = {s for s in ontologie.subjects() if str(s).startswith(SCAN_NS)}
    assert HELE_REGIO in subjects
    for s in subjects:
        assert ontologie.value(s, RDFS.label) is not None, s
        assert ontologie.value(s, RDFS.comment) is not None, s


def test_reused_terms_are_not_redeclared(ontologie: Graph) -> None:
    declared = {s for s in ontologie.subjects(RDF.type, None) if isinstance(s, URIRef)}
    foreign = {s for s in declared if not str(s).startswith("https://w3id.org/360-scan/")}
    assert foreign == set()


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_scheme_has_exactly_the_contract_codes(schemas: Graph, schema: str) -> None:
    scheme = URIRef(f"https://w3id.org/360-scan/def/{schema}")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in schemas
    members = set(schemas.subjects(SKOS.inScheme, scheme))
    assert members == {URIRef(concept(schema, c)) for c in SCHEMAS[schema]}
    for code in SCHEMAS[schema]:
        c = URIRef(concept(schema, code))
        assert schemas.value(c, SKOS.notation) == Literal(code)
        assert schemas.value(c, SKOS.prefLabel).language == "nl"
        assert schemas.value(c, SKOS.definition).language == "nl"


def test_statuses_that_count_as_lopend(schemas: Graph) -> None:
    lopend = {s for s, o in schemas.subject_objects(SCAN.teltAlsLopend) if o.toPython() is True}
    assert lopend == {URIRef(concept("status", s)) for s in LOPEND}


def test_every_column_has_a_property_shape(shapes: Graph) -> None:
    """Each werkboek column is checked, with the contract's cardinality."""
    for blad in BLADEN:
        node = next(shapes.subjects(SH.targetClass, blad.klasse))
        by_name = {str(shapes.value(p, SH.name)): p for p in shapes.objects(node, SH.property)}
        assert set(by_name) == set(blad.kolomnamen), blad.naam
        for k in blad.kolommen:
            p = by_name[k.naam]
            assert shapes.value(p, SH.path) == k.predicaat, (blad.naam, k.naam)
            assert (shapes.value(p, SH.minCount) is not None) == k.verplicht, (blad.naam, k.naam)
            assert (shapes.value(p, SH.maxCount) is not None) != k.meervoud, (blad.naam, k.naam)
            assert shapes.value(p, SH.message).language == "nl"


# --- a scan built the way ingest builds it -------------------------------

_DATATYPE = {DATUM: lambda v: Literal(date.fromisoformat(v)),
             GETAL: lambda v: Literal(Decimal(v)),
             GEHEEL: lambda v: Literal(int(v)),
             JANEE: lambda v: Literal(v == "ja")}


def _uri(bladnaam: str, ident: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}/id/{BLAD[bladnaam].segment}/{ident}")


def _value(kolom, raw: str):  # noqa: ANN001, ANN202 - test helper
    if kolom.soort == TEKST:
        return Literal(raw)
    if kolom.soort == URL:
        return URIRef(raw)
    if kolom.soort == ENUM:
        return URIRef(concept(kolom.schema, raw))
    if kolom.soort == REF:
        return HELE_REGIO if raw == REGIO else _uri(kolom.doel[0], raw)
    return _DATATYPE[kolom.soort](raw)


def rij(g: Graph, bladnaam: str, ident: str, **cellen: str) -> URIRef:
    """Add one werkboek row as ingest does; returns its subject."""
    blad = BLAD[bladnaam]
    s = _uri(bladnaam, ident)
    for t in (blad.klasse, *blad.extra_types):
        g.add((s, RDF.type, t))
    g.add((s, DCTERMS.identifier, Literal(ident)))
    for naam, cel in cellen.items():
        kolom = blad.kolom(naam)
        for raw in cel.split(";") if kolom.meervoud else [cel]:
            g.add((s, kolom.predicaat, _value(kolom, raw.strip())))
    return s


def geldige_scan() -> Graph:
    """A small scan with a row in every sheet, valid by every rule."""
    g = Graph()
    rij(g, "organisaties", "hilversum", naam="Gemeente Hilversum", soort="gemeente",
        rol="kernpartner", cbs_code="GM0402", website="https://www.hilversum.nl")
    rij(g, "organisaties", "uwv", naam="UWV", soort="uwv", rol="kernpartner")
    rij(g, "personen", "kwartiermaker", naam="A. Jansen", functie="kwartiermaker",
        organisatie="hilversum", email="a.jansen@example.nl")
    rij(g, "gremia", "rb", naam="Regionaal Beraad", soort="bestuurlijk",
        leden="hilversum;uwv", voorzitter="kwartiermaker")
    rij(g, "gremia", "werkkamer", naam="Werkkamer", actief_tot="2025-12-12")
    rij(g, "opgaven", "sociale-opgave", naam="Sociale opgave")
    rij(g, "doelen", "hoofddoel", naam="Toekomstbestendige dienstverlening", soort="hoofddoel")
    rij(g, "doelen", "subdoel-1", naam="Iedereen doet mee", soort="subdoel",
        bovenliggend="hoofddoel", opgaven="sociale-opgave")
    rij(g, "inspanningen", "matching", naam="Matching", doelen="subdoel-1")
    rij(g, "doelgroepen", "jongeren", naam="Jongeren", focus="ja")
    rij(g, "doelgroepen", "jongeren-zonder-startkwalificatie", naam="Jongeren zonder sk",
        bovenliggend="jongeren", focus="nee")
    rij(g, "sectoren", "zorg", naam="Zorg", focus="ja")
    rij(g, "initiatieven", "jongerenloket", naam="Jongerenloket", soort="voorziening",
        status="lopend", start="2024-01-01", eind="2027-12-31", eigenaar="hilversum",
        partners="uwv", trekker="kwartiermaker", inspanningen="matching",
        doelgroepen="jongeren", sectoren="zorg", werkgebied="hilversum;regio",
        invloedssfeer="partner", werkgeversbenadering="ja", budget_eur="125000.50",
        financier="hilversum;uwv", bron="bronnen/001 §2", laatst_bijgewerkt="2026-03-01",
        beschrijving="Eén loket voor jongeren.")
    rij(g, "initiatieven", "oud-loket", naam="Oud loket", soort="project",
        status="opgegaan-in", opgegaan_in="jongerenloket")
    rij(g, "indicatoren", "vacatures-zorg", naam="Vacatures zorg", waarde="1250",
        eenheid="vacatures", peildatum="2025-06-30", sector="zorg")
    rij(g, "criteria", "bijdrage", naam="Bijdrage aan doelen", gewicht="2.5")
    rij(g, "afwegingen", "jl-bijdrage", onderwerp="jongerenloket", criterium="bijdrage",
        score="3", beoordelaar="A. Jansen", datum="2026-04-01")
    rij(g, "besluiten", "jl-besluit", onderwerp="jongerenloket", besluit="verbinden",
        datum="2026-05-07", gremium="rb", toelichting="Past bij subdoel 1.")
    return g


def _check(data: Graph, shapes: Graph) -> tuple[bool, set[str]]:
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none",
                                   advanced=False, allow_warnings=False)
    return conforms, {str(m) for m in report.objects(None, SH.resultMessage)}


def test_valid_scan_conforms(shapes: Graph) -> None:
    begin = time.perf_counter()
    conforms, messages = _check(geldige_scan(), shapes)
    duur = time.perf_counter() - begin
    assert conforms, messages
    assert duur < 5, f"pyshacl took {duur:.2f} s on a small scan"


def test_scan_with_ontology_in_the_same_graph_conforms(
        shapes: Graph, ontologie: Graph, schemas: Graph) -> None:
    """The store may hold the ontology beside the data: it must not trip a rule."""
    conforms, messages = _check(geldige_scan() + ontologie + schemas, shapes)
    assert conforms, messages


def _replace(g: Graph, s: URIRef, p: URIRef, *values) -> Graph:  # noqa: ANN002
    g.remove((s, p, None))
    for v in values:
        g.add((s, p, v))
    return g


def _initiatief(ident: str = "jongerenloket") -> URIRef:
    return _uri("initiatieven", ident)


def _bad_status(g: Graph) -> Graph:
    return _replace(g, _initiatief(), SCAN.status, URIRef(concept("status", "bezig")))


def _gemeente_zonder_cbs(g: Graph) -> Graph:
    return _replace(g, _uri("organisaties", "hilversum"), SCAN.cbsCode)


def _gemeente_slechte_cbs(g: Graph) -> Graph:
    return _replace(g, _uri("organisaties", "hilversum"), SCAN.cbsCode, Literal("0402"))


def _zonder_naam(g: Graph) -> Graph:
    return _replace(g, _initiatief(), RDFS.label)


def _score_4(g: Graph) -> Graph:
    return _replace(g, _uri("afwegingen", "jl-bijdrage"), SCAN.score, Literal(4))


def _indicator_allebei(g: Graph) -> Graph:
    g.add((_uri("indicatoren", "vacatures-zorg"), SCAN.doelgroep, _uri("doelgroepen", "jongeren")))
    return g


def _opgegaan_zonder_doel(g: Graph) -> Graph:
    return _replace(g, _initiatief("oud-loket"), SCAN.opgegaanIn)


def _twee_statussen(g: Graph) -> Graph:
    g.add((_initiatief(), SCAN.status, URIRef(concept("status", "afgerond"))))
    return g


def _slechte_id(g: Graph) -> Graph:
    return _replace(g, _initiatief(), DCTERMS.identifier, Literal("Jongeren Loket"))


def _datum_als_tekst(g: Graph) -> Graph:
    return _replace(g, _initiatief(), SCAN.start, Literal("1 januari 2024"))


def _werkgebied_persoon(g: Graph) -> Graph:
    g.add((_initiatief(), SCAN.werkgebied, _uri("personen", "kwartiermaker")))
    return g


def _onbekende_trekker(g: Graph) -> Graph:
    return _replace(g, _initiatief(), SCAN.trekker, _uri("personen", "niemand"))


def _naam_met_taal(g: Graph) -> Graph:
    return _replace(g, _initiatief(), RDFS.label, Literal("Jongerenloket", lang="nl"))


_KAPOT = [
    (_bad_status, "Een initiatief heeft precies één status"),
    (_twee_statussen, "Een initiatief heeft precies één status"),
    (_gemeente_zonder_cbs, "Een gemeente heeft een CBS-code, zoals GM0402."),
    (_gemeente_slechte_cbs, "Een organisatie heeft hooguit één CBS-code: GM met vier cijfers"),
    (_zonder_naam, "Een initiatief heeft precies één naam."),
    (_naam_met_taal, "Een initiatief heeft precies één naam."),
    (_score_4, "Een afweging heeft precies één score: een heel getal van 0 tot en met 3."),
    (_indicator_allebei, "Een indicator gaat over een sector óf over een doelgroep"),
    (_opgegaan_zonder_doel, "Een initiatief met status opgegaan-in noemt"),
    (_slechte_id, "Een initiatief heeft precies één id"),
    (_datum_als_tekst, "Een initiatief heeft hooguit één startdatum"),
    (_werkgebied_persoon, "Het werkgebied van een initiatief bestaat uit gemeenten"),
    (_onbekende_trekker, "Een initiatief heeft hooguit één trekker"),
]


@pytest.mark.parametrize("breek,bericht", [
    pytest.param(f, m, id=f.__name__.strip("_")) for f, m in _KAPOT])
def test_broken_scan_fails_with_dutch_message(shapes: Graph, breek, bericht: str) -> None:  # noqa: ANN001
    conforms, messages = _check(breek(geldige_scan()), shapes)
    assert not conforms
    # Exactly the broken rule speaks: no other rule misfires on the same scan.
    assert messages and all(m.startswith(bericht) for m in messages), messages


def test_indicator_van_de_hele_regio_is_geldig(shapes: Graph) -> None:
    """Region-wide figures (banen, WW totaal) have neither a sector nor a doelgroep."""
    g = geldige_scan()
    _replace(g, _uri("indicatoren", "vacatures-zorg"), SCAN.sector)
    conforms, messages = _check(g, shapes)
    assert conforms, messages


def test_versie_shape(shapes: Graph) -> None:
    from rdflib.namespace import PROV, XSD  # local: XSD at module level warns under pytest
    g = geldige_scan()
    v1, v2 = URIRef("urn:versie:1"), URIRef("urn:versie:2")
    for v, n in ((v1, 1), (v2, 2)):
        g.add((v, RDF.type, SCAN.Versie))
        g.add((v, SCAN.volgnummer, Literal(n)))
        g.add((v, PROV.generatedAtTime, Literal("2026-05-07T10:00:00", datatype=XSD.dateTime)))
    g.add((v2, PROV.wasRevisionOf, v1))
    g.add((v2, SCAN.door, Literal("kwartiermaker")))
    assert _check(g, shapes)[0]
    g.remove((v1, SCAN.volgnummer, None))
    conforms, messages = _check(g, shapes)
    assert not conforms and "Een versie heeft precies één volgnummer: een heel getal." in messages


# --- docs -----------------------------------------------------------------

def test_docs_are_up_to_date() -> None:
    doc = ROOT / "docs" / "ontologie.md"
    assert doc.read_text(encoding="utf-8") == render_markdown(ONTOLOGIE), \
        "docs/ontologie.md is stale: run python -m graaf.ontologiedoc"


def test_docs_mention_every_class_and_scheme(ontologie: Graph) -> None:
    text = render_markdown(ONTOLOGIE)
    for klasse in ontologie.subjects(RDF.type, OWL.Class):
        if isinstance(klasse, URIRef):
            assert f"scan:{klasse[len(SCAN_NS):]}" in text
    for schema in SCHEMAS:
        assert f"def/{schema}" in text
