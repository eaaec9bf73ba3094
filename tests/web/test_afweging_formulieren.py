"""The afwegingskader write side: scoring, recording a besluit, editing the criteria.

On its own app and store (the planted afweging werkboek on KLEIN as version 1:
criteria ``bijdrage`` (2) and ``draagvlak`` (1); Piet and Anna scored ``wsp``;
besluit ``verbinden`` of 2026-03-12), so the versions made here stay here.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from rdflib.compare import isomorphic

from accounthulp import csrf_token
from afweging_werkboek import afweging_rijen

SCOREN = "/afwegingskader/initiatief/wsp/scoren"
BESLUIT = "/afwegingskader/initiatief/wsp/besluit"


@pytest.fixture(scope="module")
def site_app(eigen_site):
    return eigen_site("afweging-formulieren", afweging_rijen())


def _versie(site_app):
    return site_app.extensions["scan"].huidige()


def _post(client, pad: str, **data):
    return client.post(pad, data={"csrf_token": csrf_token(client), **data})


def _veldfouten(html: str) -> list[str]:
    return re.findall(r'class="veldfout" id="fout-([^"]+)">([^<]+)<', html)


def test_adviseur_scoort_naast_de_anderen(site_app, client, log_in) -> None:
    naam = log_in("adviseur")
    voor = _versie(site_app).nummer
    html = client.get(SCOREN).get_data(as_text=True)
    assert "Bijdrage aan de subdoelen (gewicht 2)" in html and f"<strong>{naam}</strong>" in html
    antwoord = _post(client, SCOREN, **{"score-bijdrage": "0", "toelichting-bijdrage": "Nog geen bereik",
                                        "score-draagvlak": "2"})
    assert antwoord.status_code == 303 and antwoord.headers["Location"] == "/afwegingskader/initiatief/wsp"
    versie = _versie(site_app)
    assert (versie.nummer, versie.door) == (voor + 1, naam) and "Scores op Werkgeversservicepunt" in versie.notitie
    data = client.get("/afwegingskader/initiatief/wsp.json").get_json()["onderwerp"]
    assert naam in data["beoordelaars"] and "Piet Adviseur" in data["beoordelaars"]
    bijdrage = next(r for r in data["criteria"] if r["criterium"]["id"] == "bijdrage")
    mijn = bijdrage["scores"][data["beoordelaars"].index(naam)]
    assert mijn == {"score": 0, "toelichting": "Nog geen bereik", "datum": date.today().isoformat()}
    assert bijdrage["gemiddelde"] == pytest.approx(4 / 3)  # Piet 3, Anna 1, this adviser 0
    assert data["percentage_tekst"] == "57%"  # (2 × 4/3 + 1 × 2.5) / (3 × 3), was 78%
    assert data["advies"] == "pilot"
    regels, _ = site_app.extensions["audit"].lees(1, 5)
    assert any(r["actie"] == "afweging: scoren" and r["wie"] == naam and "versie" in r["wat"]
               for r in regels)


def test_opnieuw_scoren_vervangt_en_leeg_verwijdert(site_app, client, log_in) -> None:
    naam = log_in("adviseur")
    _post(client, SCOREN, **{"score-bijdrage": "1", "score-draagvlak": "1"})
    html = client.get(SCOREN).get_data(as_text=True)
    assert re.search(r'<option value="1" selected>', html)
    _post(client, SCOREN, **{"score-bijdrage": "3", "score-draagvlak": ""})
    data = client.get("/afwegingskader/initiatief/wsp.json").get_json()["onderwerp"]
    kolom = data["beoordelaars"].index(naam)
    per = {r["criterium"]["id"]: r["scores"][kolom] for r in data["criteria"]}
    assert per["bijdrage"]["score"] == 3 and per["draagvlak"] is None
    nummer = _versie(site_app).nummer
    assert _post(client, SCOREN, **{"score-bijdrage": "3", "score-draagvlak": ""}).status_code == 303
    assert _versie(site_app).nummer == nummer  # the same scores again: no new version
    assert "Er was niets te wijzigen" in client.get("/afwegingskader/initiatief/wsp").get_data(as_text=True)


def test_ongeldige_score_geeft_meldingen_en_schrijft_niets(site_app, client, log_in) -> None:
    log_in("adviseur")
    voor = _versie(site_app).nummer
    antwoord = _post(client, SCOREN, **{"score-bijdrage": "7", "score-draagvlak": "veel"})
    html = antwoord.get_data(as_text=True)
    assert antwoord.status_code == 422 and "Niet opgeslagen" in html
    fouten = dict(_veldfouten(html))
    assert "0 tot en met 3" in fouten["score-bijdrage"] and "7" in fouten["score-bijdrage"]
    assert "veel" in fouten["score-draagvlak"]
    assert 'aria-invalid="true" aria-describedby="fout-score-bijdrage"' in html
    assert _versie(site_app).nummer == voor
    regels, _ = site_app.extensions["audit"].lees(1, 3)
    assert regels[0]["actie"] == "afweging: scoren" and regels[0]["resultaat"].startswith("geweigerd")


def test_een_partner_scoren(site_app, client, log_in) -> None:
    """Assessments are per initiative or per partner (organisatie)."""
    log_in("adviseur")
    pad = "/afwegingskader/organisatie/uwv/scoren"
    assert _post(client, pad, **{"score-bijdrage": "3", "score-draagvlak": "3"}).status_code == 303
    data = client.get("/afwegingskader/organisatie/uwv.json").get_json()["onderwerp"]
    assert data["beoordeeld"] == 2 and data["percentage_tekst"] == "67%"  # (2 × 1.5 + 1 × 3) / 9, with Piet's 0
    assert 'href="/afwegingskader/organisatie/uwv/scoren"' in client.get("/doc/organisatie/uwv").get_data(as_text=True)


def test_rollen(site_app, client, log_in) -> None:
    log_in("lezer")
    assert client.get(SCOREN).status_code == 403
    assert _post(client, SCOREN, **{"score-bijdrage": "2"}).status_code == 403
    client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    log_in("adviseur")
    assert client.get(BESLUIT).status_code == 403
    assert client.get("/beheer/criteria").status_code == 403
    assert client.get("/afwegingskader/initiatief/bestaat-niet/scoren").status_code == 404
    assert client.get("/afwegingskader/doel/subdoel-1/scoren").status_code == 404


def test_besluit_op_pagina_en_in_rapport(site_app, client, log_in) -> None:
    naam = log_in("beheerder")
    html = client.get(BESLUIT).get_data(as_text=True)
    assert f'value="{date.today().isoformat()}"' in html and '<option value="rb" selected>' in html
    antwoord = _post(client, BESLUIT, besluit="aanhouden", datum="2027-01-14", gremium="rb",
                     toelichting="Eerst de cijfers van de pilot afwachten")
    assert antwoord.status_code == 303
    versie = _versie(site_app)
    assert versie.door == naam and "Besluit over Werkgeversservicepunt" in versie.notitie
    herkomst = client.get("/afwegingskader/initiatief/wsp.json").get_json()["onderwerp"]["besluit"]
    assert herkomst["vastgelegd"]["versie"] == versie.nummer and herkomst["vastgelegd"]["door"] == naam
    assert f"Vastgelegd op de site door {naam} op {date.today().isoformat()}" in \
        client.get("/doc/initiatief/wsp").get_data(as_text=True)
    client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    anoniem = client.get("/afwegingskader/initiatief/wsp.json").get_json()["onderwerp"]["besluit"]
    assert anoniem["vastgelegd"] == {**herkomst["vastgelegd"], "door": None}
    pagina = client.get("/doc/initiatief/wsp").get_data(as_text=True)  # anonymous: the board
    deel = pagina[pagina.index('id="afweging-kop"'):]
    assert "<strong>Aanhouden</strong>, 2027-01-14 (Regionaal Beraad)" in deel
    assert "Waarom: Eerst de cijfers van de pilot afwachten" in deel
    assert "Gewogen score" in deel and "70% of meer: <strong>verbinden</strong>" in deel
    assert "Sterk in matching" in deel  # the assessors' reasons
    json_ = client.get("/doc/initiatief/wsp.json").get_json()["afweging"]["onderwerp"]
    assert json_["besluit"]["besluit"] == "aanhouden" and json_["besluit"]["aantal"] == 3
    rapport = client.get("/rapport").get_data(as_text=True)
    sectie = rapport[rapport.index('id="afweging-kop"'):rapport.index('id="versie-kop"')]
    assert "<strong>Aanhouden</strong>, 2027-01-14" in sectie
    assert "Eerst de cijfers van de pilot afwachten" in sectie


def test_besluit_zonder_motivering_of_met_foute_datum(site_app, client, log_in) -> None:
    log_in("beheerder")
    voor = _versie(site_app).nummer
    html = _post(client, BESLUIT, besluit="pilot", datum="2027-01-14", toelichting=" ").get_data(as_text=True)
    assert dict(_veldfouten(html))["toelichting"].startswith("Geef de motivering")
    antwoord = _post(client, BESLUIT, besluit="misschien", datum="14 januari", toelichting="x")
    fouten = dict(_veldfouten(antwoord.get_data(as_text=True)))
    assert antwoord.status_code == 422
    assert "Kies uit: verbinden, niet-verbinden, pilot, aanhouden" in fouten["besluit"]
    assert "14 januari" in fouten["datum"]
    assert _versie(site_app).nummer == voor


def test_criteria_toevoegen_wijzigen_verwijderen(site_app, client, log_in) -> None:
    log_in("beheerder")
    html = client.get("/beheer/criteria").get_data(as_text=True)
    assert "Bijdrage aan de subdoelen" in html and 'href="/beheer/criteria/bijdrage"' in html
    fout = _post(client, "/beheer/criteria/nieuw", naam="Duurzame financiering", gewicht="-1")
    assert fout.status_code == 422 and "0 of meer" in dict(_veldfouten(fout.get_data(as_text=True)))["gewicht"]
    assert _post(client, "/beheer/criteria/nieuw", naam="Duurzame financiering", gewicht="1,5",
                 beschrijving="Is er geld na 2027?").status_code == 303
    criteria = {c["id"]: c for c in client.get("/beheer/criteria.json").get_json()["criteria"]}
    assert criteria["duurzame-financiering"]["gewicht"] == 1.5
    assert _post(client, "/beheer/criteria/draagvlak", naam="Draagvlak", gewicht="4").status_code == 303
    rangorde = client.get("/afwegingskader.json").get_json()["criteria"]
    assert rangorde[0]["id"] == "draagvlak" and rangorde[0]["naam"] == "Draagvlak"
    scores = criteria["draagvlak"]["scores"]
    assert scores >= 1 and f"ook de {scores} score(s)" in client.get("/beheer/criteria/draagvlak").get_data(as_text=True)
    assert _post(client, "/beheer/criteria/draagvlak/verwijder").status_code == 303
    assert "draagvlak" not in {c["id"] for c in client.get("/beheer/criteria.json").get_json()["criteria"]}
    assert "Criterium 'Draagvlak' verwijderd, met" in _versie(site_app).notitie


def test_verouderd_formulier_geweigerd(site_app, client, log_in) -> None:
    log_in("beheerder")
    oud = _versie(site_app).nummer
    _post(client, "/beheer/criteria/bijdrage", naam="Bijdrage", gewicht="2", op_versie=str(oud))
    antwoord = _post(client, "/beheer/criteria/bijdrage", naam="Iets anders", gewicht="2",
                     op_versie=str(oud))
    assert antwoord.status_code == 409 and "gewijzigd nadat u dit formulier opende" in \
        antwoord.get_data(as_text=True)
    assert _versie(site_app).nummer == oud + 1


def _zonder_voet(html: str) -> str:
    """The page without its footer, which names the latest version's author: that is the
    version's provenance (public for every upload too, see README), not the assessor."""
    return re.sub(r"<footer.*?</footer>", "", html, flags=re.S)


