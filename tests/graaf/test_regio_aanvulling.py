"""A store made before regions existed is brought up to date once, on opening."""
from __future__ import annotations

from datetime import date

from graaf import checks
from graaf.scan import open_scan
from graaf.store import Store
from oude_scan import kern, zonder_regios

PEIL = date(2026, 5, 7)


def test_oude_store_krijgt_een_versie_met_de_standaardregio(voorbeeld_store, tmp_path) -> None:
    pad = tmp_path / "store"
    oud = Store(pad)
    oud.nieuwe_versie(iter(zonder_regios(voorbeeld_store)), door="Ans", notitie="van voor regio's")
    oud.close()
    del oud
    store = open_scan(pad)
    versies = store.versies()
    assert [v.nummer for v in versies] == [1, 2] and "regio" in versies[-1].notitie.lower()
    assert kern(checks.draai(store, PEIL)) == kern(checks.draai(voorbeeld_store, PEIL))
    store.close()
    del store
    again = open_scan(pad)  # once only: a second opening adds nothing
    assert len(again.versies()) == 2
    again.close()
