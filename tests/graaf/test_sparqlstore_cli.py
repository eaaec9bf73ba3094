"""The core's ingest tests through the ``graaf`` command, run again on Virtuoso.

These are the tests of tests/graaf/test_cli.py that write and read versions
(ingest, refusal of a bad werkboek, history and restore, export round trip,
diff, SPARQL, checks). Imported here unchanged, they run a second time with
``graaf_cli`` pointing ``--store`` at the session's Virtuoso (emptied first):
the same assertions hold on both engines.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import virtuoso as v

sys.path.insert(0, str(Path(__file__).parent))
from test_cli import (test_check_json_na_ingest_van_xlsx,  # noqa: E402,F401
                      test_check_tekst_en_onbekende_code,
                      test_fout_werkboek_wordt_geweigerd_en_scan_blijft_gelijk,
                      test_ingest_versies_en_herstel, test_sparql_tabel_en_weigering_van_updates,
                      test_verschil_tekst_json_csv, test_voorbeeldscan_overleeft_de_excel_rondgang)


@pytest.fixture
def graaf_cli(virtuoso, monkeypatch):
    """``graaf --store sparql+http://…`` in-process, on an emptied Virtuoso."""
    from graaf.cli import main

    v.leeg(virtuoso)
    monkeypatch.setenv("GRAAF_STORE_GEBRUIKER", v.GEBRUIKER)
    monkeypatch.setenv("GRAAF_STORE_WACHTWOORD", virtuoso.wachtwoord)

    def run(*args: str):
        return CliRunner().invoke(main, ["--store", virtuoso.spec, *args])
    return run