def test_beoordelaar_alleen_voor_ingelogden(site_app, client, log_in) -> None:
    """The assessor is personal data: not on pages, JSON, RDF, diffs or /sparql when anonymous."""
    naam = log_in("adviseur")
    _post(client, SCOREN, **{"score-bijdrage": "2", "score-draagvlak": "2"})
    nummer = _versie(site_app).nummer
    afweging_id = next(r["afweging"] for r in site_app.extensions["scan"].waarden(
        "SELECT ?afweging WHERE { ?a <https://w3id.org/360-scan/def#beoordelaar> ?b ; "
        "<http://purl.org/dc/terms/identifier> ?afweging FILTER(?b = ?n) }".replace("?n", f'"{naam}"')))
    query = "SELECT ?b WHERE { ?a <https://w3id.org/360-scan/def#beoordelaar> ?b }"
    paden = ["/afwegingskader.json", "/afwegingskader/initiatief/wsp", "/afwegingskader/initiatief/wsp.json",
             f"/doc/afweging/{afweging_id}", f"/doc/afweging/{afweging_id}.json",
             f"/doc/afweging/{afweging_id}.ttl", f"/versies/{nummer - 1}/{nummer}",
             f"/versies/{nummer - 1}/{nummer}.csv", "/doc/initiatief/wsp", "/rapport.json",
             "/doc/afweging/a1", "/doc/afweging/a1.jsonld", "/versies/1/2"]
    ingelogd = {p: client.get(p).get_data(as_text=True) for p in paden}
    sparql_in = client.get("/sparql", query_string={"query": query},
                           headers={"Accept": "application/sparql-results+json"})
    assert naam in ingelogd[f"/doc/afweging/{afweging_id}"] and naam in ingelogd["/afwegingskader.json"]
    assert naam in ingelogd[f"/versies/{nummer - 1}/{nummer}"] and naam in sparql_in.get_data(as_text=True)
    client.post("/uitloggen", data={"csrf_token": csrf_token(client, "/")})
    for pad in paden + ["/rapport", "/zoeken?q=Piet"]:
        antwoord = client.get(pad)
        tekst = antwoord.get_data(as_text=True)
        assert antwoord.status_code == 200, pad
        assert "Piet Adviseur" not in tekst and "Anna Beoordeelster" not in tekst, pad
        if pad not in ("/rapport", "/rapport.json"):
            assert naam not in _zonder_voet(tekst), pad  # (these name the version's author)
    assert "(afgeschermd)" in client.get(f"/doc/afweging/{afweging_id}").get_data(as_text=True)
    sparql = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "application/sparql-results+json"})
    assert sparql.status_code == 200 and sparql.get_json()["results"]["bindings"] == []


