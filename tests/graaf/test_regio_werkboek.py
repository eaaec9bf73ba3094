"""Region in the werkboek contract: one region needs nothing new, several need a
``regio`` column, and werkgebied 'regio' means the initiative's own region."""
from __future__ import annotations

import copy

import pytest
from werkboeken import KLEIN, schrijf_csv

import ingest
from graaf.fouten import ScanFout
from graaf.vocab import DEFAULT_BASE, HELE_REGIO, SCAN

REGIO = f"{DEFAULT_BASE}/id/regio/"


def _rijen_met_twee_regios() -> dict:
    r = copy.deepcopy(KLEIN)
    r["regios"] = [{"id": "gooi", "naam": "Gooi en Vechtstreek"},
                   {"id": "amersfoort", "naam": "Amersfoort"}]
    r["organisaties"].append({"id": "leusden", "naam": "Gemeente Leusden", "soort": "gemeente",
                              "cbs_code": "GM0327", "regio": "amersfoort"})
    for rij in r["organisaties"][:2]:
        rij["regio"] = "gooi"
    for blad in ("doelen", "inspanningen", "doelgroepen", "initiatieven"):
        for rij in r[blad]:
            rij["regio"] = "gooi"
    r["initiatieven"].append({"id": "leerwerk", "naam": "Leerwerkloket", "soort": "voorziening",
                              "status": "lopend", "eigenaar": "uwv", "werkgebied": "regio",
                              "regio": "amersfoort"})
    return r


def _fouten(tmp_path, rijen) -> list:
    return ingest.valideer(schrijf_csv(tmp_path / "wb", rijen)).fouten


def _objecten(graaf, s, p) -> set[str]:
    return {str(o) for o in graaf.objects(s, p)}


def test_een_regio_zonder_nieuwe_kolommen(tmp_path) -> None:
    """The old werkboek stays valid; everything regional lands in one default region."""
    g = ingest.lees_werkboek(schrijf_csv(tmp_path / "wb", KLEIN))
    wsp = next(g.subjects(SCAN.werkgebied, None))
    assert _objecten(g, wsp, SCAN.werkgebied) == {REGIO + "regio"}
    assert _objecten(g, wsp, SCAN.regio) == {REGIO + "regio"}
    gemeenten = [s for s in g.subjects(SCAN.cbsCode, None)]
    assert len(gemeenten) == 2 and all(_objecten(g, s, SCAN.regio) == {REGIO + "regio"}
                                       for s in gemeenten)
    uwv = next(s for s in g.subjects(None, None) if str(s).endswith("/organisatie/uwv"))
    assert _objecten(g, uwv, SCAN.regio) == set()  # national: no region
    assert HELE_REGIO not in set(g.objects())


def test_standaardregio_uit_configuratie(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GRAAF_REGIO_ID", "gooi-en-vechtstreek")
    monkeypatch.setenv("GRAAF_REGIO_NAAM", "Gooi en Vechtstreek")
    g = ingest.lees_werkboek(schrijf_csv(tmp_path / "wb", KLEIN))
    regio = next(g.subjects(None, SCAN.Regio))
    assert str(regio) == REGIO + "gooi-en-vechtstreek"
    assert "Gooi en Vechtstreek" in {str(o) for o in g.objects(regio, None)}


def test_voorbeeldscan_is_gooi_en_vechtstreek() -> None:
    from graaf.scan import VOORBEELD

    g = ingest.lees_werkboek(VOORBEELD)
    regio = next(g.subjects(None, SCAN.Regio))
    assert str(regio) == REGIO + "gooi-en-vechtstreek"
    assert len(set(g.subjects(SCAN.regio, regio))) > 100


def test_twee_regios_werkgebied_regio_is_eigen_regio(tmp_path) -> None:
    g = ingest.lees_werkboek(schrijf_csv(tmp_path / "wb", _rijen_met_twee_regios()))
    per_id = {str(s).rsplit("/", 1)[-1]: _objecten(g, s, SCAN.werkgebied)
              for s in g.subjects(SCAN.werkgebied, None)}
    assert per_id["wsp"] == {REGIO + "gooi"}
    assert per_id["leerwerk"] == {REGIO + "amersfoort"}


def test_twee_regios_vragen_een_regio_per_rij(tmp_path) -> None:
    rijen = _rijen_met_twee_regios()
    del rijen["initiatieven"][0]["regio"]
    del rijen["organisaties"][3]["regio"]  # Leusden, a gemeente
    fouten = _fouten(tmp_path, rijen)
    plekken = {(f.blad, f.rij, f.kolom) for f in fouten}
    assert ("initiatieven", 2, "regio") in plekken and ("organisaties", 5, "regio") in plekken
    assert all("meer dan één regio" in f.melding for f in fouten if f.kolom == "regio")
    # werkgebied 'regio' of a row without a region cannot be resolved either
    assert any(f.kolom == "werkgebied" and "hele regio van het initiatief" in f.melding
               for f in fouten)
    # UWV (national) needs no region
    assert not any(f.blad == "organisaties" and f.rij == 4 for f in fouten)


def test_onbekende_regio_wordt_geweigerd(tmp_path) -> None:
    rijen = _rijen_met_twee_regios()
    rijen["initiatieven"][1]["regio"] = "utrecht"
    with pytest.raises(ScanFout) as fout:
        ingest.lees(schrijf_csv(tmp_path / "wb", rijen))
    gevonden = [b for b in fout.value.bevindingen if b.kolom == "regio"]
    assert gevonden and gevonden[0].blad == "initiatieven" and gevonden[0].rij == 3
    assert "utrecht" in gevonden[0].melding and "regios" in gevonden[0].melding


def test_export_en_terug_houdt_de_regios(tmp_path) -> None:
    """Exported as a werkboek and read again: the same graph, werkgebied 'regio' included."""
    from graaf import export

    g = ingest.lees_werkboek(schrijf_csv(tmp_path / "wb", _rijen_met_twee_regios()))
    export.schrijf_csv(export.naar_rijen(g), tmp_path / "uit")
    terug = ingest.lees_werkboek(tmp_path / "uit")
    assert set(terug) == set(g)
    assert {str(o) for o in terug.objects(None, SCAN.werkgebied)} >= {REGIO + "amersfoort"}
