"""Formula cells in an uploaded xlsx: a located Dutch finding, never an empty or stale value.

openpyxl hands a formula cell either as formula text or as Excel's cached
value (often empty, since only Excel computes it). Either way the value the
user sees in Excel is not what we would store, so a formula is refused with
sheet, row and column; text that merely looks like a formula (a text cell
starting with '=') is kept as text, as before.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from rdflib import Literal

import ingest
from accounthulp import csrf_token
from graaf.fouten import ScanFout
from werkboeken import KLEIN, met, schrijf_csv, schrijf_xlsx

HYPERLINK = '=HYPERLINK("http://x","klik")'
OPLOSSING = "vervang de formule door de waarde"


def _formulefouten(pad: Path) -> list:
    return [b for b in ingest.valideer(pad).bevindingen if "formule" in b.melding]


def _vervang_in_blad(pad: Path, blad: str, oud: str, nieuw: str) -> Path:
    """Rewrite one sheet's XML inside the xlsx (to get what Excel itself writes)."""
    from openpyxl import load_workbook

    deel = f"xl/worksheets/sheet{load_workbook(pad).sheetnames.index(blad) + 1}.xml"
    with zipfile.ZipFile(pad) as z:
        delen = {d.filename: z.read(d) for d in z.infolist()}
    xml = delen[deel].decode("utf-8")
    assert oud in xml, "openpyxl writes a sheet differently than this test expects"
    delen[deel] = xml.replace(oud, nieuw).encode("utf-8")
    uit = pad.with_name("excel-" + pad.name)
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return uit


def test_hyperlink_formule_is_bevinding_met_plaats_en_oplossing(tmp_path):
    pad = schrijf_xlsx(tmp_path / "w.xlsx", met(KLEIN, "initiatieven", 1, beschrijving=HYPERLINK))
    [fout] = _formulefouten(pad)
    assert (fout.blad, fout.rij, fout.kolom, fout.ernst) == ("initiatieven", 3, "beschrijving",
                                                             "fout")
    assert fout.waarde == HYPERLINK
    assert OPLOSSING in fout.tekst().lower()
    with pytest.raises(ScanFout) as e:
        ingest.lees(pad)
    assert "niets gewijzigd" in e.value.melding


def test_formule_met_bewaarde_uitkomst_wordt_ook_geweigerd(tmp_path):
    """Excel stores the computed value next to the formula; it is still not taken over."""
    pad = schrijf_xlsx(tmp_path / "w.xlsx", met(KLEIN, "initiatieven", 0, budget_eur="=1000*125"))
    pad = _vervang_in_blad(pad, "initiatieven", "<f>1000*125</f><v />",
                           "<f>1000*125</f><v>125000</v>")
    [fout] = _formulefouten(pad)
    assert (fout.blad, fout.rij, fout.kolom, fout.waarde) == ("initiatieven", 2, "budget_eur",
                                                              "=1000*125")


def test_gedeelde_formule_doorgetrokken_geeft_een_bevinding_per_cel(tmp_path):
    """Filling a formula down makes a shared formula: every filled cell is reported."""
    rijen = met(KLEIN, "initiatieven", 0, beschrijving="=A2")
    rijen = met(rijen, "initiatieven", 1, beschrijving="=A3")
    pad = schrijf_xlsx(tmp_path / "w.xlsx", rijen)
    kolom = re.search(r'<c r="([A-Z]+)2"><f>A2</f>', _blad_xml(pad)).group(1)
    pad = _vervang_in_blad(pad, "initiatieven", f'<c r="{kolom}2"><f>A2</f><v />',
                           f'<c r="{kolom}2"><f t="shared" ref="{kolom}2:{kolom}3" si="0">A2</f>'
                           "<v>wsp</v>")
    pad = _vervang_in_blad(pad, "initiatieven", f'<c r="{kolom}3"><f>A3</f><v />',
                           f'<c r="{kolom}3"><f t="shared" si="0"/><v>rmt</v>')
    plaatsen = [(b.rij, b.kolom, b.waarde) for b in _formulefouten(pad)]
    assert plaatsen == [(2, "beschrijving", "=A2"), (3, "beschrijving", "=A3")]


