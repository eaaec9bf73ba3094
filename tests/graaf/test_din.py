"""The DIN view's data on the example scan and on a planted werkboek."""
from __future__ import annotations

import pytest

from beraad_werkboek import beraad_rijen, beraad_store
from graaf import din
from werkboeken import met


def _alle_doelen(boom):
    for d in boom:
        yield d
        yield from _alle_doelen(d["subdoelen"])


def _doel(data, id_):
    return next(d for d in _alle_doelen(data["doelen"]) if d["id"] == id_)


def _inspanning(doel, id_):
    return next(n for n in doel["inspanningen"] if n["id"] == id_)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return din.din(beraad_store(tmp_path_factory.mktemp("din")))


def test_lopend_en_gepland_tellen_afgerond_niet(data) -> None:
    matching = _inspanning(_doel(data, "subdoel-1"), "matching")
    assert [i["id"] for i in matching["initiatieven"]] == ["taalhuis", "wsp", "zonder-sfeer"]
    assert matching["lopend"] == 3
    assert [i["id"] for i in matching["overige"]] == ["rmt"]
    assert matching["overige"][0]["status_naam"] == "afgerond"
    assert matching["hiaat"] is None


def test_hiaten_in_woorden(data) -> None:
    assert _doel(data, "subdoel-2")["hiaat"] == din.HIAAT_GEEN_INSPANNING
    leren = _doel(data, "subdoel-3")
    assert _inspanning(leren, "scholing")["hiaat"] == din.HIAAT_INSPANNING
    assert leren["hiaat"] == din.HIAAT_DOEL_ZONDER_LOPEND
    assert leren["lopend"] == 0
    assert _doel(data, "subdoel-1")["hiaat"] is None


def test_boom_en_dekking_per_knoop(data) -> None:
    [hoofd] = data["doelen"]
    assert hoofd["soort"] == "hoofddoel"
    assert [s["id"] for s in hoofd["subdoelen"]] == ["subdoel-1", "subdoel-2", "subdoel-3"]
    assert hoofd["lopend"] == 3  # distinct over the subdoelen
    assert _doel(data, "subdoel-1")["opgaven"] == [
        {"id": "sociale-opgave", "naam": "Sociale opgave"}]


def test_niet_gekoppeld_en_totalen(data) -> None:
    assert data["niet_gekoppeld"] == [{"id": "los", "naam": "Los project"}]
    assert data["totalen"] == {"subdoelen": 3, "subdoelen_met_hiaat": 2, "inspanningen": 2,
                               "inspanningen_zonder_initiatief": 1, "lopend_in_din": 3,
                               "niet_gekoppeld": 1}


def test_gepland_in_een_anders_lege_inspanning_vult_het_hiaat(tmp_path) -> None:
    rijen = met(beraad_rijen(), "initiatieven", 3, inspanningen="scholing", status="gepland")
    data = din.din(beraad_store(tmp_path, rijen))
    assert _inspanning(_doel(data, "subdoel-3"), "scholing")["hiaat"] is None
    assert data["niet_gekoppeld"] == []


def test_voorbeeldscan(voorbeeld_store) -> None:
    data = din.din(voorbeeld_store)
    [hoofd] = data["doelen"]
    assert [s["id"] for s in hoofd["subdoelen"]] == [f"subdoel-{i}" for i in range(1, 6)]
    assert "Laaggeletterdheid (inkoop volwasseneneducatie)" in {
        i["naam"] for i in data["niet_gekoppeld"]}
    assert data["totalen"]["inspanningen_zonder_initiatief"] > 0
