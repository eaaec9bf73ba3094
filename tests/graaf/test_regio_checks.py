"""Checks per region: a run for one region gives exactly the findings of the run over
all regions that belong to that region (ontwerp §7, national scale)."""
from __future__ import annotations

import json
from datetime import date

import pytest
from regio_werkboek import regio_rijen
from werkboeken import schrijf_csv

from graaf import checks, regios
from graaf.fouten import ScanFout
from graaf.scan import laad
from graaf.store import Store

PEILDATUM = date(2026, 5, 7)

#: The id whose region a finding belongs to: its subject, for a dubbel-aanbod pair the
#: shared subdoel (the pair's initiatives may come from two regions).
ANKER = {"dubbel-aanbod": lambda b: b["betrokken"][0]}

REGIO_VAN = """PREFIX scan: <https://w3id.org/360-scan/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id ?regio WHERE { ?x dcterms:identifier ?id ; scan:regio/dcterms:identifier ?regio }"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    s = Store()
    laad(s, schrijf_csv(tmp_path_factory.mktemp("regio") / "wb", regio_rijen()), door="test")
    return s


@pytest.fixture(scope="module")
def alle(store: Store) -> list[dict]:
    return checks.draai(store, PEILDATUM)["bevindingen"]


def _regio(store: Store, bevinding: dict) -> str:
    regio_van = {r["id"]: r["regio"] for r in store.waarden(REGIO_VAN)}
    anker = ANKER.get(bevinding["code"], lambda b: b["onderwerpen"][0])(bevinding)
    return regio_van[anker]


def test_drie_regios_met_namen_op_naam_gesorteerd(store: Store) -> None:
    assert [(r["id"], r["naam"]) for r in regios.lijst(store)] == [
        ("r03", "Friesland"), ("r01", "Gooi en Vechtstreek"), ("r02", "Groningen")]


@pytest.mark.parametrize("code", checks.VOLGORDE)
def test_regio_geeft_precies_haar_deel_van_alle_bevindingen(store, alle, code) -> None:
    van_code = [b for b in alle if b["code"] == code]
    per_regio = {r["id"]: [b for b in van_code if _regio(store, b) == r["id"]]
                 for r in regios.lijst(store)}
    assert sum(1 for v in per_regio.values() if v) >= 2, "test zegt niets: te weinig regio's"
    for regio, verwacht in per_regio.items():
        checks.vergeet()  # the region's own queries, not a cut from a remembered run
        een = checks.draai(store, PEILDATUM, [code], regio=regio)["bevindingen"]
        assert een == verwacht, regio
    assert sum(len(v) for v in per_regio.values()) == len(van_code)


def test_uitsnede_uit_de_landelijke_run_is_gelijk_aan_de_eigen_run(store) -> None:
    """The site cuts a region from the remembered national run: the same findings."""
    eigen = {}
    for r in regios.lijst(store):
        checks.vergeet()
        eigen[r["id"]] = checks.draai(store, PEILDATUM, regio=r["id"])
    checks.vergeet()
    checks.draai(store, PEILDATUM)
    for regio, verwacht in eigen.items():
        assert checks.draai(store, PEILDATUM, regio=regio) == verwacht
        assert checks.draai(store, PEILDATUM, ["verouderd"], regio=regio)["bevindingen"] == [
            b for b in verwacht["bevindingen"] if b["code"] == "verouderd"]


def test_alle_controles_samen_per_regio(store, alle) -> None:
    """All checks in one run per region add up to the national run, nothing twice."""
    samen = []
    for r in regios.lijst(store):
        samen += checks.draai(store, PEILDATUM, regio=r["id"])["bevindingen"]
    sleutel = lambda b: (b["code"], b["onderwerpen"], b["betrokken"])  # noqa: E731
    assert sorted(map(sleutel, samen)) == sorted(map(sleutel, alle))


def test_grensproject_telt_in_de_regio_van_het_doel(store) -> None:
    """Region 2's initiative working in region 1 reaches region 1's gemeente and
    overlaps with region 1's initiatives there."""
    r1 = checks.draai(store, PEILDATUM, ["gemeente-niet-bereikt", "dubbel-aanbod"],
                      regio="r01")["bevindingen"]
    assert not any(b["onderwerpen"] == ["r01-gemeente-0"] for b in r1)
    assert any("r02-grensproject" in b["onderwerpen"] for b in r1
               if b["code"] == "dubbel-aanbod")


def test_onbekende_regio_is_nederlandse_fout(store) -> None:
    with pytest.raises(ScanFout) as fout:
        checks.draai(store, PEILDATUM, regio="atlantis")
    assert "Onbekende regio 'atlantis'" in str(fout.value) and "r01" in str(fout.value)


def test_cli_check_regio(graaf_cli, tmp_path) -> None:
    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", regio_rijen()))).exit_code == 0
    r = graaf_cli("check", "--json", "--peildatum", "2026-05-07", "--regio", "r02")
    assert r.exit_code == 0, r.output
    een = json.loads(r.output)["bevindingen"]
    alle = json.loads(graaf_cli("check", "--json", "--peildatum", "2026-05-07").output)
    r2 = [b for b in alle["bevindingen"] if b in een]
    assert een and r2 == een and len(een) < len(alle["bevindingen"])
    assert all(not i.startswith(("r01-", "r03-")) for b in een for i in b["onderwerpen"]
               if b["code"] != "dubbel-aanbod")
    fout = graaf_cli("check", "--regio", "nergens")
    assert fout.exit_code == 1 and "Onbekende regio 'nergens'" in fout.output
