"""Fuzzing the RDF reader (``ingest.turtle``): Turtle, N-Triples, N-Quads and TriG built
from the scan's own vocabulary with ill-typed literals, broken syntax and raw bytes,
through parsing and SHACL validation. Only a Dutch ``ScanFout`` may come out."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzhulp import cases, toets_valideer

pytestmark = pytest.mark.volledig  # the full loop: GRAAF_VOLLEDIG=1 -m volledig

PREFIXEN = ("@prefix scan: <https://w3id.org/360-scan/def#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            "@prefix id: <https://w3id.org/360-scan/id/> .\n")
KLASSEN = ["scan:Initiatief", "scan:Organisatie", "scan:Persoon", "scan:Doel", "scan:Regio",
           "scan:Doelgroep", "scan:Inspanning", "scan:Versie", "skos:Concept", "scan:Onbekend"]
EIGENSCHAPPEN = ["scan:soort", "scan:status", "scan:start", "scan:eind", "scan:partner",
                 "scan:eigenaar", "scan:trekker", "scan:budgetEur", "scan:focus",
                 "scan:cbsCode", "scan:regio", "scan:opgegaanIn", "scan:volgnummer",
                 "scan:werkgebied", "scan:score", "scan:gewicht", "skos:broader",
                 "<http://www.w3.org/2000/01/rdf-schema#label>", "a"]
ONDERWERP = st.one_of(
    st.from_regex(r"id:(initiatief|organisatie|persoon|doel)/[a-z0-9-]{1,8}", fullmatch=True),
    st.sampled_from(["[]", "_:b1", "<>", "<#x>", "<urn:x>", "<http://[::1]/>", "<a b>", "id:"]))
LEXICAAL = st.one_of(st.sampled_from(["2026-02-30", "2026-13-01", "abc", "1e999", "-0", "NaN",
                                      "INF", "true", "1", "", " 1 ", "2026-05-07", "9" * 40,
                                      "\\u0000", "\\uD800", "x\"y"]), st.text(max_size=10))
DATATYPE = st.sampled_from(["xsd:date", "xsd:integer", "xsd:decimal", "xsd:boolean",
                            "xsd:dateTime", "xsd:double", "<urn:eigen>", "xsd:gYear"])


@st.composite
def voorwerp(draw) -> str:
    soort = draw(st.integers(0, 5))
    if soort == 0:
        return draw(ONDERWERP)
    if soort == 1:
        return draw(st.sampled_from(KLASSEN))
    if soort == 2:
        return f'"{draw(LEXICAAL)}"^^{draw(DATATYPE)}'
    if soort == 3:
        return f'"{draw(LEXICAAL)}"@{draw(st.sampled_from(["nl", "en-GB", "x", "123", ""]))}'
    if soort == 4:
        return draw(st.sampled_from(["1", "-1.5", "1e3", "true", "( 1 2 )", "()", '"""a\nb"""']))
    return f'"{draw(LEXICAAL)}"'


@st.composite
def document(draw) -> str:
    regels = [PREFIXEN if draw(st.booleans()) else ""]
    for _ in range(draw(st.integers(1, 8))):
        regels.append(f"{draw(ONDERWERP)} {draw(st.sampled_from(EIGENSCHAPPEN))} "
                      f"{draw(voorwerp())} .")
    tekst = "\n".join(regels)
    for _ in range(draw(st.integers(0, 3))):  # breakage: a token in a random spot
        plek = draw(st.integers(0, len(tekst)))
        stuk = draw(st.sampled_from([".", ";", ",", "<", '"', "{", "}", "GRAPH", "@base <x> .",
                                     "\x00", "\\", "@prefix", "^^", "[", "]"]))
        tekst = tekst[:plek] + stuk + tekst[plek:]
    return tekst


@cases(standaard=50, volledig=2000)
@given(tekst=document(), achtervoegsel=st.sampled_from([".ttl", ".ttl", ".nt", ".nq", ".trig"]),
       codering=st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"]))
def test_rdf_invoer_geeft_alleen_nederlandse_meldingen(tekst, achtervoegsel, codering):
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / f"scan{achtervoegsel}"
        pad.write_bytes(tekst.encode(codering, errors="replace"))
        toets_valideer(pad, met_plaats=False)


@cases(standaard=20, volledig=500)
@given(inhoud=st.binary(max_size=200), achtervoegsel=st.sampled_from([".ttl", ".nq", ".trig"]))
def test_willekeurige_bytes_als_rdf(inhoud, achtervoegsel):
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / f"scan{achtervoegsel}"
        pad.write_bytes(inhoud)
        toets_valideer(pad, met_plaats=False)
