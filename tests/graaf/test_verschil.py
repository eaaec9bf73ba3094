"""The diff between two versions, in werkboek terms (sheet, id, name, column)."""
from __future__ import annotations

import csv
import io

import pytest

from graaf import verschil as vs
from graaf.fouten import ScanFout
from graaf.scan import laad
from graaf.store import Store
from werkboeken import KLEIN, met, schrijf_csv


def _twee_versies(tmp_path, nieuw: dict) -> Store:
    store = Store()
    laad(store, schrijf_csv(tmp_path / "oud", KLEIN), door="test")
    laad(store, schrijf_csv(tmp_path / "nieuw", nieuw), door="test")
    return store


def _blad(v: vs.Verschil, naam: str) -> vs.Bladverschil:
    [blad] = [b for b in v.bladen if b.blad == naam]
    return blad


def _zonder(rijen: dict, blad: str, ident: str) -> dict:
    return {**rijen, blad: [r for r in rijen[blad] if r["id"] != ident]}


@pytest.fixture
def geplant(tmp_path) -> vs.Verschil:
    """wsp changed (status, partners, eigenaar, budget, start), rmt removed, sbb added."""
    r = met(KLEIN, "initiatieven", 0, status="afgerond", partners="huizen;uwv",
            eigenaar="hilversum", budget_eur="130000", start="2021-02-03")
    r = met(_zonder(r, "initiatieven", "rmt"), "organisaties", 3, id="sbb", naam="SBB",
            soort="sbb")
    return vs.verschil(_twee_versies(tmp_path, r), 1, 2)


def test_toegevoegd_verwijderd_gewijzigd(geplant) -> None:
    assert [b.blad for b in geplant.bladen] == ["organisaties", "initiatieven"]
    assert _blad(geplant, "organisaties").toegevoegd == (vs.Rij("sbb", "SBB"),)
    init = _blad(geplant, "initiatieven")
    assert init.verwijderd == (vs.Rij("rmt", "RMT"),) and init.toegevoegd == ()
    [wsp] = init.gewijzigd
    assert (wsp.id, wsp.naam) == ("wsp", "Werkgeversservicepunt")
    cellen = {c.kolom: c for c in wsp.cellen}
    assert set(cellen) == {"status", "partners", "eigenaar", "budget_eur", "start"}
    assert (cellen["status"].oud, cellen["status"].nieuw) == ("lopend", "afgerond")
    assert (cellen["eigenaar"].oud, cellen["eigenaar"].nieuw) == ("uwv", "hilversum")
    assert (cellen["budget_eur"].oud, cellen["budget_eur"].nieuw) == ("125000", "130000")
    assert (cellen["start"].oud, cellen["start"].nieuw) == ("2020-01-01", "2021-02-03")
    assert cellen["partners"].erbij == ("uwv",) and cellen["partners"].eraf == ("hilversum",)
    assert geplant.aantallen == {"toegevoegd": 1, "verwijderd": 1, "gewijzigd": 1}


def test_tekst_in_het_nederlands(geplant) -> None:
    tekst = vs.als_tekst(geplant)
    assert tekst.startswith("Van versie 1 naar versie 2: 1 toegevoegd, 1 verwijderd, 1 gewijzigd.")
    assert "Initiatieven: 0 toegevoegd, 1 verwijderd, 1 gewijzigd" in tekst
    assert "  verwijderd: RMT (rmt)" in tekst and "  toegevoegd: SBB (sbb)" in tekst
    assert ("  gewijzigd: Werkgeversservicepunt (wsp): status lopend → afgerond; "
            "start 2020-01-01 → 2021-02-03; eigenaar uwv → hilversum; "
            "partners + uwv, − hilversum") in tekst


def test_dict_en_csv(geplant) -> None:
    d = vs.als_dict(geplant)
    assert d["van"] == 1 and d["naar"] == 2 and d["aantallen"]["gewijzigd"] == 1
    rijen = list(csv.reader(io.StringIO(vs.als_csv(geplant))))
    assert rijen[0] == list(vs.CSV_KOP)
    assert ["initiatieven", "wsp", "Werkgeversservicepunt", "gewijzigd", "status", "lopend",
            "afgerond"] in rijen
    assert ["initiatieven", "rmt", "RMT", "verwijderd", "", "", ""] in rijen


def test_volgorde_in_een_cel_is_geen_wijziging(tmp_path) -> None:
    v = vs.verschil(_twee_versies(tmp_path, met(KLEIN, "initiatieven", 0,
                                                 partners="huizen;hilversum")), 1, 2)
    assert v.leeg and vs.als_tekst(v) == "Van versie 1 naar versie 2: geen wijzigingen."


def test_gewijzigde_verwijzing_en_leeggemaakte_cel(tmp_path) -> None:
    r = met(KLEIN, "doelgroepen", 1, bovenliggend="", focus="nee")
    r = met(r, "personen", 0, organisatie="uwv")
    v = vs.verschil(_twee_versies(tmp_path, r), 1, 2)
    [jongeren] = _blad(v, "doelgroepen").gewijzigd
    assert {(c.kolom, c.oud, c.nieuw) for c in jongeren.cellen} == {
        ("bovenliggend", "werkzoekenden", ""), ("focus", "ja", "nee")}
    assert "bovenliggend werkzoekenden → (leeg)" in vs.als_tekst(v)
    [persoon] = _blad(v, "personen").gewijzigd
    assert persoon.cellen == (vs.Cel("organisatie", "hilversum", "uwv"),)


def test_persoonsgegevens_afgeschermd(tmp_path) -> None:
    r = met(KLEIN, "personen", 1, id="p-bakker", naam="B. Bakker", organisatie="uwv")
    r = met(r, "initiatieven", 0, trekker="p-bakker")
    v = vs.afgeschermd(vs.verschil(_twee_versies(tmp_path, r), 1, 2))
    tekst = vs.als_tekst(v) + vs.als_csv(v)
    assert "Bakker" not in tekst and "p-jansen" not in tekst
    assert _blad(v, "personen").toegevoegd == (vs.Rij(vs.AFGESCHERMD, vs.AFGESCHERMD),)
    assert "trekker (afgeschermd) → (afgeschermd)" in tekst


def test_grafen_zonder_opslag_en_onbekende_versie(tmp_path) -> None:
    store = _twee_versies(tmp_path, met(KLEIN, "initiatieven", 1, status="gestopt"))
    v = vs.verschil_grafen(store.graaf(1), store.graaf(2))
    assert v.van is None and _blad(v, "initiatieven").gewijzigd[0].id == "rmt"
    assert vs.titel(v) == "Van de huidige scan naar het nieuwe werkboek"
    assert vs.verschil(store, 1).naar == 2
    with pytest.raises(ScanFout, match="Versie 9 bestaat niet"):
        vs.verschil(store, 1, 9)
