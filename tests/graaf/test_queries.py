"""The saved queries: headers, the registry, and the rules every check query follows."""
from __future__ import annotations

import re
from datetime import date

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graaf import checks, queries
from graaf.fouten import ScanFout
from graaf.store import Store

SPARQL_CHECKS = [c for c in checks.VOLGORDE
                 if c not in ("mogelijk-duplicaat", "doel-afhankelijk-van-een-partij")]


def test_elke_sparql_check_heeft_een_query_met_volledige_kop():
    for code in SPARQL_CHECKS:
        q = queries.get(code)
        assert q.groep == "checks" and q.pad.stem == code
        assert q.titel and q.uitleg and q.toelichting and q.onderwerpen
        assert q.soort in ("hiaat", "overlap")


def test_register_leest_eenmaal():
    assert queries.alle()[0] is queries.alle()[0]  # the same cached objects
    assert {"checks", "netwerk"} <= {q.groep for q in queries.alle()}
    assert [q.groep for q in queries.alle("netwerk")] == ["netwerk"] * 3


def test_kop_is_yaml_in_commentaar():
    kop = queries.lees_kop('#+ code: x\n#+ parameters:\n#+   peildatum: "xsd:date, d"\n'
                           "SELECT * WHERE {}\n#+ niet: dit\n")
    assert kop == {"code": "x", "parameters": {"peildatum": "xsd:date, d"}}
    assert queries.lees_kop("SELECT * WHERE {}") == {}


def test_onbekende_query():
    with pytest.raises(ScanFout, match="Geldige codes: .*doel-zonder-inspanning"):
        queries.get("bestaat-niet")


EIGEN = queries.alle("checks") + queries.alle("netwerk")


@pytest.mark.parametrize("q", EIGEN, ids=lambda q: q.code)
def test_query_draait_en_projecteert_zijn_variabelen(q):
    """Valid SPARQL; header variables and parameters are in the SELECT clause."""
    bindings = {p: Literal(date(2026, 5, 7).isoformat(), datatype=XSD.date)
                for p in q.parameters}
    assert Store().query(q.sparql, bindings=bindings or None) == []
    projectie = q.sparql[q.sparql.index("SELECT"):q.sparql.index("WHERE")]
    for var in (*q.onderwerpen, *q.betrokken, *q.parameters,
                *re.findall(r"\{(\w+)\}", q.toelichting)):
        assert f"?{var}" in projectie, f"{q.code}: ?{var} staat niet in SELECT"


@pytest.mark.parametrize("q", EIGEN, ids=lambda q: q.code)
def test_geen_exists(q):
    """EXISTS is quadratic in pyoxigraph (recepten.md): gaps are written with MINUS."""
    zonder_commentaar = "\n".join(r.split("#")[0] for r in q.sparql.splitlines())
    assert "EXISTS" not in zonder_commentaar.upper()
