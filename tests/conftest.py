"""Shared fixtures: a store with the example scan, a CLI runner on a fresh store."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))  # tests/werkboeken.py as a helper module

from graaf.scan import VOORBEELD, laad  # noqa: E402
from graaf.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def voorbeeld_store() -> Store:
    """The bundled example scan in an in-memory store (read-only use, please)."""
    store = Store()
    laad(store, VOORBEELD, door="test")
    return store


@pytest.fixture
def store_map(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def graaf_cli(store_map: Path):
    """Run ``graaf …`` in-process against a fresh on-disk store; returns the Result."""
    from graaf.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, ["--store", str(store_map), *args])
    return run
