"""Crash consistency: ``graaf ingest``, ``graaf herstel`` and ``graaf restore`` killed with
SIGKILL at random moments never leave a mixture behind.

Each kill runs the real command as a subprocess on a copy of a store, kills it at a
random (seeded) point of its own CPU time spread over its whole run, then opens the store and
compares the checksum of the current version's N-Quads dump with the two outcomes a
user may see: exactly the previous version, or exactly the complete new one. The store
must then take a following write, whose content must again be exact.

The werkboek is big (35 synthetic regions, ~59,000 triples; 10 in the default suite) so
that kills land in the store write (bulk load, privacy split, metadata commit) too, not
only in start-up and validation. The default suite does 10 kills; the full loop
(``GRAAF_VOLLEDIG=1 .venv/bin/python -m pytest -m volledig -s``) does 200 and prints
the tally (docs/betrouwbaarheid.md).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from graaf.store import Store
from graaf.versies import persoon_graaf, versie_graaf

pytestmark = pytest.mark.volledig

VOLLEDIG = os.environ.get("GRAAF_VOLLEDIG") == "1"
KILLS = {"ingest": 100 if VOLLEDIG else 4, "herstel": 50 if VOLLEDIG else 3,
         "restore": 50 if VOLLEDIG else 3}
SEED = int(os.environ.get("GRAAF_CRASH_SEED", "360"))
REGIOS = 35 if VOLLEDIG else 10  # synthetic regions in the werkboek being written
_GRAAF_NAAM = re.compile(rb" <urn:graaf:versie:\d+> \.\n")


def _checksum(nquads: bytes) -> str:
    """sha256 of a version's N-Quads dump, its graph name left out (the number is
    compared on its own): the same content as version 1 or as version 2 sums equal."""
    return hashlib.sha256(_GRAAF_NAAM.sub(b" <urn:graaf:versie> .\n", nquads)).hexdigest()


@dataclass(frozen=True)
class Toestand:
    nummer: int
    checksum: str
    wees: bool  # graphs of the next number without metadata: killed mid-write


def _toestand(pad: Path) -> Toestand:
    store = Store(pad)
    try:
        nummer = store.huidige().nummer
        volgende = [versie_graaf(nummer + 1), persoon_graaf(nummer + 1)]
        ask = store.query_begrensd("ASK { GRAPH ?g { ?s ?p ?o } }", [], volgende, "json", 1)
        return Toestand(nummer, _checksum(store.dump(formaat="nq")), json.loads(ask)["boolean"])
    finally:
        store.close()


@dataclass
class Scenario:
    """A store to copy, the command to kill, and the two acceptable outcomes."""

    basis: Path
    opdracht: list[str]
    vorige: Toestand
    nieuwe: Toestand
    cpu: float  # CPU seconds an unkilled run uses (its length, whatever the machine's load)


def _graaf(pad: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "graaf", "--store", str(pad), *args]


def _cpu(pid: int) -> float:
    """CPU seconds a process has used, all its threads (utime + stime in /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        velden = f.read().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def _draai(opdracht: list[str], pad: Path, grens: float | None) -> bool:
    """Run the command on ``pad``; kill it once it has used ``grens`` CPU seconds.

    The point is measured in the process's own CPU time, not wall time, so the kills
    spread over its work the same way on an idle and on a busy machine. True if killed.
    """
    args = [str(pad) if a == "{store}" else a for a in opdracht]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:  # an exited child stays readable in /proc until reaped
        if grens is not None and _cpu(proc.pid) >= grens:
            proc.kill()  # SIGKILL: no handler, no flush, no cleanup
            proc.communicate()
            return True
        time.sleep(0.002)
    fout = proc.communicate()[1]
    assert proc.returncode == 0, fout.decode()
    return False


def _scenario(werk: Path, basis: Path, opdracht: list[str]) -> Scenario:
    """The outcomes of ``opdracht`` on ``basis``: as it is, and after one unkilled run."""
    import resource

    vorige = _toestand(basis)
    referentie = werk / "referentie"
    shutil.copytree(basis, referentie)
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    _draai(opdracht, referentie, None)
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = na.ru_utime + na.ru_stime - voor.ru_utime - voor.ru_stime
    nieuwe = _toestand(referentie)
    assert (nieuwe.nummer, nieuwe.checksum != vorige.checksum) == (vorige.nummer + 1, True)
    return Scenario(basis, opdracht, vorige, nieuwe, cpu)


def _schrijf(pad: Path, nt: bytes) -> None:
    store = Store(pad)
    store.nieuwe_versie(nt, door="crashtest")
    store.close()


@pytest.fixture(scope="module")
def werkboeken(tmp_path_factory) -> dict[str, Path]:
    from bench.genereer import schrijf, werkboek

    werk = tmp_path_factory.mktemp("crash-werkboeken")
    return {"klein": schrijf(werkboek(3, seed=3), werk / "klein"),
            "groot": schrijf(werkboek(REGIOS, seed=35), werk / "groot")}


@pytest.fixture(scope="module")
def klein_nt(werkboeken) -> bytes:
    import ingest

    return ingest.lees(werkboeken["klein"]).ntriples()


@pytest.fixture(scope="module")
def ingest_scenario(werkboeken, klein_nt, tmp_path_factory) -> Scenario:
    """Before: version 1 (small werkboek); the killed command ingests the big one."""
    werk = tmp_path_factory.mktemp("crash-ingest")
    _schrijf(werk / "basis", klein_nt)
    return _scenario(werk, werk / "basis", _graaf(
        Path("{store}"), "ingest", str(werkboeken["groot"]), "--door", "crash"))


@pytest.fixture(scope="module")
def herstel_scenario(ingest_scenario, klein_nt, tmp_path_factory) -> Scenario:
    """Before: 1 small, 2 big, 3 small; the killed command restores version 2 (big)."""
    werk = tmp_path_factory.mktemp("crash-herstel")
    shutil.copytree(ingest_scenario.basis.parent / "referentie", werk / "basis")
    _schrijf(werk / "basis", klein_nt)
    return _scenario(werk, werk / "basis", _graaf(
        Path("{store}"), "herstel", "2", "--door", "crash"))


@pytest.fixture(scope="module")
def restore_scenario(ingest_scenario, tmp_path_factory) -> Scenario:
    """Before: version 1 (small); the killed command restores a backup holding 1 and 2 (big)."""
    from graaf.backup import maak_backup

    werk = tmp_path_factory.mktemp("crash-restore")
    maak_backup(ingest_scenario.basis.parent / "referentie", werk / "backup")
    shutil.copytree(ingest_scenario.basis, werk / "basis")
    return _scenario(werk, werk / "basis", _graaf(
        Path("{store}"), "restore", str(werk / "backup")))


def _kill_lus(scenario: Scenario, kills: int, werk: Path, klein_nt: bytes,
              klein: Toestand) -> Counter:
    """Kill ``kills`` runs; every outcome exact, every store writable after. Returns the tally."""
    rng = random.Random(SEED)
    telling: Counter = Counter()
    for i in range(kills):
        pad = werk / f"kill-{i}"
        shutil.copytree(scenario.basis, pad)
        vertraging = rng.uniform(0, scenario.cpu * 1.05)
        gedood = _draai(scenario.opdracht, pad, vertraging)
        na = _toestand(pad)
        plek = f"kill {i} na {vertraging:.3f} CPU-seconden"
        assert (na.nummer, na.checksum) in {
            (scenario.vorige.nummer, scenario.vorige.checksum),
            (scenario.nieuwe.nummer, scenario.nieuwe.checksum)}, f"{plek}: mengsel {na}"
        telling[_soort(gedood, na, scenario)] += 1
        store = Store(pad)
        store.nieuwe_versie(klein_nt, door="na de crash")
        store.close()
        daarna = _toestand(pad)
        assert (daarna.nummer, daarna.checksum, daarna.wees) == (
            na.nummer + 1, klein.checksum, False), f"{plek}: volgende ingest klopt niet"
        for rest in [pad, *werk.glob(f"{pad.name}.*"), *werk.glob(f".{pad.name}.*")]:
            shutil.rmtree(rest)  # the store, and what a restore kept or left beside it
    return telling


def _soort(gedood: bool, na: Toestand, scenario: Scenario) -> str:
    if not gedood:
        return "afgelopen"
    if na.nummer == scenario.nieuwe.nummer:
        return "na de wissel"
    return "tijdens het schrijven" if na.wees else "voor het schrijven"


def _meld(naam: str, telling: Counter, begin: float, scenario: Scenario) -> None:
    print(f"\n{naam}: {sum(telling.values())} runs, {dict(telling)}; "
          f"één run {scenario.cpu:.2f} CPU-s, lus {time.perf_counter() - begin:.1f} s")


@pytest.mark.parametrize("soort", ["ingest", "herstel", "restore"])
def test_gedood_laat_vorige_of_complete_nieuwe_versie(soort, request, klein_nt, tmp_path):
    scenario = request.getfixturevalue(f"{soort}_scenario")
    begin = time.perf_counter()
    telling = _kill_lus(scenario, KILLS[soort], tmp_path, klein_nt, scenario.vorige)
    _meld(soort, telling, begin, scenario)
    assert telling["afgelopen"] < KILLS[soort]  # the loop really killed
    if VOLLEDIG:  # enough kills that some must land inside the store write
        assert telling["tijdens het schrijven"] > 0
