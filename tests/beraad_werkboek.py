"""A planted werkboek for the Regionaal Beraad's pages (DIN, dekking, invloedssfeer).

Built on ``werkboeken.KLEIN`` with a few rows added so each rule shows in
one cell: an afgerond initiative, a gepland one, one for one gemeente only,
one for the broader doelgroep, a subdoel without inspanning, an inspanning
with only an afgerond initiative, sectors with vacancy figures.
"""
from __future__ import annotations

from pathlib import Path

from werkboeken import KLEIN, met, schrijf_csv

from graaf.scan import laad
from graaf.store import Store


def beraad_rijen() -> dict:
    r = met(KLEIN, "opgaven", 0, id="sociale-opgave", naam="Sociale opgave")
    r = met(r, "doelen", 1, opgaven="sociale-opgave")
    r = met(r, "doelen", 2, id="subdoel-2", naam="Werkgevers geholpen", soort="subdoel",
            bovenliggend="hoofddoel")
    r = met(r, "doelen", 3, id="subdoel-3", naam="Leren is de norm", soort="subdoel",
            bovenliggend="hoofddoel")
    r = met(r, "inspanningen", 1, id="scholing", naam="Scholing", doelen="subdoel-3")
    r = met(r, "sectoren", 0, id="zorg", naam="Zorg", focus="ja")
    r = met(r, "sectoren", 1, id="verpleging", naam="Verpleging", bovenliggend="zorg")
    r = met(r, "sectoren", 2, id="ict", naam="ICT")
    r = met(r, "indicatoren", 0, id="vac-ict", naam="Vacatures ICT", waarde="300",
            eenheid="vacatures", peildatum="2025-06-30", sector="ict")
    r = met(r, "indicatoren", 1, id="vac-zorg", naam="Vacatures zorg", waarde="900",
            eenheid="vacatures", peildatum="2025-06-30", sector="zorg")
    r = met(r, "initiatieven", 0, invloedssfeer="eigen", sectoren="verpleging")
    # rmt (afgerond) now realises matching too: it must never count.
    r = met(r, "initiatieven", 1, inspanningen="matching;scholing", doelgroepen="werkzoekenden",
            invloedssfeer="partner", sectoren="zorg")
    r = met(r, "initiatieven", 2, id="taalhuis", naam="Taalhuis Huizen", soort="voorziening",
            status="gepland", eigenaar="huizen", inspanningen="matching",
            doelgroepen="werkzoekenden", werkgebied="huizen", invloedssfeer="partner")
    r = met(r, "initiatieven", 3, id="los", naam="Los project", soort="project",
            status="lopend", eigenaar="uwv", werkgebied="hilversum", invloedssfeer="omgeving")
    r = met(r, "initiatieven", 4, id="zonder-sfeer", naam="Zonder sfeer", soort="project",
            status="lopend", eigenaar="uwv", inspanningen="matching", werkgebied="regio")
    return r


def beraad_store(map_: Path, rijen: dict | None = None) -> Store:
    store = Store()
    laad(store, schrijf_csv(map_, rijen or beraad_rijen()), door="test")
    return store


def beraad_client(map_: Path, rijen: dict | None = None):
    """A test client of the site on an on-disk store holding the planted werkboek."""
    from web import create_app

    store = Store(map_ / "store")
    laad(store, schrijf_csv(map_ / "werkboek", rijen or beraad_rijen()), door="test")
    store.close()
    del store  # releases the engine's lock before the app opens the folder
    app = create_app({"STORE": str(map_ / "store"), "SECRET_KEY": "test", "TESTING": True})
    return app.test_client()