def _blad_xml(pad: Path) -> str:
    with zipfile.ZipFile(pad) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if "worksheets/sheet" in n)


def test_matrixformule_is_bevinding(tmp_path):
    from openpyxl import load_workbook
    from openpyxl.worksheet.formula import ArrayFormula

    pad = schrijf_xlsx(tmp_path / "w.xlsx", KLEIN)
    boek = load_workbook(pad)
    blad = boek["organisaties"]
    kolom = [c.value for c in blad[1]].index("opmerking") + 1
    blad.cell(3, kolom).value = ArrayFormula(blad.cell(3, kolom).coordinate, "=SUM(A1:A2)")
    boek.save(pad)
    [fout] = _formulefouten(pad)
    assert (fout.blad, fout.rij, fout.kolom, fout.waarde) == ("organisaties", 3, "opmerking",
                                                              "=SUM(A1:A2)")


def test_formule_in_kolom_zonder_kop_noemt_de_kolomletter(tmp_path):
    from openpyxl import load_workbook

    pad = schrijf_xlsx(tmp_path / "w.xlsx", KLEIN)
    boek = load_workbook(pad)
    blad = boek["doelen"]
    blad.cell(2, blad.max_column + 3).value = "=1+1"
    letter = blad.cell(2, blad.max_column).column_letter
    boek.save(pad)
    [fout] = _formulefouten(pad)
    assert (fout.blad, fout.rij, fout.kolom) == ("doelen", 2, letter)


def test_tekst_die_op_formule_lijkt_blijft_tekst(tmp_path):
    """A text cell starting with '=' (as our own download writes it) is not a formula."""
    from openpyxl import load_workbook

    pad = schrijf_xlsx(tmp_path / "w.xlsx", KLEIN)
    boek = load_workbook(pad)
    blad = boek["initiatieven"]
    kolom = [c.value for c in blad[1]].index("beschrijving") + 1
    blad.cell(2, kolom).value = HYPERLINK
    blad.cell(2, kolom).data_type = "s"
    boek.save(pad)
    resultaat = ingest.lees(pad)
    assert not _formulefouten(pad)
    assert Literal(HYPERLINK) in set(resultaat.graaf.objects())


def test_csv_tekst_met_isgelijkteken_blijft_tekst(tmp_path):
    map_ = schrijf_csv(tmp_path / "wb", met(KLEIN, "initiatieven", 0, beschrijving=HYPERLINK))
    assert Literal(HYPERLINK) in set(ingest.lees(map_).graaf.objects())


def test_cli_valideer_meldt_formule(graaf_cli, tmp_path):
    import json

    pad = schrijf_xlsx(tmp_path / "w.xlsx", met(KLEIN, "initiatieven", 0, beschrijving=HYPERLINK))
    r = graaf_cli("valideer", str(pad), "--json")
    assert r.exit_code == 1
    fout = next(b for b in json.loads(r.output) if "formule" in b["melding"])
    assert (fout["blad"], fout["rij"], fout["kolom"]) == ("initiatieven", 2, "beschrijving")
    assert graaf_cli("ingest", str(pad)).exit_code != 0
    assert "w.xlsx" not in graaf_cli("versies").output


def test_upload_met_hyperlink_formule_weigert_en_schrijft_niets(site_app, client, log_in,
                                                                tmp_path):
    log_in("beheerder")
    voor = site_app.extensions["scan"].huidige().nummer
    pad = schrijf_xlsx(tmp_path / "w.xlsx", met(KLEIN, "initiatieven", 0, beschrijving=HYPERLINK))
    antwoord = client.post("/beheer/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client), "bestand": (io.BytesIO(pad.read_bytes()), "w.xlsx")})
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 422
    assert "<td>initiatieven</td>" in html and "<td>beschrijving</td>" in html
    assert OPLOSSING in html.lower()
    assert site_app.extensions["scan"].huidige().nummer == voor
