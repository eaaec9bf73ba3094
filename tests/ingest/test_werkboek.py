"""Reading werkboeken: xlsx and csv alike, every bad cell a located Dutch finding."""
from __future__ import annotations

from datetime import datetime

import pytest

import ingest
from graaf.fouten import ScanFout
from werkboeken import KLEIN, met, schrijf_csv, schrijf_xlsx


def _fouten(pad):
    return [b for b in ingest.valideer(pad).bevindingen if b.ernst == "fout"]


def test_klein_werkboek_is_geldig_als_csv_en_als_xlsx(tmp_path):
    csv_graaf = ingest.lees(schrijf_csv(tmp_path / "csv", KLEIN)).graaf
    xlsx_graaf = ingest.lees(schrijf_xlsx(tmp_path / "w.xlsx", KLEIN)).graaf
    assert len(csv_graaf) > 40
    assert csv_graaf.isomorphic(xlsx_graaf)


def test_excel_datumcel_en_tekstdatum_geven_dezelfde_graaf(tmp_path):
    als_cel = met(KLEIN, "initiatieven", 0, start=datetime(2020, 1, 1))
    a = ingest.lees(schrijf_xlsx(tmp_path / "a.xlsx", als_cel)).graaf
    b = ingest.lees(schrijf_xlsx(tmp_path / "b.xlsx", KLEIN)).graaf
    assert a.isomorphic(b)


@pytest.mark.parametrize("blad, index, kolom, waarde, woorden", [
    ("initiatieven", 0, "eigenaar", "uvw", ["Onbekende verwijzing", "uvw"]),
    ("initiatieven", 0, "status", "bezig", ["Kies uit", "lopend"]),
    ("initiatieven", 0, "start", "2026-02-30", ["geen geldige datum", "JJJJ-MM-DD"]),
    ("initiatieven", 0, "budget_eur", "1.250.000", ["geen geldig getal"]),
    ("initiatieven", 0, "werkgeversbenadering", "misschien", ["'ja' of 'nee'"]),
    ("initiatieven", 0, "werkgebied", "uwv", ["geen gemeente"]),
    ("initiatieven", 0, "eigenaar", "uwv;hilversum", ["maar één waarde"]),
    ("organisaties", 1, "cbs_code", "0406", ["GM"]),
    ("doelgroepen", 0, "bovenliggend", "jongeren", ["Kring"]),
    ("organisaties", 0, "website", "www.hilversum.nl", ["webadres"]),
])
def test_slechte_cel_wordt_gemeld_met_plaats(tmp_path, blad, index, kolom, waarde, woorden):
    pad = schrijf_csv(tmp_path / "wb", met(KLEIN, blad, index, **{kolom: waarde}))
    fouten = _fouten(pad)
    assert fouten, "a bad cell must be refused"
    eerste = next(b for b in fouten if b.kolom == kolom)
    assert (eerste.blad, eerste.rij) == (blad, index + 2)  # header is row 1
    for woord in woorden:
        assert woord.lower() in eerste.tekst().lower()


def test_dubbel_id_noemt_beide_rijen(tmp_path):
    rijen = met(KLEIN, "organisaties", 3, id="uwv", naam="UWV nogmaals", soort="uwv")
    fouten = _fouten(schrijf_csv(tmp_path / "wb", rijen))
    assert [(b.blad, b.rij, b.kolom, b.waarde) for b in fouten] == [
        ("organisaties", 5, "id", "uwv")]
    assert "rij 4" in fouten[0].melding


def test_verplichte_kolom_leeg_en_ongeldig_id(tmp_path):
    rijen = met(KLEIN, "initiatieven", 0, status="")
    rijen = met(rijen, "organisaties", 2, id="UWV Gooi")
    plaatsen = {(b.blad, b.rij, b.kolom) for b in _fouten(schrijf_csv(tmp_path / "wb", rijen))}
    assert ("initiatieven", 2, "status") in plaatsen
    assert ("organisaties", 4, "id") in plaatsen


def test_onbekende_kolom_wordt_bewaard_en_gemeld(tmp_path):
    rijen = met(KLEIN, "initiatieven", 0, wethouder="Mevr. X")
    resultaat = ingest.lees(schrijf_csv(tmp_path / "wb", rijen))
    melding = [b for b in resultaat.bevindingen if b.kolom == "wethouder"]
    assert melding and melding[0].ernst == "let-op"
    assert "Mevr. X" in {str(o) for o in resultaat.graaf.objects()}


def test_lees_weigert_alles_bij_een_fout(tmp_path):
    pad = schrijf_csv(tmp_path / "wb", met(KLEIN, "initiatieven", 1, status="klaar"))
    with pytest.raises(ScanFout) as e:
        ingest.lees(pad)
    assert "geweigerd" in e.value.melding and e.value.bevindingen


def test_onleesbaar_bestand_geeft_nederlandse_melding(tmp_path):
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_bytes(b"dit is geen excel")
    with pytest.raises(ScanFout, match="kan niet gelezen worden"):
        ingest.valideer(kapot)
    with pytest.raises(ScanFout, match="RDF/XML"):
        (tmp_path / "scan.rdf").write_text("<rdf/>")
        ingest.valideer(tmp_path / "scan.rdf")


def test_puntkomma_gescheiden_csv_uit_nederlandse_excel(tmp_path):
    map_ = schrijf_csv(tmp_path / "wb", KLEIN)
    org = map_ / "organisaties.csv"
    org.write_text(org.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8-sig")
    assert not _fouten(map_)
