"""What every fuzz test (tests/*/test_fuzz_*.py) asks of a refusal, and how many cases it runs.

A reader may only let ``ScanFout`` out, with a Dutch message that says where;
findings it reports must be Dutch too. The number of generated cases is small
in the default suite and large with ``GRAAF_VOLLEDIG=1`` (docs/betrouwbaarheid.md);
``derandomize`` makes every run (CI too) generate the same cases.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, settings

from graaf.fouten import Bevinding, ScanFout

VOLLEDIG = os.environ.get("GRAAF_VOLLEDIG") == "1"
#: Crashing inputs found by fuzzing, replayed by tests/ingest/test_fuzz_regressies.py.
FIXTURES = Path(__file__).parent / "data" / "fuzz"

#: Frequent Dutch words: a message holding none of them is not Dutch (or not a sentence).
_NEDERLANDS = set("""de het een en is niet geen van voor op in te met of als dit dat die er
    moet mag kan wordt worden zijn bij naar om uit dan ook maar alleen hier deze
    bestand blad rij kolom waarde query ongeldig gevonden gebruik geef kies probeer""".split())


def cases(standaard: int, volledig: int) -> settings:
    """Settings for one fuzz test: ``standaard`` cases by default, ``volledig`` in the full run."""
    return settings(max_examples=volledig if VOLLEDIG else standaard, derandomize=True,
                    deadline=None, database=None, print_blob=True,
                    suppress_health_check=list(HealthCheck))


def is_nederlands(tekst: str) -> bool:
    return bool(set(re.findall(r"[a-zà-ÿ]+", tekst.lower())) & _NEDERLANDS)


def toets_bevinding(b: Bevinding, met_plaats: bool = True) -> None:
    assert is_nederlands(b.melding), f"niet Nederlands: {b.melding!r}"
    if met_plaats:
        assert b.blad, f"bevinding zonder plaats: {b.tekst()!r}"


def toets_scanfout(e: ScanFout, met_plaats: bool = True) -> None:
    """A refusal: Dutch, and it names where (a file, a sheet) — or every finding does."""
    assert is_nederlands(e.melding), f"niet Nederlands: {e.melding!r}"
    assert e.plaats or e.bevindingen, f"geen plaats: {e.melding!r}"
    for b in e.bevindingen:
        toets_bevinding(b, met_plaats)


def toets_valideer(pad: Path, met_plaats: bool = True) -> None:
    """``ingest.valideer`` on ``pad``: a result with Dutch findings, or a Dutch ScanFout.
    Anything else propagates and fails the test (and hypothesis shrinks it)."""
    import ingest

    try:
        resultaat = ingest.valideer(pad)
    except ScanFout as e:
        toets_scanfout(e, met_plaats)
        return
    for b in resultaat.bevindingen:
        toets_bevinding(b, met_plaats)


_ATHERIS = """
import sys, atheris
sys.path[:0] = {paden!r}
with atheris.instrument_imports(include=["ingest"]):
    import ingest, ingest.lezen, ingest.omzetten, ingest.regels, ingest.turtle
import {module} as m
atheris.Setup([sys.argv[0], "-runs={runs}", "-seed=360", "-len_control=0", "-max_len=8192"],
              m.{test}.hypothesis.fuzz_one_input)
atheris.Fuzz()
"""


def atheris(testbestand: Path, test: str, runs: int) -> None:
    """Run the hypothesis test ``test`` under atheris (coverage-guided, libFuzzer) for
    ``runs`` inputs in a subprocess; a crash fails with atheris' report."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip("atheris", reason="atheris is installed with the test extras")
    wortel = Path(__file__).parent
    code = _ATHERIS.format(paden=[str(wortel), str(testbestand.parent), str(wortel.parent)],
                           module=testbestand.stem, test=test, runs=runs)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=3600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert f"Done {runs} runs" in proc.stderr, proc.stderr[-2000:]
