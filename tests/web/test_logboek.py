"""The structured log (web/logboek.py): JSON lines for writes, refusals and queries,
with shortened addresses for anonymous visitors and never a secret.

Secrets are planted where a careless log would pick them up: the password
at login (also typed into the name field), a bearer token and an API key in
headers, the session cookie, the CSRF token, the app's SECRET_KEY and
another secret config value, a secret inside a SPARQL query; none may reach
the log file, the audit log or Python logging.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from accounthulp import WACHTWOORD, csrf_token
from web.logboek import kort_ip

GEHEIM = "Geplant-Wachtwoord-7f3a!"
TOKEN = "geplant-token-c0ffee-91"
SLEUTEL = "geplante-secret-key-5e5e5e"
INSTELLING = "geplante-instelling-a1b2c3"
IN_QUERY = "geplant-in-query-4242"
IPV4, IPV6 = "203.0.113.77", "2001:db8:1234:5678::1"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from web import create_app

    map_ = tmp_path_factory.mktemp("logboek")
    app = create_app({"STORE_IN_GEHEUGEN": True, "TESTING": True, "SECRET_KEY": SLEUTEL,
                      "STORE_WACHTWOORD": INSTELLING, "INLOG_MAX_POGINGEN": 2,
                      "LOGBOEK": str(map_ / "logboek.jsonl"),
                      "AUDITLOG": str(map_ / "audit.jsonl"),
                      "GEBRUIKERS": str(map_ / "gebruikers.sqlite")})
    yield app
    if "sparql_werkers" in app.extensions:
        app.extensions["sparql_werkers"].sluit()


def _regels(app) -> list[dict]:
    tekst = Path(app.config["LOGBOEK"]).read_text(encoding="utf-8")
    return [json.loads(r) for r in tekst.splitlines()]  # every line is one JSON object


def _planten(app) -> dict[str, str]:
    """Run the requests that carry the secrets; returns the secrets made on the way."""
    app.extensions["gebruikers"].toevoegen("logboek-beheerder", WACHTWOORD, "beheerder")
    anoniem = app.test_client()
    vier = {"environ_base": {"REMOTE_ADDR": IPV4}}
    anoniem.get("/bestaat-niet?wachtwoord=" + GEHEIM, headers={
        "Authorization": f"Bearer {TOKEN}", "X-Api-Key": TOKEN}, **vier)
    anoniem.get("/sparql", query_string={"query": f'ASK {{ ?s ?p "{IN_QUERY}" }}'},
                environ_base={"REMOTE_ADDR": IPV6})
    token = csrf_token(anoniem)
    for naam in ("logboek-beheerder", GEHEIM, "logboek-beheerder", "logboek-beheerder"):
        # 401 three times (at most 2 per name and address), then 429
        anoniem.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": GEHEIM,
                                        "csrf_token": token}, **vier)
    anoniem.post("/uitloggen", data={"csrf_token": "vervalst-" + TOKEN}, **vier)
    beheerder = app.test_client()
    beheerder.post("/inloggen", data={"gebruikersnaam": "logboek-beheerder",
                                      "wachtwoord": WACHTWOORD,
                                      "csrf_token": csrf_token(beheerder)})
    sessie = beheerder.get_cookie("graaf_sessie").value
    nieuw = csrf_token(beheerder, "/")
    beheerder.post("/uitloggen", data={"csrf_token": nieuw})
    return {"csrf": token, "csrf2": nieuw, "sessie": sessie}


@pytest.fixture(scope="module")
def gelogd(app) -> dict:
    """The requests run once; the log file, the audit file and Python logging's output."""
    vanger = _Vanger()
    logging.getLogger().addHandler(vanger)
    oud = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        gemaakt = _planten(app)
    finally:
        logging.getLogger().removeHandler(vanger)
        logging.getLogger().setLevel(oud)
    return {"regels": _regels(app), "gemaakt": gemaakt, "python": "\n".join(vanger.teksten),
            "audit": Path(app.config["AUDITLOG"]).read_text(encoding="utf-8"),
            "bestand": Path(app.config["LOGBOEK"]).read_text(encoding="utf-8")}


class _Vanger(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.teksten: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.teksten.append(self.format(record) + repr(record.__dict__))


def test_geen_geheim_in_enig_log(gelogd) -> None:
    geheimen = [GEHEIM, WACHTWOORD, TOKEN, SLEUTEL, INSTELLING, IN_QUERY,
                *gelogd["gemaakt"].values()]
    for waar in ("bestand", "audit", "python"):
        for geheim in geheimen:
            assert geheim not in gelogd[waar], f"{geheim!r} staat in {waar}"
    assert IPV4 not in gelogd["bestand"] and "5678" not in gelogd["bestand"]


def _vind(regels: list[dict], **velden) -> list[dict]:
    return [r for r in regels if all(r.get(k) == v for k, v in velden.items())]


def test_weigeringen_met_wie_wat_wanneer_waarvandaan(gelogd) -> None:
    regels = gelogd["regels"]
    niet_gevonden = _vind(regels, route="/bestaat-niet", status=404)
    assert niet_gevonden and niet_gevonden[0]["van"] == "203.0.113.0/24"
    assert niet_gevonden[0]["gebeurtenis"] == "geweigerd" and "wie" not in niet_gevonden[0]
    assert len(_vind(regels, route="/inloggen", status=401, van="203.0.113.0/24")) == 3
    assert _vind(regels, route="/inloggen", status=429, resultaat="geweigerd")
    csrf = _vind(regels, route="/uitloggen", status=400)
    assert csrf and csrf[0]["reden"] == "csrf"
    query = _vind(regels, gebeurtenis="query", route="/sparql")
    assert query and query[0]["van"] == "2001:db8:1234::/48"
    for r in regels:
        assert r["tijd"].endswith("+00:00") and r["methode"] and r["resultaat"]


def test_schrijven_met_naam_en_volledig_adres(gelogd) -> None:
    uit = _vind(gelogd["regels"], route="/uitloggen", wie="logboek-beheerder")
    assert uit and uit[0]["rol"] == "beheerder" and uit[0]["van"] == "127.0.0.1"
    assert uit[0]["gebeurtenis"] == "schrijven" and uit[0]["resultaat"] == "gelukt"


def test_geheime_routeargumenten_weg(app) -> None:
    """An upload token in the path is a capability: the route is logged, not the token."""
    with app.test_request_context("/x"):
        from web.logboek import _argumenten

        assert _argumenten({"token": TOKEN, "nummer": 3}) == {"nummer": "3"}


@pytest.mark.parametrize("adres, kort", [
    ("192.0.2.201", "192.0.2.0/24"), ("2001:db8:aa:bb::7", "2001:db8:aa::/48"),
    ("::ffff:198.51.100.9", "198.51.100.0/24"), ("geen-ip", "onbekend")])
def test_kort_ip(adres: str, kort: str) -> None:
    assert kort_ip(adres) == kort
