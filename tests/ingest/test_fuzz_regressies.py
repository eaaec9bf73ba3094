"""Every crashing input the fuzz tests found (tests/data/fuzz/), replayed: each must now
be refused or reported in Dutch, never crash the reader. A new find goes into the folder
of its kind (xlsx/, csv/ as a folder or .zip, rdf/) and is replayed here automatically."""
from __future__ import annotations

from pathlib import Path

import pytest

from fuzzhulp import FIXTURES, toets_valideer

INVOER = sorted(p for soort in ("xlsx", "csv", "rdf") for p in (FIXTURES / soort).glob("*")
                if not p.name.startswith("."))


@pytest.mark.parametrize("pad", INVOER, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gevonden_invoer_geeft_nederlandse_melding(pad: Path):
    toets_valideer(pad, met_plaats=pad.parent.name != "rdf")


def test_er_zijn_regressies():
    assert INVOER, "tests/data/fuzz/ holds the inputs found by fuzzing"
