"""An RDF scan without regions (written before regions existed, or by hand) still works.

Without the default region its gemeenten, initiatives and doelen belong to no
region, and every check would quietly find nothing.
"""
from __future__ import annotations

from datetime import date

from rdflib import Graph

from graaf import checks
from graaf.scan import laad
from graaf.store import Store
from oude_scan import kern, zonder_regios

PEIL = date(2026, 5, 7)


def test_turtle_zonder_regios_geeft_dezelfde_bevindingen(voorbeeld_store, tmp_path) -> None:
    oud = zonder_regios(voorbeeld_store)
    pad = tmp_path / "oude-scan.ttl"
    oud.serialize(pad, format="turtle")
    nieuw = Store()
    laad(nieuw, pad, door="test")
    verwacht = kern(checks.draai(voorbeeld_store, PEIL))
    assert verwacht  # the example scan has findings, so an empty result would show
    assert kern(checks.draai(nieuw, PEIL)) == verwacht


def test_een_scan_met_regios_blijft_zoals_hij_is(voorbeeld_store, tmp_path) -> None:
    pad = tmp_path / "scan.ttl"
    pad.write_bytes(voorbeeld_store.dump(formaat="ttl"))
    nieuw = Store()
    laad(nieuw, pad, door="test")
    assert nieuw.dump(formaat="nt") and sorted(
        Graph().parse(data=nieuw.dump(formaat="nt"), format="nt")) == sorted(
        Graph().parse(data=voorbeeld_store.dump(formaat="nt"), format="nt"))
