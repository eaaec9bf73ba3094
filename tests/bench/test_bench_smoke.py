"""The quick form of the one-command benchmark runs end to end on both engines.

Not a timing test: it checks that ``python -m bench --regios 1`` starts its
own Virtuoso and ``graaf serve`` on 127.0.0.1, fills every side of the table,
finds that all three endpoints give the same rows for every check query,
prints the §7 targets and leaves no server of its own running.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def uitvoer() -> str:
    if not (shutil.which("virtuoso-t") and shutil.which("isql-vt")):
        reden = "Virtuoso ontbreekt: installeer 'virtuoso-opensource' (scripts/testomgeving)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reden} (CI=true: de Virtuoso-tests moeten draaien)")
        pytest.skip(reden)
    r = subprocess.run([sys.executable, "-m", "bench", "--regios", "1", "--herhaal", "1",
                        "--duur", "1", "--klanten", "2", "--tienduizend", "nee"],
                       cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def _getal(uitvoer: str, begin: str) -> float:
    regel = next(r for r in uitvoer.splitlines() if r.strip().startswith(begin))
    return float(re.split(r"\s{2,}", regel.strip())[1])


@pytest.mark.parametrize("kant", ["(a) ons, ingebed", "(b) pyoxigraph bulk_load",
                                  "(c) ons, Virtuoso-opslag", "(d) Virtuoso ld_dir"])
def test_elke_kant_van_de_ingest_is_gemeten(uitvoer, kant):
    assert _getal(uitvoer, kant) > 0


def test_alle_eindpunten_geven_dezelfde_rijen_zonder_fouten(uitvoer):
    assert "zelfde antwoorden (rijen per query): ja" in uitvoer
    for kant in ("(a) ons /sparql, ingebed", "(c) ons /sparql, Virtuoso",
                 "(d) Virtuoso eigen /sparql"):
        regel = next(r for r in uitvoer.splitlines() if kant in r)
        velden = regel.split(kant)[1].split()
        assert float(velden[0]) > 0 and velden[3] == "0", regel  # req/s, fouten


def test_doelen_van_het_ontwerp_staan_erbij_met_oordeel(uitvoer):
    doelen = uitvoer.split("== doelen ontwerp §7 ==")[1]
    assert re.search(r"checks < 1 s.*\s(ja|NEE)$", doelen, re.M)
    assert re.search(r"eindpunt req/s ≥ Virtuoso.*\s(ja|NEE)$", doelen, re.M)


def _noemt(proces: psutil.Process, map_: str) -> bool:
    try:
        return any(map_ in deel for deel in [*proces.cmdline(), *proces.environ().values()])
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def test_geen_eigen_server_blijft_draaien(uitvoer):
    map_ = re.search(r"werkmap (\S+)", uitvoer).group(1)  # Virtuoso, graaf serve: theirs
    assert [p.pid for p in psutil.process_iter() if _noemt(p, map_)] == []
