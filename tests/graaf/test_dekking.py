"""The coverage matrices on a planted werkboek and on the example scan."""
from __future__ import annotations

import pytest

from beraad_werkboek import beraad_store
from graaf import dekking


def cel(m: dict, rij: str, kolom: str) -> int:
    r = next(r for r in m["rijen"] if r["id"] == rij)
    return r["cellen"][[k["id"] for k in m["kolommen"]].index(kolom)]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return dekking.alle(beraad_store(tmp_path_factory.mktemp("dekking")))


def test_doel_doelgroep_smaller_vult_breder_maar_niet_andersom(data) -> None:
    m = data["doel_doelgroep"]
    assert [k["id"] for k in m["kolommen"]] == ["werkzoekenden", "jongeren"]
    assert m["kolommen"][1]["focus"] and m["kolommen"][1]["hoofdgroep"] == "Werkzoekenden"
    # wsp targets jongeren (narrower), taalhuis werkzoekenden itself; zonder-sfeer no group
    assert cel(m, "subdoel-1", "werkzoekenden") == 2
    assert cel(m, "subdoel-1", "jongeren") == 1  # taalhuis targets the broader group only
    assert cel(m, "subdoel-2", "werkzoekenden") == 0


def test_afgerond_telt_niet(data) -> None:
    # rmt is afgerond and the only initiative of subdoel-3 (via scholing)
    assert cel(data["doel_doelgroep"], "subdoel-3", "werkzoekenden") == 0
    assert cel(data["sector_doel"], "zorg", "subdoel-3") == 0


def test_regio_telt_in_elke_gemeente(data) -> None:
    m = data["doelgroep_gemeente"]
    assert [k["naam"] for k in m["kolommen"]] == ["Hele regio", "Gemeente Hilversum",
                                                  "Gemeente Huizen"]
    assert cel(m, "jongeren", "") == 1          # wsp, for the whole region
    assert cel(m, "jongeren", "hilversum") == 1
    assert cel(m, "jongeren", "huizen") == 1
    assert cel(m, "werkzoekenden", "hilversum") == 1  # wsp only
    assert cel(m, "werkzoekenden", "huizen") == 2     # wsp and taalhuis (gepland, Huizen)


def test_sector_gewogen_naar_vacatures(data) -> None:
    m = data["sector_doel"]
    assert m["maat"] == "vacatures" and m["maten"] == ["vacatures"]
    assert [r["id"] for r in m["rijen"]] == ["zorg", "ict"]  # 900 before 300; verpleging is no row
    assert m["rijen"][0]["indicator"]["tekst"] == "900"
    assert m["rijen"][0]["indicator"]["aandeel"] == 100
    assert cel(m, "zorg", "subdoel-1") == 1  # wsp serves verpleging, narrower than zorg
    assert cel(m, "ict", "subdoel-1") == 0
    assert not m["leeg"]


def test_onbekende_maat_valt_terug_op_vacatures(tmp_path) -> None:
    subdoelen = [{"id": "subdoel-1", "naam": "x"}]
    m = dekking.sector_doel(beraad_store(tmp_path), subdoelen, "bestaat-niet")
    assert m["maat"] == "vacatures"


def test_voorbeeldscan(voorbeeld_store) -> None:
    data = dekking.alle(voorbeeld_store)
    m = data["sector_doel"]
    assert m["leeg"]  # the example links no lopend initiative to a sector
    assert m["rijen"][0]["id"] == "beroepsklassen-uwv"
    waarden = [r["indicator"]["waarde"] for r in m["rijen"] if r["indicator"]]
    assert waarden == sorted(waarden, reverse=True)
    ww = dekking.alle(voorbeeld_store, "WW-uitkeringen")["sector_doel"]
    assert ww["maat"] == "WW-uitkeringen" and ww["rijen"][1]["id"] == "managers"
    g = data["doelgroep_gemeente"]
    assert len(g["kolommen"]) == 8  # hele regio and the 7 gemeenten


def test_getal_in_het_nederlands() -> None:
    assert dekking.getal(4950) == "4.950"
    assert dekking.getal(12.5) == "12,5"
