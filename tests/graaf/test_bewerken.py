"""Editing the scan as werkboek rows (graaf.bewerken, graaf.afweging_invoer) and the
personal-data split of the assessor (graaf.privacy), on a real in-memory store."""
from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from afweging_werkboek import afweging_store
from graaf import afweging_invoer as invoer
from graaf import bewerken
from graaf.fouten import Bevinding, ScanFout, ScanGewijzigd
from graaf.scan import laad
from graaf.store import Store
from graaf.vocab import SCAN
from werkboeken import KLEIN, schrijf_csv

EXTRA = (URIRef("https://example.org/ding"), URIRef("https://example.org/eigenschap"),
         Literal("buiten het werkboek"))


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store()
    laad(s, schrijf_csv(tmp_path / "klein", KLEIN), door="test")
    return s


def test_ongewijzigd_terugschrijven_geeft_dezelfde_graaf(store) -> None:
    b = bewerken.open_(store)
    assert b.rest == []
    versie = bewerken.schrijf(store, b, "kwartiermaker", "niets veranderd")
    assert versie.nummer == 2 and versie.door == "kwartiermaker"
    assert isomorphic(store.graaf(1), store.graaf(2))


def test_wat_het_werkboek_niet_kent_blijft_staan(store) -> None:
    store.nieuwe_versie(list(store.graaf()) + [EXTRA], door="turtle")
    b = bewerken.open_(store)
    assert b.rest == [EXTRA]
    rij = b.rij("initiatieven", "wsp")
    b.zet("initiatieven", {**rij, "naam": "WSP Gooi"})
    bewerken.schrijf(store, b, "k", "naam")
    g = store.graaf()
    assert EXTRA in g
    assert Literal("WSP Gooi") in set(g.objects(URIRef("https://w3id.org/360-scan/id/initiatief/wsp"), None))


def test_ongeldige_rij_wordt_geweigerd_met_plek(store) -> None:
    b = bewerken.open_(store)
    nr = b.zet("initiatieven", {**b.rij("initiatieven", "wsp"), "status": "half af"})
    with pytest.raises(ScanFout) as fout:
        bewerken.schrijf(store, b, "k", "fout")
    assert [(x.blad, x.rij, x.kolom) for x in fout.value.bevindingen] == [("initiatieven", nr, "status")]
    assert store.huidige().nummer == 1
    velden, overig = bewerken.per_veld(fout.value.bevindingen, {("initiatieven", nr): ""})
    assert "Kies uit" in velden["status"][0] and "half af" in velden["status"][0] and overig == []


def test_verouderde_bewerking_geweigerd(store) -> None:
    b = bewerken.open_(store)
    store.nieuwe_versie(store.graaf(), door="ander")
    with pytest.raises(ScanGewijzigd):
        bewerken.schrijf(store, b, "k", "te laat")
    assert store.huidige().door == "ander"


def test_per_veld_en_ids() -> None:
    bevindingen = [Bevinding("Te hoog.", "afwegingen", 5, "score", "7"),
                   Bevinding("Elders.", "initiatieven", 2, "naam")]
    velden, overig = bewerken.per_veld(bevindingen, {("afwegingen", 5): "bijdrage"})
    assert velden == {"score-bijdrage": ["Te hoog. (ingevuld: '7')"]}
    assert overig == ["blad 'initiatieven', rij 2, kolom 'naam': Elders."]
    assert bewerken.maak_slug("Één Loket  & Co!") == "een-loket-co"
    assert bewerken.maak_slug("!!!") == ""


def test_scores_van_een_beoordelaar_naast_anderen(tmp_path) -> None:
    store = afweging_store(tmp_path / "w")
    b = bewerken.open_(store)
    rijen = invoer.zet_scores(b, "wsp", "nieuw", [invoer.Score("bijdrage", "2", "ok"),
                                                  invoer.Score("draagvlak", "")], "2026-11-01", "site")
    assert list(rijen.values()) == ["bijdrage"]
    bewerken.schrijf(store, b, "nieuw", "scores")
    b = bewerken.open_(store)
    assert invoer.mijn_scores(b, "wsp", "nieuw")["bijdrage"]["score"] in (2, "2")
    assert {r["beoordelaar"] for r in b.rijen("afwegingen") if r["onderwerp"] == "wsp"} == {
        "Piet Adviseur", "Anna Beoordeelster", "nieuw"}
    invoer.zet_scores(b, "wsp", "nieuw", [invoer.Score("bijdrage", "")], "2026-11-02", "site")
    assert invoer.mijn_scores(b, "wsp", "nieuw") == {}
    assert invoer.verwijder_criterium(b, "draagvlak") == 1  # Anna's score on it
    bewerken.schrijf(store, b, "beheerder", "criterium weg")
    assert not any(r["criterium"] == "draagvlak" for r in bewerken.open_(store).rijen("afwegingen"))


def test_beoordelaar_staat_in_de_persoonsgraaf(tmp_path) -> None:
    """The public graph of a version has no assessor; the version as a whole has them."""
    store = afweging_store(tmp_path / "w")
    versie = store.huidige()
    query = f"SELECT ?b WHERE {{ ?a <{SCAN.beoordelaar}> ?b }}"
    openbaar = json.loads(store.query_begrensd(query, [versie.graaf], [], "json", 100))
    assert openbaar["results"]["bindings"] == []
    alles = json.loads(store.query_begrensd(query, [versie.graaf, versie.personen], [], "json", 100))
    assert {r["b"]["value"] for r in alles["results"]["bindings"]} == {"Piet Adviseur", "Anna Beoordeelster"}
    assert {r["b"].toPython() for r in store.query(query)} == {"Piet Adviseur", "Anna Beoordeelster"}


def test_invoer_via_de_site_komt_terug_via_graaf_export(graaf_cli, store_map, tmp_path) -> None:
    """Scores, a besluit and a criterion written as on the site come back from
    ``graaf export --format xlsx``, and re-loading that export gives the same graph."""
    import ingest
    from afweging_werkboek import afweging_rijen

    assert graaf_cli("ingest", str(schrijf_csv(tmp_path / "w", afweging_rijen())),
                     "--door", "test").exit_code == 0
    store = Store(store_map)
    b = bewerken.open_(store)
    invoer.zet_criterium(b, "financiering", "Duurzame financiering", "1,5", "Geld na 2027?")
    invoer.zet_scores(b, "wsp", "adviseur-a", [invoer.Score("financiering", "2", "Tot 2028")],
                      "2026-11-23", "site")
    invoer.zet_besluit(b, "uwv", "niet-verbinden", "2026-12-10", "rb", "Buiten de opgave", "site")
    bewerken.schrijf(store, b, "adviseur-a", "via de site")
    verwacht = store.graaf()
    store.close()
    uit = tmp_path / "export.xlsx"
    assert graaf_cli("export", "--format", "xlsx", "-o", str(uit)).exit_code == 0
    from openpyxl import load_workbook

    boek = load_workbook(uit, read_only=True)
    bladen = {n: [list(r) for r in boek[n].iter_rows(values_only=True)] for n in
              ("criteria", "afwegingen", "besluiten")}
    assert ["financiering", "Duurzame financiering", 1.5, "Geld na 2027?"] == bladen["criteria"][
        [r[0] for r in bladen["criteria"]].index("financiering")][:4]
    assert any("adviseur-a" in r and "Tot 2028" in r for r in bladen["afwegingen"])
    assert any("Buiten de opgave" in r and "niet-verbinden" in r for r in bladen["besluiten"])
    assert isomorphic(ingest.lees(uit).graaf, verwacht)
