"""The named checks (ontwerp §5): each planted case found, each near-miss not."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from graaf import checks
from graaf.fouten import ScanFout

sys.path.insert(0, str(Path(__file__).parent))  # the local helper module, not on the path
from werkboek_bouwer import bouw_graaf, gemeente, initiatief, organisatie  # noqa: E402

PEIL = date(2026, 5, 7)


@pytest.fixture(autouse=True)
def _beide_motoren(opslag_motor):
    """Every test here runs on both engines (``opslag_motor``): embedded and Virtuoso."""
    global store_met

    def store_met(werkboek: dict):
        store = opslag_motor()
        store.nieuwe_versie(bouw_graaf(werkboek), door="test")
        return store
    yield
    del store_met


def werkboek(**bladen: list[dict]) -> dict[str, list[dict]]:
    """A werkboek with three gemeenten, three partners and a trekker, plus ``bladen``."""
    basis = {
        "organisaties": [gemeente("hilversum", naam="Gemeente Hilversum"),
                         gemeente("huizen", naam="Gemeente Huizen"),
                         gemeente("weesp", naam="Gemeente Weesp"),
                         organisatie("uwv", "uwv", naam="UWV"),
                         organisatie("sbb", "sbb", naam="SBB"),
                         organisatie("roc", "onderwijsinstelling", naam="ROC van Amsterdam")],
        "personen": [{"id": "p-jansen", "naam": "A. Jansen"}],
    }
    for blad, rijen in bladen.items():
        basis[blad] = basis.get(blad, []) + rijen
    return basis


def vind(wb: dict, code: str, peildatum: date = PEIL) -> list[dict]:
    resultaat = checks.draai(store_met(wb), peildatum, [code])
    assert {b["code"] for b in resultaat["bevindingen"]} <= {code}
    return resultaat["bevindingen"]


def onderwerpen(bevindingen: list[dict]) -> list[list[str]]:
    return [b["onderwerpen"] for b in bevindingen]


DOELEN = [{"id": "hd", "naam": "Iedereen doet mee", "soort": "hoofddoel"},
          {"id": "sd1", "naam": "Jongeren aan het werk", "soort": "subdoel", "bovenliggend": "hd"},
          {"id": "sd2", "naam": "Taal op orde", "soort": "subdoel", "bovenliggend": "hd"}]


# -- hiaten ------------------------------------------------------------------

def test_doel_zonder_inspanning():
    wb = werkboek(doelen=DOELEN + [{"id": "hd2", "naam": "Leeg hoofddoel", "soort": "hoofddoel"}],
                  inspanningen=[{"id": "in1", "naam": "Matching", "doelen": "sd1"}])
    b = vind(wb, "doel-zonder-inspanning")
    assert onderwerpen(b) == [["sd2"]]  # a hoofddoel is not a subdoel
    assert b[0]["betrokken"] == ["hd"]
    assert b[0]["toelichting"].startswith("Subdoel 'Taal op orde' heeft geen inspanning")


def test_inspanning_zonder_initiatief_telt_alleen_lopend_en_gepland():
    wb = werkboek(doelen=DOELEN, inspanningen=[
        {"id": f"in-{x}", "naam": f"Inspanning {x}", "doelen": "sd1;sd2"} for x in "abcd"],
        initiatieven=[initiatief("i1", inspanningen="in-a"),
                      initiatief("i2", "gepland", inspanningen="in-b"),
                      initiatief("i3", "afgerond", inspanningen="in-c"),
                      initiatief("i4", "gestopt", inspanningen="in-c")])
    b = vind(wb, "inspanning-zonder-initiatief")
    assert onderwerpen(b) == [["in-c"], ["in-d"]]
    assert b[0]["betrokken"] == ["sd1", "sd2"]
    assert "Jongeren aan het werk" in b[0]["toelichting"]


DOELGROEPEN = [
    {"id": "werkzoekenden", "naam": "Werkzoekenden"},
    {"id": "jongeren", "naam": "Jongeren", "bovenliggend": "werkzoekenden", "focus": "ja"},
    {"id": "jongeren-zsk", "naam": "Jongeren zonder startkwalificatie",
     "bovenliggend": "jongeren"},
    {"id": "statushouders", "naam": "Statushouders", "bovenliggend": "werkzoekenden",
     "focus": "ja"},
    {"id": "ouderen", "naam": "Ouderen", "focus": "ja"},
    {"id": "vrouwen", "naam": "Vrouwen", "focus": "ja"},
]


def test_doelgroep_niet_bereikt_smaller_telt_breder_niet():
    wb = werkboek(doelgroepen=DOELGROEPEN, initiatieven=[
        initiatief("i1", doelgroepen="jongeren-zsk"),      # narrower: reaches jongeren
        initiatief("i2", doelgroepen="werkzoekenden"),     # broader: reaches no focus group
        initiatief("i3", "afgerond", doelgroepen="ouderen"),
        initiatief("i4", "gepland", doelgroepen="vrouwen")])
    b = vind(wb, "doelgroep-niet-bereikt")
    assert onderwerpen(b) == [["ouderen"], ["statushouders"]]
    assert b[1]["toelichting"].startswith("Focusdoelgroep 'Statushouders'")


def test_sector_zonder_aanbod_gerangschikt_naar_indicator():
    sectoren = [{"id": "zorg", "naam": "Zorg", "focus": "ja"},
                {"id": "ouderenzorg", "naam": "Ouderenzorg", "bovenliggend": "zorg"},
                {"id": "welzijn", "naam": "Welzijn", "bovenliggend": "zorg", "focus": "ja"},
                {"id": "techniek", "naam": "Techniek", "focus": "ja"},
                {"id": "installatie", "naam": "Installatietechniek", "bovenliggend": "techniek"},
                {"id": "ict", "naam": "ICT", "focus": "ja"},
                {"id": "media", "naam": "Media", "focus": "ja"},
                {"id": "onderwijs", "naam": "Onderwijs", "focus": "ja"}]
    indicatoren = [
        {"id": "vac-ict", "naam": "Vacatures ICT", "waarde": 900, "eenheid": "vacatures",
         "sector": "ict"},
        {"id": "vac-media", "naam": "Vacatures media", "waarde": 450, "eenheid": "vacatures",
         "sector": "media"},
        {"id": "ww-media", "naam": "WW media", "waarde": 120, "sector": "media"},
        {"id": "vac-zorg", "naam": "Vacatures zorg", "waarde": 2000, "sector": "zorg"}]
    wb = werkboek(sectoren=sectoren, indicatoren=indicatoren, initiatieven=[
        initiatief("i1", sectoren="zorg"),               # broader: welzijn not served
        initiatief("i2", sectoren="installatie"),        # narrower: techniek served
        initiatief("i3", "afgerond", sectoren="ict")])
    b = vind(wb, "sector-zonder-aanbod")
    assert onderwerpen(b) == [["ict"], ["media"], ["onderwijs"], ["welzijn"]]
    assert [x["betrokken"] for x in b] == [["vac-ict"], ["vac-media"], [], []]
    assert b[0]["toelichting"] == ("Focussector 'ICT' heeft geen lopend initiatief. "
                                   "Indicator 'Vacatures ICT': 900 vacatures.")


def test_gemeente_niet_bereikt():
    inits = [initiatief("i1", werkgebied="hilversum"),
             initiatief("i2", "afgerond", werkgebied="huizen"),
             initiatief("i3", "gestopt", werkgebied="regio")]
    b = vind(werkboek(initiatieven=inits), "gemeente-niet-bereikt")
    assert onderwerpen(b) == [["huizen"], ["weesp"]]
    assert "Gemeente Weesp" in b[1]["toelichting"]


def test_regio_bereikt_elke_gemeente():
    inits = [initiatief("i1", werkgebied="hilversum"), initiatief("i2", werkgebied="regio")]
    assert vind(werkboek(initiatieven=inits), "gemeente-niet-bereikt") == []


def test_initiatief_zonder_doel_en_zonder_trekker():
    wb = werkboek(doelen=DOELEN, inspanningen=[{"id": "in1", "naam": "M", "doelen": "sd1"}],
                  initiatieven=[
                      initiatief("i1", inspanningen="in1", trekker="p-jansen", eigenaar="uwv"),
                      initiatief("i2", eigenaar="sbb", naam="Losse pilot"),
                      initiatief("i3", "afgerond"),
                      initiatief("i4", "gepland", inspanningen="in1")])
    zonder_doel = vind(wb, "initiatief-zonder-doel")
    assert onderwerpen(zonder_doel) == [["i2"]]
    assert zonder_doel[0]["betrokken"] == ["sbb"]
    assert "'Losse pilot'" in zonder_doel[0]["toelichting"]
    zonder_trekker = vind(wb, "initiatief-zonder-trekker")
    assert onderwerpen(zonder_trekker) == [["i2"], ["i4"]]
    assert zonder_trekker[1]["betrokken"] == []


def test_verouderd_beide_randen():
    wb = werkboek(initiatieven=[
        initiatief("eind-gisteren", eind="2026-05-06", eigenaar="uwv"),
        initiatief("eind-vandaag", eind="2026-05-07"),
        initiatief("bijgewerkt-te-oud", laatst_bijgewerkt="2025-05-06"),
        initiatief("bijgewerkt-precies-12-maanden", laatst_bijgewerkt="2025-05-07"),
        initiatief("allebei", eind="2026-01-01", laatst_bijgewerkt="2024-01-01"),
        initiatief("afgerond-oud", "afgerond", eind="2020-01-01",
                   laatst_bijgewerkt="2019-01-01"),
        initiatief("zonder-data")])
    b = vind(wb, "verouderd")
    assert onderwerpen(b) == [["allebei"], ["bijgewerkt-te-oud"], ["eind-gisteren"]]
    assert b[2]["betrokken"] == ["uwv"]
    assert "de einddatum (2026-05-06) is verstreken" in b[2]["toelichting"]
    assert "sinds 2025-05-06 niet meer bijgewerkt" in b[1]["toelichting"]
    assert " en het is sinds 2024-01-01" in b[0]["toelichting"]
    # One day later the 12-month edge case is stale too, and 'eind-vandaag' is past.
    later = onderwerpen(vind(wb, "verouderd", date(2026, 5, 8)))
    assert ["bijgewerkt-precies-12-maanden"] in later and ["eind-vandaag"] in later


def test_verouderd_zonder_peildatum_gebruikt_vandaag():
    wb = werkboek(initiatieven=[initiatief("oud", eind="2000-01-01")])
    resultaat = checks.draai(store_met(wb), codes=["verouderd"])
    assert resultaat["peildatum"] == date.today().isoformat()
    assert onderwerpen(resultaat["bevindingen"]) == [["oud"]]


# -- overlap -----------------------------------------------------------------

def _dubbel_werkboek() -> dict:
    inspanningen = [{"id": "in1", "naam": "Matching", "doelen": "sd1"},
                    {"id": "in2", "naam": "Begeleiding", "doelen": "sd1"},
                    {"id": "in3", "naam": "Taallessen", "doelen": "sd2"},
                    {"id": "in-hd", "naam": "Agenda", "doelen": "hd"}]
    doelgroepen = [{"id": "jongeren", "naam": "Jongeren"},
                   {"id": "jongeren-zsk", "naam": "Jongeren zsk", "bovenliggend": "jongeren"},
                   {"id": "ouderen", "naam": "Ouderen"}]

    def i(id_, eigenaar, insp, dg, gebied, status="lopend"):
        return initiatief(id_, status, eigenaar=eigenaar, inspanningen=insp,
                          doelgroepen=dg, werkgebied=gebied)
    return werkboek(doelen=DOELEN, inspanningen=inspanningen, doelgroepen=doelgroepen,
                    initiatieven=[
                        i("a", "uwv", "in1", "jongeren", "hilversum"),
                        i("b", "sbb", "in2", "jongeren-zsk", "regio"),
                        i("c", "uwv", "in2", "jongeren", "hilversum"),     # same owner as a
                        i("d", "roc", "in3", "jongeren", "hilversum"),     # other subdoel
                        i("e", "roc", "in-hd", "jongeren", "hilversum"),   # hoofddoel only
                        i("f", "sbb", "in-hd", "jongeren", "hilversum"),
                        i("g", "roc", "in1", "ouderen", "hilversum"),      # other doelgroep
                        i("h", "roc", "in1", "jongeren", "huizen"),        # other gemeente than a
                        i("x", "roc", "in1", "jongeren", "hilversum", "afgerond"),
                        i("j", "sbb", "in3", "jongeren", "regio"),
                        i("k", "uwv", "in3", "jongeren", "regio")])


def test_dubbel_aanbod():
    b = vind(_dubbel_werkboek(), "dubbel-aanbod")
    assert [(x["onderwerpen"], x["betrokken"]) for x in b] == [
        (["a", "b"], ["sd1", "jongeren", "jongeren-zsk", "hilversum", "uwv", "sbb"]),
        (["b", "c"], ["sd1", "jongeren", "jongeren-zsk", "hilversum", "sbb", "uwv"]),
        (["b", "h"], ["sd1", "jongeren", "jongeren-zsk", "huizen", "sbb", "roc"]),
        (["d", "j"], ["sd2", "jongeren", "hilversum", "roc", "sbb"]),
        (["d", "k"], ["sd2", "jongeren", "hilversum", "roc", "uwv"]),
        (["j", "k"], ["sd2", "jongeren", "regio", "sbb", "uwv"]),
    ]
    assert b[0]["toelichting"].startswith("'A' (UWV) en 'B' (SBB) werken allebei aan subdoel "
                                          "'Jongeren aan het werk'")


def test_werkgevers_meervoudig_benaderd():
    sectoren = [{"id": "zorg", "naam": "Zorg"}, {"id": "ict", "naam": "ICT"}]
    inits = [initiatief("i1", eigenaar="uwv", werkgeversbenadering="ja", sectoren="zorg"),
             initiatief("i2", eigenaar="sbb", werkgeversbenadering="ja", sectoren="zorg;ict"),
             initiatief("i3", eigenaar="uwv", werkgeversbenadering="ja", sectoren="zorg"),
             initiatief("i4", eigenaar="roc", werkgeversbenadering="nee", sectoren="zorg;ict"),
             initiatief("i5", "afgerond", eigenaar="roc", werkgeversbenadering="ja",
                        sectoren="zorg;ict")]
    b = vind(werkboek(sectoren=sectoren, initiatieven=inits), "werkgevers-meervoudig-benaderd")
    assert [(x["onderwerpen"], x["betrokken"]) for x in b] == [(["zorg"], ["sbb", "uwv"])]
    assert b[0]["toelichting"].startswith("In sector 'Zorg' benaderen 2 organisaties")


def test_mogelijk_duplicaat():
    inits = [initiatief("wsp", naam="Werkgeversservicepunt Gooi", eigenaar="uwv",
                        beschrijving="Eén loket voor werkgevers in de regio."),
             initiatief("wsp-2", naam="Werkgeversservicpunt Gooi", eigenaar="sbb",
                        beschrijving="Eén loket voor werkgevers in de regio."),
             initiatief("taal-hsum", naam="Taalhuis Hilversum", beschrijving="Taalhulp."),
             initiatief("taal-huizen", naam="Taalhuis Huizen", beschrijving="Taalhulp."),
             initiatief("taal-oud", "afgerond", naam="Taalhuis Hilversum",
                        beschrijving="Taalhulp.")]
    b = vind(werkboek(initiatieven=inits), "mogelijk-duplicaat")
    assert [(x["onderwerpen"], x["betrokken"]) for x in b] == [(["wsp", "wsp-2"], ["sbb", "uwv"])]
    assert "'Werkgeversservicepunt Gooi' en 'Werkgeversservicpunt Gooi'" in b[0]["toelichting"]


# -- netwerk -----------------------------------------------------------------

def test_doel_afhankelijk_van_een_partij():
    doelen = DOELEN + [{"id": "sd3", "naam": "Leeg", "soort": "subdoel", "bovenliggend": "hd"}]
    inspanningen = [{"id": "in1", "naam": "M", "doelen": "sd1"},
                    {"id": "in2", "naam": "T", "doelen": "sd2"},
                    {"id": "in3", "naam": "L", "doelen": "sd3"}]
    inits = [initiatief("i1", eigenaar="uwv", inspanningen="in1", partners="sbb"),
             initiatief("i2", "gepland", eigenaar="uwv", inspanningen="in1"),
             initiatief("i3", "afgerond", eigenaar="sbb", inspanningen="in1"),
             initiatief("i4", eigenaar="uwv", inspanningen="in2"),
             initiatief("i5", eigenaar="roc", inspanningen="in2")]
    wb = werkboek(doelen=doelen, inspanningen=inspanningen, initiatieven=inits)
    b = vind(wb, "doel-afhankelijk-van-een-partij")
    assert [(x["onderwerpen"], x["betrokken"]) for x in b] == [(["sd1"], ["uwv", "i1", "i2"])]
    assert b[0]["toelichting"].startswith("Subdoel 'Jongeren aan het werk' hangt af van UWV")


# -- the run as a whole ------------------------------------------------------

def test_vorm_en_volgorde_van_een_volledige_run():
    wb = _dubbel_werkboek()
    resultaat = checks.draai(store_met(wb), PEIL)
    assert list(resultaat) == ["peildatum", "bevindingen"]
    assert resultaat["peildatum"] == "2026-05-07"
    volgorde = [c for c, _ in checks.CHECKS]
    posities = [volgorde.index(b["code"]) for b in resultaat["bevindingen"]]
    assert posities == sorted(posities)
    for b in resultaat["bevindingen"]:
        assert list(b) == ["code", "titel", "toelichting", "onderwerpen", "betrokken"]
        assert b["titel"] == dict(checks.CHECKS)[b["code"]]
    assert checks.draai(store_met(wb), PEIL) == resultaat


def test_checks_lijst():
    assert len(checks.CHECKS) == 12
    assert checks.CHECKS[0] == ("doel-zonder-inspanning", "Subdoel zonder inspanning")
    assert checks.CHECKS[-1][0] == "doel-afhankelijk-van-een-partij"


def test_onbekende_code():
    with pytest.raises(ScanFout) as e:
        checks.draai(store_met(werkboek()), PEIL, ["bestaat-niet"])
    assert "Onbekende controle 'bestaat-niet'" in str(e.value)
    assert "doel-zonder-inspanning" in str(e.value)


def test_lege_scan_geeft_geen_bevindingen():
    resultaat = checks.draai(store_met({}), PEIL)
    assert resultaat == {"peildatum": "2026-05-07", "bevindingen": []}


def test_als_tekst():
    resultaat = checks.draai(store_met(_dubbel_werkboek()), PEIL)
    tekst = checks.als_tekst(resultaat)
    assert tekst.startswith("360-graden scan: bevindingen op 7 mei 2026")
    assert tekst.index("Hiaten") < tekst.index("Overlap") < tekst.index("Netwerk")
    assert "Dubbel aanbod (6)" in tekst
    assert "Werkgevers meervoudig benaderd (0)\n" in tekst
    assert "  - Geen bevindingen." in tekst
    alleen = checks.als_tekst(checks.draai(store_met({}), PEIL, ["verouderd"]), ["verouderd"])
    assert "Dubbel aanbod" not in alleen and "Verouderd initiatief (0)" in alleen
