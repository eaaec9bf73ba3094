"""The invloedssfeer rings: grouping, numbering and the drawing's layout."""
from __future__ import annotations

import math

import pytest

from beraad_werkboek import beraad_store
from graaf import invloedssfeer as iv


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return iv.invloedssfeer(beraad_store(tmp_path_factory.mktemp("sfeer")))


def test_ringen_alleen_lopend(data) -> None:
    per = {r["code"]: [i["id"] for i in r["initiatieven"]] for r in data["ringen"]}
    assert per == {"eigen": ["wsp"], "partner": ["taalhuis"], "omgeving": ["los"]}  # rmt afgerond
    assert [r["aantal"] for r in data["ringen"]] == [1, 1, 1]
    assert [i["id"] for i in data["onbekend"]] == ["zonder-sfeer"]
    assert data["totaal"] == 4
    assert data["ringen"][0]["uitleg"].startswith("Hoort bij de back office")


def test_nummers_lopen_door_over_de_ringen(data) -> None:
    nummers = [i["nummer"] for r in data["ringen"] for i in r["initiatieven"]]
    assert nummers == [1, 2, 3]


def test_tekening_een_stip_per_initiatief_in_zijn_ring(data) -> None:
    t = iv.tekening(data["ringen"])
    assert [s["id"] for s in t["stippen"]] == ["wsp", "taalhuis", "los"]
    for s in t["stippen"]:
        binnen, buiten = iv.BANDEN[s["ring"]]
        afstand = math.dist((s["x"], s["y"]), (t["midden"], t["midden"]))
        assert binnen <= afstand - s["r"] and afstand + s["r"] <= buiten
        assert s["toon_nummer"]


@pytest.mark.parametrize("n", [0, 1, 40, 400, 1500])
def test_veel_initiatieven_passen_in_de_band(n: int) -> None:
    ringen = [{"code": "partner", "naam": "partner", "aantal": n,
               "initiatieven": [{"id": f"i{k}", "naam": f"I {k}", "nummer": k + 1}
                                for k in range(n)]}]
    t = iv.tekening(ringen)
    assert len(t["stippen"]) == n
    binnen, buiten = iv.BANDEN["partner"]
    for s in t["stippen"]:
        afstand = math.dist((s["x"], s["y"]), (t["midden"], t["midden"]))
        assert binnen - 0.01 <= afstand - s["r"] and afstand + s["r"] <= buiten + 0.01
    plekken = {(s["x"], s["y"]) for s in t["stippen"]}
    assert len(plekken) == n  # no two dots on the same spot


def test_voorbeeldscan(voorbeeld_store) -> None:
    data = iv.invloedssfeer(voorbeeld_store)
    assert [r["aantal"] for r in data["ringen"]] == [16, 16, 4]
    assert [i["id"] for i in data["onbekend"]] == ["win-punten"]
