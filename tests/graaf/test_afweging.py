"""The afwegingskader's arithmetic and advice, on plain rows and on a planted werkboek."""
from __future__ import annotations

import pytest

from afweging_werkboek import afweging_store
from graaf import afweging


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return afweging.lees(afweging_store(tmp_path_factory.mktemp("afweging")))


def _onderwerp(data, id_):
    return next(o for o in data["rangorde"] if o["id"] == id_)


@pytest.mark.parametrize(("pct", "advies"), [
    (100, "verbinden"), (70, "verbinden"), (69.99, "pilot"), (50, "pilot"),
    (49.99, "nader onderzoeken"), (30, "nader onderzoeken"), (29.99, "niet verbinden"),
    (0, "niet verbinden"), (None, "nog niet beoordeeld")])
def test_advies_grenzen(pct, advies) -> None:
    assert afweging.advies(pct) == advies


def test_regel_toont_precies_de_constante() -> None:
    regels = afweging.regel()
    assert [(r["vanaf"], r["advies"]) for r in regels[:-1]] == list(afweging.ADVIESREGEL)
    assert [r["tekst"] for r in regels[:4]] == [
        "70% of meer", "50% tot 70%", "30% tot 50%", "minder dan 30%"]
    assert regels[-1]["advies"] == afweging.NIET_BEOORDEELD


def test_gewogen_percentage() -> None:
    assert afweging.gewogen_percentage({"a": 2, "b": 1}, {"a": 2, "b": 3}) == pytest.approx(700 / 9)
    assert afweging.gewogen_percentage({"a": 2, "b": 1}, {"b": 3}) == 100  # unscored a: not counted
    assert afweging.gewogen_percentage({"a": 2}, {}) is None
    assert afweging.gewogen_percentage({"a": 0}, {"a": 3}) is None


def test_twee_beoordelaars_naast_elkaar_en_gemiddeld(data) -> None:
    wsp = _onderwerp(data, "wsp")
    assert wsp["beoordelaars"] == ["Anna Beoordeelster", "Piet Adviseur"]
    bijdrage, draagvlak = wsp["criteria"]
    assert bijdrage["criterium"]["id"] == "bijdrage"  # heaviest first
    assert [s["score"] for s in bijdrage["scores"]] == [1, 3]
    assert bijdrage["gemiddelde"] == 2
    assert draagvlak["scores"][1] is None and draagvlak["gemiddelde"] == 3
    assert wsp["percentage"] == pytest.approx(700 / 9)
    assert wsp["percentage_tekst"] == "78%" and wsp["advies"] == "verbinden"
    assert "Sterk in matching" in wsp["waarom"]


def test_laatste_besluit_wint(data) -> None:
    besluit = _onderwerp(data, "wsp")["besluit"]
    assert besluit["id"] == "b-mrt" and besluit["besluit"] == "verbinden"
    assert besluit["gremium"] == {"id": "rb", "naam": "Regionaal Beraad"}
    assert besluit["aantal"] == 2


def test_rangorde_en_organisatie(data) -> None:
    assert [o["id"] for o in data["rangorde"]] == ["wsp", "uwv"]
    uwv = _onderwerp(data, "uwv")
    assert uwv["soort"] == "organisatie" and uwv["advies"] == "niet verbinden"
    assert uwv["besluit"] is None


def test_zelfde_beoordelaar_telt_met_laatste_score() -> None:
    criteria = [{"id": "a", "naam": "A", "gewicht": 1.0}]
    rijen = [{"afweging": n, "criterium": "a", "score": score, "beoordelaar": "X", "datum": dag}
             for n, score, dag in (("2", "3", "2026-02-01"), ("1", "0", "2026-01-01"))]
    b = afweging.beoordeel(criteria, rijen)
    assert b["beoordelaars"] == ["X"] and b["percentage"] == 100


def test_lopend_zonder_score_nog_niet_beoordeeld(data) -> None:
    assert data["niet_beoordeeld"] == []  # wsp is the only lopend initiative of KLEIN, and scored
    leeg = afweging.beoordeel([{"id": "a", "naam": "A", "gewicht": 1.0}], [])
    assert leeg["advies"] == "nog niet beoordeeld" and leeg["percentage_tekst"] == "–"


def test_voorbeeldscan_heeft_zes_criteria(voorbeeld_store) -> None:
    data = afweging.lees(voorbeeld_store)
    assert len(data["criteria"]) == 6
    assert data["niet_beoordeeld"] and not data["rangorde"]
