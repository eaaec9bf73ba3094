"""The ``graaf`` command as the kwartiermaker uses it."""
from __future__ import annotations

import json
import subprocess
import sys

from rdflib import Graph

from werkboeken import KLEIN, met, schrijf_csv, schrijf_xlsx

TELLING = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _aantal_triples(graaf_cli) -> int:
    r = graaf_cli("sparql", TELLING, "--format", "json")
    assert r.exit_code == 0, r.output
    return int(json.loads(r.output)["results"]["bindings"][0]["n"]["value"])


def test_ingest_versies_en_herstel(graaf_cli, tmp_path):
    r = graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", KLEIN)), "--door", "Ans",
                  "--notitie", "eerste scan")
    assert r.exit_code == 0 and "Versie 1" in r.output
    klein = _aantal_triples(graaf_cli)
    groter = met(KLEIN, "organisaties", 3, id="sbb", naam="SBB", soort="sbb")
    assert graaf_cli("ingest", str(schrijf_xlsx(tmp_path / "w.xlsx", groter))).exit_code == 0
    assert _aantal_triples(graaf_cli) > klein
    lijst = json.loads(graaf_cli("versies", "--json").output)
    assert [(v["nummer"], v["door"], v["bronbestand"]) for v in lijst][0] == (1, "Ans", "wb")
    assert graaf_cli("herstel", "1", "--door", "Bert").exit_code == 0
    assert _aantal_triples(graaf_cli) == klein
    tekst = graaf_cli("versies").output
    assert "herstel van versie 1" in tekst and "Bert" in tekst


def test_fout_werkboek_wordt_geweigerd_en_scan_blijft_gelijk(graaf_cli, tmp_path):
    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "goed", KLEIN))).exit_code == 0
    voor = _aantal_triples(graaf_cli)
    slecht = met(KLEIN, "initiatieven", 0, eigenaar="onbekend", status="bezig",
                 start="2026-13-01")
    slecht = met(slecht, "organisaties", 3, id="uwv", naam="dubbel", soort="uwv")
    r = graaf_cli("ingest", str(schrijf_xlsx(tmp_path / "slecht.xlsx", slecht)))
    assert r.exit_code == 1
    for verwacht in ("blad 'initiatieven', rij 2, kolom 'eigenaar'",
                     "blad 'initiatieven', rij 2, kolom 'status'",
                     "blad 'initiatieven', rij 2, kolom 'start'",
                     "blad 'organisaties', rij 5, kolom 'id'", "'onbekend'", "'bezig'"):
        assert verwacht in r.output
    assert _aantal_triples(graaf_cli) == voor
    assert len(json.loads(graaf_cli("versies", "--json").output)) == 1


def test_valideer_laadt_niets(graaf_cli, tmp_path):
    r = graaf_cli("valideer", str(schrijf_csv(tmp_path / "wb", met(KLEIN, "initiatieven", 0,
                                                                    status="x"))), "--json")
    assert r.exit_code == 1
    assert json.loads(r.output)[0]["kolom"] == "status"


def test_export_xlsx_en_terug_geeft_dezelfde_graaf(graaf_cli, tmp_path):
    rijen = met(KLEIN, "initiatieven", 0, beschrijving='=HYPERLINK("http://x","klik")',
                opmerking_intern="extra kolom")
    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", rijen))).exit_code == 0
    for formaat, doel in (("xlsx", tmp_path / "uit.xlsx"), ("csv", tmp_path / "uitcsv")):
        assert graaf_cli("export", "--format", formaat, "-o", str(doel)).exit_code == 0
        assert graaf_cli("ingest", str(doel)).exit_code == 0
    nq = {}
    for versie in ("1", "2", "3"):
        r = graaf_cli("export", "--format", "nq", "--versie", versie)
        g = Graph()
        g.parse(data=r.output.replace(f"<urn:graaf:versie:{versie}>", ""), format="nt")
        nq[versie] = g
    assert nq["1"].isomorphic(nq["2"]) and nq["1"].isomorphic(nq["3"])


def test_formule_in_xlsx_export_blijft_tekst(graaf_cli, tmp_path):
    from openpyxl import load_workbook

    rijen = met(KLEIN, "initiatieven", 0, beschrijving='=HYPERLINK("http://x","klik")')
    graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", rijen)))
    graaf_cli("export", "--format", "xlsx", "-o", str(tmp_path / "u.xlsx"))
    cel = next(c for rij in load_workbook(tmp_path / "u.xlsx")["initiatieven"].iter_rows()
               for c in rij if str(c.value).startswith("=HYPERLINK"))
    assert cel.data_type == "s"