def test_invoer_komt_terug_in_het_werkboek(site_app, client, log_in, tmp_path) -> None:
    """Scores, a besluit and a criterion entered on the site come back in the werkboek
    download, and loading that werkboek gives the same graph."""
    import ingest

    naam = log_in("beheerder")
    _post(client, "/beheer/criteria/nieuw", naam="Bereik focusdoelgroepen", gewicht="2")
    _post(client, SCOREN, **{"score-bereik-focusdoelgroepen": "3", "toelichting-bereik-focusdoelgroepen": "Jongeren"})
    _post(client, BESLUIT, besluit="pilot", datum="2027-02-11", gremium="rb", toelichting="Proef van een jaar")
    antwoord = client.get("/beheer/download.xlsx")
    pad = tmp_path / "scan.xlsx"
    pad.write_bytes(antwoord.data)
    from openpyxl import load_workbook

    boek = load_workbook(pad, read_only=True)
    rijen = {b: [list(r) for r in boek[b].iter_rows(values_only=True)] for b in
             ("criteria", "afwegingen", "besluiten")}
    assert any(r[0] == "bereik-focusdoelgroepen" and r[1] == "Bereik focusdoelgroepen" for r in rijen["criteria"])
    kop = rijen["afwegingen"][0]
    mijn = [dict(zip(kop, r)) for r in rijen["afwegingen"][1:] if naam in r]
    assert mijn and mijn[0]["criterium"] == "bereik-focusdoelgroepen" and str(mijn[0]["score"]) == "3"
    kop = rijen["besluiten"][0]
    assert any(dict(zip(kop, r))["toelichting"] == "Proef van een jaar" for r in rijen["besluiten"][1:])
    terug = ingest.lees(pad, "https://w3id.org/360-scan").graaf
    assert isomorphic(terug, site_app.extensions["scan"].graaf())


def test_twee_adviseurs_tegelijk(site_app, maak_gebruiker) -> None:
    """Two advisers saving at the same moment: both scores land, in two versions, never one
    lost (an adding form is applied again on the newer version instead of refused)."""
    import threading

    from accounthulp import WACHTWOORD

    clients, namen = [], []
    for _ in range(2):
        c = site_app.test_client()
        naam = maak_gebruiker("adviseur")
        c.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD,
                                  "csrf_token": csrf_token(c)})
        clients.append(c)
        namen.append(naam)
    voor = _versie(site_app).nummer
    tokens = [csrf_token(c) for c in clients]
    start, uitkomsten = threading.Barrier(2), [None, None]

    def scoor(i: int) -> None:
        start.wait()
        uitkomsten[i] = clients[i].post("/afwegingskader/initiatief/rmt/scoren", data={
            "csrf_token": tokens[i], "score-bijdrage": str(i + 1)}).status_code
    draden = [threading.Thread(target=scoor, args=(i,)) for i in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert uitkomsten == [303, 303]
    assert _versie(site_app).nummer == voor + 2
    data = clients[0].get("/afwegingskader/initiatief/rmt.json").get_json()["onderwerp"]
    assert set(namen) <= set(data["beoordelaars"])
