"""The history pages: the list of versions and the change list between two of them."""
from __future__ import annotations

import csv
import io

import pytest

from graaf.scan import laad
from graaf.store import Store
from werkboeken import KLEIN, met, schrijf_csv


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A site whose store has KLEIN as version 1 and a planted change as version 2."""
    from web import create_app

    map_ = tmp_path_factory.mktemp("versies")
    nieuw = met(KLEIN, "initiatieven", 0, status="afgerond", partners="huizen;uwv",
                trekker="p-bakker")
    nieuw = met(nieuw, "personen", 1, id="p-bakker", naam="B. Bakker", organisatie="uwv")
    store = Store(map_ / "store")
    laad(store, schrijf_csv(map_ / "a", KLEIN), door="Ans", notitie="RB 7 mei")
    laad(store, schrijf_csv(map_ / "b", nieuw), door="Bert", notitie="na het RB")
    store.close()
    del store  # releases the engine's lock before the app opens the folder
    app = create_app({"STORE": str(map_ / "store"), "SECRET_KEY": "test", "TESTING": True})
    yield app
    app.extensions["scan"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def test_lijst_toont_versies_en_vergelijkformulier(client) -> None:
    html = client.get("/versies").get_data(as_text=True)
    assert '<a href="/versies" aria-current="page">Versies</a>' in html
    for verwacht in ("RB 7 mei", "na het RB", "(huidig)",
                     'href="/versies/1/2"', '<select id="van" name="van">'):
        assert verwacht in html
    lijst = client.get("/versies.json").get_json()["versies"]
    assert [(v["nummer"], v["bronbestand"]) for v in lijst] == [(2, "b"), (1, "a")]


def test_auteur_van_een_versie_alleen_voor_wie_persoonsgegevens_mag_zien(app, client) -> None:
    """An author is an account name, usually a person's: hidden like a person's name."""
    paden = ("/versies", "/versies.json", "/", "/index.json", "/rapport.json", "/din")
    for pad in paden:
        tekst = client.get(pad).get_data(as_text=True)
        assert "Bert" not in tekst and "(afgeschermd)" in tekst, pad
    app.config["PERSOONSGEGEVENS_OPENBAAR"] = True
    try:
        lijst = client.get("/versies.json").get_json()["versies"]
        teksten = {pad: client.get(pad).get_data(as_text=True) for pad in paden}
    finally:
        app.config["PERSOONSGEGEVENS_OPENBAAR"] = False
    assert [v["door"] for v in lijst] == ["Bert", "Ans"]
    assert all("Bert" in tekst for tekst in teksten.values()), teksten.keys()


def test_formulier_stuurt_door_naar_verschil(client) -> None:
    antwoord = client.get("/versies?van=1&naar=2")
    assert antwoord.status_code == 302 and antwoord.headers["Location"].endswith("/versies/1/2")


def test_verschil_in_het_nederlands(client) -> None:
    html = client.get("/versies/1/2").get_data(as_text=True)
    assert "Wijzigingen van versie 1 naar versie 2" in html
    assert "Initiatieven: 0 toegevoegd, 0 verwijderd, 1 gewijzigd" in html
    assert "Werkgeversservicepunt (wsp)" in html
    assert "status lopend → afgerond" in html and "partners + uwv, − hilversum" in html
    assert 'href="/versies/1/2.csv"' in html
    d = client.get("/versies/1/2.json").get_json()
    assert d["aantallen"] == {"toegevoegd": 1, "verwijderd": 0, "gewijzigd": 1}


def test_csv_download(client) -> None:
    antwoord = client.get("/versies/1/2.csv")
    assert antwoord.status_code == 200 and antwoord.mimetype == "text/csv"
    assert "attachment" in antwoord.headers["Content-Disposition"]
    rijen = list(csv.reader(io.StringIO(antwoord.get_data(as_text=True))))
    assert rijen[0] == ["blad", "id", "naam", "soort wijziging", "kolom", "oud", "nieuw"]
    assert ["initiatieven", "wsp", "Werkgeversservicepunt", "gewijzigd", "status", "lopend",
            "afgerond"] in rijen


@pytest.mark.parametrize("pad", ["/versies/1/9", "/versies/9/1.json", "/versies/0/2.csv"])
def test_onbekende_versie_404(client, pad: str) -> None:
    antwoord = client.get(pad)
    assert antwoord.status_code == 404
    if not pad.endswith(".json"):
        assert "Versie niet gevonden" in antwoord.get_data(as_text=True)


def test_persoonsgegevens_afgeschermd_voor_anoniemen(client) -> None:
    for pad in ("/versies/1/2", "/versies/1/2.json", "/versies/1/2.csv"):
        tekst = client.get(pad).get_data(as_text=True)
        assert "Bakker" not in tekst and "p-jansen" not in tekst, pad
        assert "(afgeschermd)" in tekst, pad


def test_persoonsgegevens_zichtbaar_als_de_inrichting_het_toestaat(app, client) -> None:
    app.config["PERSOONSGEGEVENS_OPENBAAR"] = True
    try:
        html = client.get("/versies/1/2").get_data(as_text=True)
    finally:
        app.config["PERSOONSGEGEVENS_OPENBAAR"] = False
    assert "B. Bakker (p-bakker)" in html and "trekker p-jansen → p-bakker" in html