def test_sparql_tabel_en_weigering_van_updates(graaf_cli, tmp_path):
    graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", KLEIN)))
    r = graaf_cli("sparql", "SELECT ?naam WHERE { ?i a scan:Initiatief ; rdfs:label ?naam } "
                  "ORDER BY ?naam")
    assert r.exit_code == 0 and "RMT" in r.output and "(2 rijen)" in r.output
    r = graaf_cli("sparql", "DELETE WHERE { ?s ?p ?o }")
    assert r.exit_code == 1 and "Alleen lezen" in r.output
    assert "(2 rijen)" in graaf_cli("sparql", "SELECT ?i WHERE { ?i a scan:Initiatief }").output


def test_console_script_draait_als_eigen_proces(tmp_path):
    r = subprocess.run([sys.executable, "-m", "graaf", "--store", str(tmp_path / "s"),
                        "ingest", str(schrijf_csv(tmp_path / "wb", KLEIN))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Versie 1" in r.stdout


def test_check_json_na_ingest_van_xlsx(graaf_cli, tmp_path):
    """The §5 shape end to end: werkboek (xlsx) → ingest → check --json."""
    rijen = met(KLEIN, "doelen", 2, id="subdoel-2", naam="Werkgevers vinden personeel",
                soort="subdoel", bovenliggend="hoofddoel")
    assert graaf_cli("ingest", str(schrijf_xlsx(tmp_path / "w.xlsx", rijen))).exit_code == 0
    r = graaf_cli("check", "--json", "--peildatum", "2026-05-07", "--code",
                  "doel-zonder-inspanning", "--code", "initiatief-zonder-trekker")
    assert r.exit_code == 0, r.output
    uit = json.loads(r.output)
    assert uit["peildatum"] == "2026-05-07"
    assert [(b["code"], b["onderwerpen"], b["betrokken"]) for b in uit["bevindingen"]] == [
        ("doel-zonder-inspanning", ["subdoel-2"], ["hoofddoel"])]
    assert set(uit["bevindingen"][0]) == {"code", "titel", "toelichting", "onderwerpen",
                                          "betrokken"}
    assert "Werkgevers vinden personeel" in uit["bevindingen"][0]["toelichting"]


def test_check_tekst_en_onbekende_code(graaf_cli, tmp_path):
    graaf_cli("ingest", str(schrijf_csv(tmp_path / "wb", KLEIN)))
    tekst = graaf_cli("check", "--peildatum", "2026-05-07").output
    assert "Hiaten" in tekst and "Overlap" in tekst
    r = graaf_cli("check", "--code", "bestaat-niet")
    assert r.exit_code == 1 and "doel-zonder-inspanning" in r.output


def test_voorbeeldscan_overleeft_de_excel_rondgang(graaf_cli, tmp_path):
    """The bundled scan (multi-values, decimals, dates, long texts) → xlsx → ingest."""
    assert graaf_cli("export", "--format", "xlsx", "-o", str(tmp_path / "v.xlsx")).exit_code == 0
    assert graaf_cli("ingest", str(tmp_path / "v.xlsx")).exit_code == 0
    grafen = []
    for versie in ("1", "2"):
        g = Graph()
        nq = graaf_cli("export", "--format", "nq", "--versie", versie).output
        g.parse(data=nq.replace(f"<urn:graaf:versie:{versie}>", ""), format="nt")
        grafen.append(g)
    assert len(grafen[0]) > 2000 and grafen[0].isomorphic(grafen[1])


def test_verschil_tekst_json_csv(graaf_cli, tmp_path):
    import csv
    import io

    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "a", KLEIN))).exit_code == 0
    nieuw = met(KLEIN, "initiatieven", 0, status="afgerond", partners="huizen")
    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "b", nieuw))).exit_code == 0
    r = graaf_cli("verschil", "1")
    assert r.exit_code == 0, r.output
    assert "Initiatieven: 0 toegevoegd, 0 verwijderd, 1 gewijzigd" in r.output
    assert ("gewijzigd: Werkgeversservicepunt (wsp): status lopend → afgerond; "
            "partners − hilversum") in r.output
    d = json.loads(graaf_cli("verschil", "1", "2", "--json").output)
    assert d["van"] == 1 and d["naar"] == 2 and d["aantallen"]["gewijzigd"] == 1
    rijen = list(csv.reader(io.StringIO(graaf_cli("verschil", "1", "2", "--csv").output)))
    assert rijen[0][3] == "soort wijziging"
    assert ["initiatieven", "wsp", "Werkgeversservicepunt", "gewijzigd", "partners",
            "hilversum;huizen", "huizen"] in rijen
    assert "geen wijzigingen" in graaf_cli("verschil", "2", "2").output


def test_verschil_onbekende_versie(graaf_cli, tmp_path):
    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "a", KLEIN))).exit_code == 0
    r = graaf_cli("verschil", "1", "7")
    assert r.exit_code == 1 and "Fout: Versie 7 bestaat niet" in r.output
